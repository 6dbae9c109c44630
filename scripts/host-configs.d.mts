export interface HostConfigOptions {
  /** The path the site is served under, e.g. `/graphics/cq-atlas/`; `/` by default. */
  base?: string | undefined;
  /** A CSP source list for frame-ancestors; blank or missing means `*`. */
  frameAncestors?: string | undefined;
  /** The build's basemap URL (ATLAS_BASEMAP): its origin joins connect-src. */
  basemap?: string | undefined;
}

/** Directives a browser ignores in a <meta> policy. */
export const HEADER_ONLY_DIRECTIVES: string[];

/** The header's policy without the directives a <meta> policy cannot carry. */
export function metaPolicy(options?: { basemap?: string | undefined }): string;

/** The page with the meta policy right after its <meta charset> (replacing one already there). */
export function withMetaPolicy(html: string, options?: { basemap?: string | undefined }): string;

/** `_headers` for Netlify and Cloudflare Pages. */
export function headersFile(options?: HostConfigOptions): string;

/** An nginx `server` block serving the build from `root` (dist/, absolute, ending in a slash). */
export function nginxServer(options?: HostConfigOptions & { listen?: string; root?: string }): string;

export const DOCS_BEGIN: string;
export const DOCS_END: string;

/** The Markdown with the generated nginx block between its markers. */
export function withNginxBlock(markdown: string): string;

/** Writes `_headers` into the build and the meta policy into each of its pages. */
export function writeHostConfigs(dir?: string, options?: { basemap?: string | undefined }): { pages: string[] };
