#!/usr/bin/env node
/**
 * Serves the production build (dist/) on localhost with the atlas's headers (headers.mjs).
 * Used by `npm start`, the end-to-end tests and the benchmark.
 *
 *   node scripts/serve.mjs [--port 4173] [--dir dist] [--host 127.0.0.1] [--base /graphics/cq-atlas/]
 *                          [--frame-ancestors "'self' https://news.example"]
 *
 * `--base` serves the site under a path, as a newsroom's server would: anything outside it is
 * 404, the path without its final slash is redirected to it. PORT, ATLAS_BASE and
 * ATLAS_FRAME_ANCESTORS work as environment variables too; a blank value counts as unset.
 * ATLAS_BASEMAP, the build's basemap option, widens the CSP to the basemap's origin. Any page may embed the map by default (`frame-ancestors *`): embedding in other sites
 * is the point.
 *
 * Ranges, conditional requests and ETags are left to `send`; the choice between a file and its
 * precompressed .br/.gz copies (scripts/precompress.mjs) to `negotiator`. No request may stop
 * the process: every error answers 500 (or ends a response already started) and is logged on
 * one line. Start-up errors reject with a StartupError, which the command line prints on one
 * line before exiting non-zero.
 */
import { existsSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, STATUS_CODES } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import mime from 'mime-types';
import Negotiator from 'negotiator';
import send from 'send';
import { FrameAncestorsError, parseFrameAncestors, printable } from './frame-ancestors.mjs';
import { errorHeaders, responseHeaders } from './headers.mjs';

const ALLOWED_METHODS = 'GET, HEAD';

/** Copies written beside a file by precompress.mjs, in the order the server prefers them. */
const PRECOMPRESSED = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
];
const PREFERRED_CODINGS = [...PRECOMPRESSED.map(({ coding }) => coding), 'identity'];

/** A start-up failure; `exitCode` 2 for a bad option, 1 for anything else. */
export class StartupError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

function oneLine(text) {
  return String(text).replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
}

