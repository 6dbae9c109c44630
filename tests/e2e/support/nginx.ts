/**
 * nginx (Debian's nginx-light) serving dist/ with nothing but the generated `server` block
 * (scripts/host-configs.mjs), on a free loopback port, as a second real server for the build.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { nginxServer } from '../../../scripts/host-configs.mjs';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** The whole configuration: the generated block inside the least nginx needs to run unprivileged. */
function configuration(dir: string, serverBlock: string): string {
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
  return [
    // Kept in the foreground, so the test owns the process and its end.
    'daemon off;',
    'master_process off;',
    `pid ${join(dir, 'nginx.pid')};`,
    'error_log stderr warn;',
    // As root, the default worker user ("nobody") may not be able to read the build.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'events { worker_connections 64; }',
    'http {',
    '    access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp),
    serverBlock,
    '}',
    '',
  ].join('\n');
}

export interface NginxSite {
  url: string;
  stop: () => Promise<void>;
}

/** Starts nginx on `dist` (an absolute root) and resolves once it answers. */
export async function startNginx(dist = resolve('dist'), base = '/'): Promise<NginxSite> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install nginx-light (or set NGINX_PATH)`);
  const dir = await mkdtemp(join(tmpdir(), 'cq-atlas-nginx-'));
  const port = await freePort();
  const block = nginxServer({ base, listen: `127.0.0.1:${port}`, root: `${dist}/` });
  const conf = join(dir, 'nginx.conf');
  await writeFile(conf, configuration(dir, block));
  const errors: string[] = [];
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk) => errors.push(String(chunk)));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = `http://127.0.0.1:${port}${base}`;
  const answers = async () => {
    try {
      return (await fetch(url)).ok;
    } catch {
      return false;
    }
  };
  // Either nginx answers or it exits (a bad configuration): whichever comes first.
  let running = true;
  void exited.then(() => {
    running = false;
  });
  while (!(await answers())) {
    if (!running) throw new Error(`nginx exited: ${errors.join('').trim()}`);
    await new Promise((next) => setTimeout(next, 50));
  }
  return {
    url,
    stop: async () => {
      if (running) child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
