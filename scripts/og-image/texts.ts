/**
 * What the link preview says: the image's title lines and the page's Open Graph and Twitter card
 * texts, all from the UI's own strings (src/i18n/messages.ts), in both languages.
 */
import { MESSAGES } from '../../src/i18n/messages';

const { zh, en } = MESSAGES;

/** The title and description shared links show, Chinese first as on the page. */
export const PREVIEW_TITLE = `${zh['app.title']} · ${en['app.title']}`;
export const PREVIEW_DESCRIPTION = `${zh['app.subtitle']}。${en['app.subtitle']}.`;
/** The image's text alternative: what the picture shows, in both languages. */
export const PREVIEW_IMAGE_ALT = `${zh['map.label']}（${zh['app.title']}）· ${en['map.label']} (${en['app.title']})`;

/** The texts the image draws, each with its language. */
export const IMAGE_TEXTS = {
  titleZh: zh['app.title'],
  titleEn: en['app.title'],
  subtitleZh: zh['app.subtitle'],
  subtitleEn: en['app.subtitle'],
} as const;
