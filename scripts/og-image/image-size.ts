/** The link-preview image's size: Open Graph's and Twitter's large card show 1.91 : 1 best. */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;
