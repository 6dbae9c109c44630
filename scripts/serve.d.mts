import type { Server } from 'node:http';

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  dir?: string;
  host?: string;
  /** The path the site is served under, e.g. `/graphics/cq-atlas/`; `/` by default. */
  base?: string;
  /** A CSP source list; blank or missing means `*`. */
  frameAncestors?: string;
  /** The build's basemap URL (ATLAS_BASEMAP): its origin joins the CSP's connect-src. */
  basemap?: string | undefined;
  /** No banner on start. */
  quiet?: boolean;
  /** Where request errors are reported, one line each (stderr by default). */
  log?: (line: string) => void;
}

/** A start-up failure with a one-line message; `exitCode` is 2 for a bad option, 1 otherwise. */
export class StartupError extends Error {
  exitCode: number;
}

/** A base path as `/` or `/a/b/`; throws a StartupError (exit code 2) for anything else. */
export function checkedBase(base?: string): string;

/** Serves a built site (dist/ by default) with the atlas's headers; resolves once listening. */
export function startServer(options?: ServerOptions): Promise<{ server: Server; url: string }>;