/** The path of a request target, still percent-encoded; undefined when there is none. */
function targetPath(url = '') {
  if (url.startsWith('/')) return url.split(/[?#]/, 1)[0];
  // The absolute form (`GET http://host/path`), which HTTP/1.1 servers must accept.
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

function decodePath(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/**
 * The Range header with every suffix range longer than the file cut to the file's size: RFC 9110
 * (14.1.3) serves the whole file for those, where range-parser would find them unsatisfiable.
 */
function clampSuffixRanges(range, size) {
  const match = /^( *bytes=)(.*)$/s.exec(range ?? '');
  if (!match || size === 0) return range;
  const specs = match[2].split(',').map((spec) => {
    const suffix = /^\s*-\s*([0-9]+)\s*$/.exec(spec);
    return suffix && Number(suffix[1]) > size ? `-${size}` : spec;
  });
  return `${match[1]}${specs.join(',')}`;
}

/** The precompressed copies that exist beside the file at `path` (decoded, under `root`). */
async function precompressedCopies(root, path) {
  const file = join(root, normalize(`.${sep}${path}`));
  if (!file.startsWith(root + sep) || path.includes('\0')) return [];
  const [original, ...copies] = await Promise.all(
    [file, ...PRECOMPRESSED.map(({ suffix }) => file + suffix)].map((candidate) => stat(candidate).catch(() => null)),
  );
  if (!original?.isFile()) return [];
  return PRECOMPRESSED.filter((_, index) => copies[index]?.isFile());
}

/** The characters a base path may hold: unreserved and sub-delims of RFC 3986, no dot segments. */
const BASE_SEGMENT = /^[A-Za-z0-9\-_~!$&'()*+,;=:@]+(?:\.[A-Za-z0-9\-_~!$&'()*+,;=:@]+)*$/;

/** A base path as `/`, or `/a/b/` (slashes added at either end); throws a StartupError otherwise. */
export function checkedBase(base = '/') {
  const segments = String(base)
    .split('/')
    .filter((segment) => segment !== '');
  if (!segments.every((segment) => BASE_SEGMENT.test(segment))) {
    throw new StartupError(`base: ${printable(String(base))} is not a path such as /graphics/cq-atlas/`, 2);
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

function createHandler(root, base, headerOptions, log) {
  /** Replaces whatever was set with an error's headers and a short plain-text body. */
  function answerError(request, response, status, extraHeaders = []) {
    if (response.headersSent) {
      // Too late for a status: ending the connection tells the client the body is incomplete.
      response.destroy();
      return;
    }
    for (const name of response.getHeaderNames()) response.removeHeader(name);
    for (const [name, value] of [...errorHeaders(headerOptions), ...extraHeaders]) response.setHeader(name, value);
    const body = `${STATUS_CODES[status] ?? 'Error'}\n`;
    response.statusCode = status;
    response.setHeader('Content-Type', 'text/plain; charset=utf-8');
    response.setHeader('Content-Length', Buffer.byteLength(body));
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  function answerFailure(request, response, error) {
    log(
      `serve: 500 for ${request.method} ${printable(request.url ?? '')}: ${oneLine(error?.stack?.split('\n')[0] ?? error)}`,
    );
    try {
      answerError(request, response, 500);
    } catch {
      response.destroy();
    }
  }

  async function handle(request, response) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      answerError(request, response, 405, [['Allow', ALLOWED_METHODS]]);
      return;
    }
    const target = targetPath(request.url);
    if (target === undefined || !target.startsWith('/')) {
      answerError(request, response, 400);
      return;
    }
    if (base !== '/' && target === base.slice(0, -1)) {
      // Relative URLs resolve against the directory, so the page must be asked for with its slash.
      const query = /\?[^#]*/.exec(request.url ?? '')?.[0] ?? '';
      answerError(request, response, 301, [['Location', `${base}${query}`]]);
      return;
    }
    if (!target.startsWith(base)) {
      answerError(request, response, 404);
      return;
    }
    // The path within the site, which the header rules and the file names are written for.
    const path = `/${target.slice(base.length)}`;
    const filePath = path.endsWith('/') ? `${path}index.html` : path;
    const decoded = decodePath(filePath);
    for (const [name, value] of responseHeaders(decoded ?? filePath, headerOptions)) response.setHeader(name, value);

    const copies = decoded === undefined ? [] : await precompressedCopies(root, decoded);
    let servedPath = filePath;
    if (copies.length > 0) {
      // The response differs with Accept-Encoding even when the file is sent as it is.
      response.setHeader('Vary', 'Accept-Encoding');
      const available = [...copies.map(({ coding }) => coding), 'identity'];
      const coding = new Negotiator(request).encoding(available, { preferred: PREFERRED_CODINGS });
      const copy = copies.find((candidate) => candidate.coding === coding);
      if (copy) {
        servedPath = filePath + copy.suffix;
        response.setHeader('Content-Encoding', copy.coding);
        if (!response.hasHeader('Content-Type')) {
          response.setHeader('Content-Type', mime.contentType(extname(decoded)) || 'application/octet-stream');
        }
      }
    }

    const file = send(request, servedPath, { root, index: false, cacheControl: false, dotfiles: 'ignore' });
    // send calls these from its own callbacks, where a throw would reach the process.
    const guarded =
      (listener) =>
      (...args) => {
        try {
          listener(...args);
        } catch (error) {
          answerFailure(request, response, error);
        }
      };
    // 'file' comes once the file is found and before send reads the Range header.
    file.on(
      'file',
      guarded((_path, stats) => {
        const { range } = request.headers;
        if (range !== undefined) request.headers.range = clampSuffixRanges(range, stats.size);
      }),
    );
    file.on(
      'error',
      guarded((error) => {
        const status = Number.isInteger(error?.status) ? error.status : 500;
        if (status >= 500) {
          log(`serve: ${status} for ${request.method} ${printable(request.url ?? '')}: ${oneLine(error.message)}`);
        }
        answerError(request, response, status, Object.entries(error?.headers ?? {}));
      }),
    );
    // A directory without its trailing slash: there is nothing to list.
    file.on(
      'directory',
      guarded(() => answerError(request, response, 404)),
    );
    file.pipe(response);
  }

  return (request, response) => {
    handle(request, response).catch((error) => answerFailure(request, response, error));
  };
}

function checkedPort(port) {
  const number = typeof port === 'string' && /^[0-9]{1,5}$/.test(port.trim()) ? Number(port) : port;
  if (!Number.isInteger(number) || number < 0 || number > 65535) {
    throw new StartupError(`port: ${printable(String(port))} is not a port number (0 to 65535)`, 2);
  }
  return number;
}

function checkedRoot(dir) {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new StartupError(`${dir}: no such directory (build the site first: npm run build)`);
  }
  if (!existsSync(join(root, 'index.html'))) {
    throw new StartupError(`${dir}: no index.html in it (build the site first: npm run build)`);
  }
  return root;
}

function listenError(error, host, port) {
  if (error.code === 'EADDRINUSE') {
    return new StartupError(`port ${port} on ${host} is in use: choose another with --port or PORT`);
  }
  if (error.code === 'EACCES') return new StartupError(`port ${port} on ${host}: permission denied`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
    return new StartupError(`host ${printable(host)}: not an address of this machine`, 2);
  }
  return new StartupError(`cannot listen on ${host}:${port}: ${oneLine(error.message)}`);
}

/**
 * Serves a built site (dist/ by default) with the atlas's headers; resolves once listening.
 * Rejects with a StartupError (one-line message) for a bad option, a missing build or a busy port.
 */
export async function startServer({
  port = 4173,
  dir = 'dist',
  host = '127.0.0.1',
  base = '/',
  frameAncestors,
  basemap,
  quiet = false,
  log = (line) => console.error(line),
} = {}) {
  let headerOptions;
  try {
    headerOptions = { frameAncestors: parseFrameAncestors(frameAncestors), basemap };
  } catch (error) {
    if (error instanceof FrameAncestorsError) throw new StartupError(error.message, 2);
    throw error;
  }
  const listenPort = checkedPort(port);
  const basePath = checkedBase(base);
  const root = checkedRoot(dir);
  const server = createServer(createHandler(root, basePath, headerOptions, log));
  await new Promise((resolveListen, reject) => {
    server.once('error', (error) => reject(listenError(error, host, listenPort)));
    server.listen(listenPort, host, resolveListen);
  });
  server.on('error', (error) => log(`serve: ${oneLine(error.message)}`));
  const address = server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : listenPort}${basePath}`;
  if (!quiet) console.log(`Chongqing Spatial Strategy Atlas: ${url}  (embed: ${url}embed.html)`);
  return { server, url };
}

/** A value given as an empty or blank string counts as not given. */
function given(value) {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      dir: { type: 'string' },
      host: { type: 'string' },
      base: { type: 'string' },
      'frame-ancestors': { type: 'string' },
    },
  });
  await startServer({
    port: given(values.port) ?? given(process.env.PORT) ?? 4173,
    dir: given(values.dir) ?? 'dist',
    host: given(values.host) ?? '127.0.0.1',
    base: given(values.base) ?? given(process.env.ATLAS_BASE) ?? '/',
    frameAncestors: given(values['frame-ancestors']) ?? given(process.env.ATLAS_FRAME_ANCESTORS),
    basemap: given(process.env.ATLAS_BASEMAP),
  });
}

const script = process.argv[1];
const isMain =
  script !== undefined && (import.meta.url === pathToFileURL(resolve(script)).href || script.endsWith('serve.mjs'));
if (isMain) {
  main().catch((error) => {
    // parseArgs's own errors (an unknown option…) are usage errors too.
    const usage = typeof error?.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS');
    console.error(`serve: ${oneLine(error?.message ?? error)}`);
    process.exitCode = error instanceof StartupError ? error.exitCode : usage ? 2 : 1;
  });
}
