/**
 * Serves the production build (dist/, made by `npm run build`) on local origins: the atlas under
 * a path as a newsroom would host it (`atlasUrl`, which every suite uses), the same build at a
 * domain's root (`rootAtlasUrl`, for one smoke test), and a second origin that plays the host
 * page for embed tests.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The atlas under ATLAS_BASE, ending in a slash. */
    atlasUrl: string;
    /** The same build at the root of another origin. */
    rootAtlasUrl: string;
    hostUrl: string;
  }
}

/** Where the suites find the atlas: not the root, so that any absolute path in the build fails them. */
export const ATLAS_BASE = '/graphics/cq-atlas/';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/** A bare static server for host pages under tests/e2e/fixtures (a different origin from the atlas). */
function startHostServer(): Promise<{ server: Server; url: string }> {
  const server = createServer(async (request, response) => {
    const path = join(FIXTURES, new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(FIXTURES) || !existsSync(path)) {
      response.statusCode = 404;
      response.end('not found');
      return;
    }
    response.setHeader('Content-Type', path.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript');
    response.end(await readFile(path));
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` before the e2e tests');
  const atlas = (await startServer({ port: 0, dir: 'dist', base: ATLAS_BASE, quiet: true })) as {
    server: Server;
    url: string;
  };
  const rootAtlas = (await startServer({ port: 0, dir: 'dist', quiet: true })) as {
    server: Server;
    url: string;
  };
  // The host page uses "localhost" so its origin differs from the atlas's "127.0.0.1".
  const host = await startHostServer();
  project.provide('atlasUrl', atlas.url);
  project.provide('rootAtlasUrl', rootAtlas.url);
  project.provide('hostUrl', host.url.replace('127.0.0.1', 'localhost'));
  return async () => {
    await new Promise((done) => atlas.server.close(done));
    await new Promise((done) => rootAtlas.server.close(done));
    await new Promise((done) => host.server.close(done));
  };
}
