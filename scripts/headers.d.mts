export interface HeaderOptions {
  /** A CSP source list for frame-ancestors; blank or missing means `*`. */
  frameAncestors?: string | undefined;
  /** The build's basemap URL (ATLAS_BASEMAP); its origin joins connect-src. */
  basemap?: string | undefined;
}

export type Header = [name: string, value: string];

export interface HeaderRule {
  /** An exact path, or a prefix ending in `*`. */
  path: string;
  headers: Header[];
}

/** The Content-Security-Policy the server sends (see headers.mjs for each directive's reason). */
export function contentSecurityPolicy(frameAncestors?: string, options?: { basemap?: string | undefined }): string;

/** The origins a basemap URL adds to connect-src: none for a relative URL or none given. */
export function basemapOrigins(basemap?: string): string[];

export const CACHE_IMMUTABLE: string;
export const CACHE_REVALIDATE: string;
export const HOST_SCRIPT_PATHS: string[];

/** The rules in order; a later rule's header replaces an earlier one of the same name. */
export function headerRules(options?: HeaderOptions): HeaderRule[];

export function pathMatches(pattern: string, pathname: string): boolean;

/** The headers for a file at `pathname` (the URL path, percent-decoded). */
export function responseHeaders(pathname: string, options?: HeaderOptions): Header[];

/** The headers for an error or redirect: those of every response, and `Cache-Control: no-store`. */
export function errorHeaders(options?: HeaderOptions): Header[];
