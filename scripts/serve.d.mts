import type { Server } from 'node:http';

/** The Content-Security-Policy the server sends (see serve.mjs for each directive's reason). */
export function contentSecurityPolicy(frameAncestors?: string): string;

export interface ServerOptions {
  port?: number;
  dir?: string;
  host?: string;
  frameAncestors?: string;
  quiet?: boolean;
}

/** Serves a built site (dist/ by default) with the atlas's headers; resolves once listening. */
export function startServer(options?: ServerOptions): Promise<{ server: Server; url: string }>;
