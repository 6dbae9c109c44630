import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartupError, startServer } from '../../scripts/serve.mjs';
import { makeSite, request, type Site } from './support/site';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/serve.mjs');

let site: Site;
beforeAll(() => {
  site = makeSite();
});
afterAll(() => site?.remove());

/** The frame-ancestors directive a server started with `frameAncestors` sends. */
async function frameAncestorsSent(frameAncestors: string | undefined): Promise<string | undefined> {
  const { server, url } = await startServer({ port: 0, dir: site.dir, quiet: true, frameAncestors });
  try {
    const { headers } = await request(url);
    return /frame-ancestors ([^;]*)$/.exec(String(headers['content-security-policy']))?.[1];
  } finally {
    await new Promise((done) => server.close(done));
  }
}

async function startupError(frameAncestors: string): Promise<StartupError> {
  const error = await startServer({ port: 0, dir: site.dir, quiet: true, frameAncestors }).then(
    ({ server }) => {
      server.close();
      throw new Error(`started with frame-ancestors ${JSON.stringify(frameAncestors)}`);
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StartupError);
  return error as StartupError;
}

describe('frame-ancestors, checked when the server starts', () => {
  it.each([
    ["'self' https://news.example", "'self' https://news.example"],
    ['https://*.example.com:443/path', 'https://*.example.com:443/path'],
    ["'none'", "'none'"],
    ["'SELF'", "'SELF'"],
    ['*', '*'],
    ['https:', 'https:'],
    ['http://localhost:*', 'http://localhost:*'],
    ['news.example  \t https://xn--bcher-kva.example/a%3Bb/', 'news.example https://xn--bcher-kva.example/a%3Bb/'],
  ])('accepts %s', async (given, sent) => {
    expect(await frameAncestorsSent(given)).toBe(sent);
  });

  it.each([[''], ['   '], [undefined]])('takes %j as unset: any page may frame the map', async (given) => {
    expect(await frameAncestorsSent(given)).toBe('*');
  });

  it('refuses curly quotes, and says which quotes were meant', async () => {
    const error = await startupError('‘self’');
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(`did you mean "'self'"`);
  });

  it('refuses a host that is not ASCII, and gives its punycode form', async () => {
    const error = await startupError('https://新闻.example');
    expect(error.message).toContain('did you mean "https://xn--');
    expect(error.message).not.toContain('\n');
  });

  it.each([
    ["'self'\u2028https://news.example"],
    ["'self'\r\nX-Injected: 1"],
    ["'self'; script-src *"],
    ["'self', https://news.example"],
    ["'none' 'self'"],
    ["'unsafe-inline'"],
    ['https://news.example:80a'],
    ['https://news.example//double'],
    ['https://[::1]'],
    ['https://news.example/\u0000'],
  ])('refuses %j with a one-line message', async (given) => {
    const error = await startupError(given);
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^frame-ancestors: /);
    expect(error.message).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(error.message).not.toContain('\u0000');
  });
});

/**
 * Runs the server script; resolves with its exit code and stderr once it exits, or with
 * `started: true` (and stops it) if it starts serving instead.
 */
function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stderr: string; started: boolean }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
    let stderr = '';
    let started = false;
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.on('data', (chunk) => {
      if (!started && String(chunk).includes('http://')) {
        started = true;
        child.kill();
      }
    });
    child.on('close', (code) => done({ code, stderr, started }));
  });
}

/** Starts the script and resolves with its URL once it prints its banner. */
function launch(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const url = /(http:\/\/\S+\/)/.exec(stdout)?.[1];
      if (url) done({ child, url });
    });
    child.on('close', (code) => fail(new Error(`exited with ${code}: ${stderr}`)));
  });
}

function expectOneLine(stderr: string) {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).toMatch(/^serve: /);
}

describe('start-up errors on the command line', () => {
  let busy: Server;
  let busyPort: number;
  beforeAll(async () => {
    const started = await startServer({ port: 0, dir: site.dir, quiet: true });
    busy = started.server;
    busyPort = Number(new URL(started.url).port);
  });
  afterAll(() => new Promise((done) => busy?.close(done)));

  it('says on one line that the directory is missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'atlas-empty-'));
    try {
      const missing = await run(['--dir', join(empty, 'dist'), '--port', '0']);
      expect(missing.code).toBe(1);
      expectOneLine(missing.stderr);
      expect(missing.stderr).toContain('no such directory');
      const noIndex = await run(['--dir', empty, '--port', '0']);
      expect(noIndex.code).toBe(1);
      expectOneLine(noIndex.stderr);
      expect(noIndex.stderr).toContain('no index.html');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('says on one line that the port is in use', async () => {
    const result = await run(['--dir', site.dir, '--port', String(busyPort)]);
    expect(result.code).toBe(1);
    expectOneLine(result.stderr);
    expect(result.stderr).toContain(`port ${busyPort}`);
    expect(result.stderr).toContain('in use');
  });

  it.each([
    [['--port', 'abc'], {}],
    [[], { PORT: '70000' }],
    [['--port', '-1'], {}],
    [['--nope'], {}],
    [['--frame-ancestors', '‘self’'], {}],
    [[], { ATLAS_FRAME_ANCESTORS: 'https://新闻.example' }],
    [[], { ATLAS_FRAME_ANCESTORS: "'self'\u2028https://news.example" }],
  ])('refuses %j %j with exit code 2 and one line', async (args, env) => {
    const result = await run(['--dir', site.dir, ...args], env);
    expect(result.started).toBe(false);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
  });

  it.each([
    [['--frame-ancestors', ''], {}],
    [[], { ATLAS_FRAME_ANCESTORS: '' }],
  ])('takes an empty frame-ancestors (%j %j) as unset', async (args, env) => {
    const { child, url } = await launch(['--dir', site.dir, '--port', '0', ...args], env);
    try {
      const { headers } = await request(url);
      expect(headers['content-security-policy']).toMatch(/; frame-ancestors \*$/);
    } finally {
      child.kill();
    }
  });

  it('passes ATLAS_FRAME_ANCESTORS through to the policy', async () => {
    const { child, url } = await launch(['--dir', site.dir, '--port', '0'], {
      ATLAS_FRAME_ANCESTORS: "'self' https://news.example",
    });
    try {
      const { headers } = await request(url);
      expect(headers['content-security-policy']).toMatch(/; frame-ancestors 'self' https:\/\/news\.example$/);
    } finally {
      child.kill();
    }
  });
});
