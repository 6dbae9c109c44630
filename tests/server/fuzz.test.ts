/**
 * Generated Range and Accept-Encoding headers against a running server. The checks need no
 * model of the right answer: the status is one of three, a partial body is exactly the slice
 * its Content-Range names, a refused coding is never used, and the server keeps answering.
 */
import type { Server } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/serve.mjs';
import { makeSite, representation, request, type Site } from './support/site';

const PATHS = ['/', '/index.html', '/assets/index-Bx7d2Kq1.js', '/atlas-embed.js', '/small.txt'];
/** The file behind each path. */
const FILE: Record<string, string> = { '/': '/index.html' };

let site: Site;
let server: Server;
let url: string;

beforeAll(async () => {
  site = makeSite();
  ({ server, url } = await startServer({ port: 0, dir: site.dir, quiet: true }));
});

afterAll(async () => {
  await new Promise((done) => server?.close(done));
  site?.remove();
});

/** Characters a client may send in a header value (no controls: Node would refuse to send them). */
const headerText = fc.string({
  unit: fc.constantFrom(...'bytes=-,0123456789 ;q.*abcdefgiprxzBRG\t"/'.split('')),
  maxLength: 40,
});

const position = fc.oneof(
  fc.nat({ max: 12_000 }),
  fc.constantFrom('0', '00', '1', '99999999999999999999', '9007199254740993', '1e3', '-1', ' 5', '', '0x10'),
);
const rangeSpec = fc.oneof(
  fc.tuple(position, position).map(([first, last]) => `${first}-${last}`),
  position.map((length) => `-${length}`),
  position.map((first) => `${first}-`),
  headerText,
);
const rangeHeader = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('bytes=', 'bytes= ', ' bytes=', 'Bytes=', 'items=', 'bytes', 'bytes=,', ''),
      fc.array(rangeSpec, { minLength: 1, maxLength: 4 }),
      fc.constantFrom(',', ', ', ' ,'),
    )
    .map(([unit, specs, separator]) => unit + specs.join(separator)),
  headerText,
);

/** One Accept-Encoding entry as a coding name and an optional weight, spelled in any legal way. */
interface Entry {
  name: string;
  q: string | undefined;
}
const entry: fc.Arbitrary<Entry> = fc.record({
  name: fc.constantFrom('br', 'BR', 'gzip', 'Gzip', 'identity', '*', 'deflate', 'zstd', 'x-br', 'brotli', 'abr'),
  q: fc.option(fc.constantFrom('0', '0.0', '0.000', '0.001', '0.5', '1', '1.0', '1.000'), { nil: undefined }),
});
const entries = fc.uniqueArray(entry, {
  maxLength: 5,
  selector: ({ name }) => name.toLowerCase(),
});
const spelled = fc.tuple(entries, fc.constantFrom(';q=', '; q=', ' ;q=', ';Q='), fc.constantFrom(',', ', ', ' , '));

/** Whether a well-formed Accept-Encoding list forbids `coding` (RFC 9110, section 12.5.3). */
function refuses(list: Entry[], coding: string): boolean {
  const weight = ({ q }: Entry) => (q === undefined ? 1 : Number(q));
  const named = list.find(({ name }) => name.toLowerCase() === coding);
  if (named) return weight(named) === 0;
  const any = list.find(({ name }) => name === '*');
  if (any) return weight(any) === 0;
  return coding !== 'identity';
}

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/;

describe('generated Range and Accept-Encoding headers', () => {
  it('always get 200, 206 or 416, exact slices, and no refused coding', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATHS),
        fc.option(rangeHeader, { nil: undefined }),
        fc.oneof(
          spelled.map(([list, weightSeparator, listSeparator]) => ({
            list: list as Entry[] | undefined,
            header: list
              .map(({ name, q }) => (q === undefined ? name : `${name}${weightSeparator}${q}`))
              .join(listSeparator),
          })),
          headerText.map((header) => ({ list: undefined, header })),
          fc.constant({ list: undefined, header: undefined }),
        ),
        async (path, range, acceptEncoding) => {
          const headers: Record<string, string> = {};
          if (range !== undefined) headers.Range = range;
          if (acceptEncoding.header !== undefined) headers['Accept-Encoding'] = acceptEncoding.header;
          const answer = await request(new URL(path, url).href, { headers });
          const file = FILE[path] ?? path;

          expect([200, 206, 416]).toContain(answer.status);
          const coding = answer.headers['content-encoding'];
          if (acceptEncoding.header === undefined) expect(coding).toBeUndefined();
          if (acceptEncoding.list && coding !== undefined) expect(refuses(acceptEncoding.list, coding)).toBe(false);

          const whole = representation(site, file, answer.headers);
          if (answer.status === 200) expect(answer.body.equals(whole)).toBe(true);
          if (answer.status === 206) {
            const [, first, last, size] = CONTENT_RANGE.exec(String(answer.headers['content-range'])) ?? [];
            expect(Number(size)).toBe(whole.length);
            expect(Number(first)).toBeLessThanOrEqual(Number(last));
            expect(answer.body.equals(whole.subarray(Number(first), Number(last) + 1))).toBe(true);
          }
          if (answer.status === 416) {
            // The size of one of the file's representations (an error carries no Content-Encoding).
            const sizes = ['', '.br', '.gz'].flatMap((suffix) => {
              try {
                return [site.bytes(file + suffix).length];
              } catch {
                return [];
              }
            });
            expect(sizes.map((size) => `bytes */${size}`)).toContain(answer.headers['content-range']);
          }

          const after = await request(new URL('/small.txt', url).href);
          expect(after.status).toBe(200);
        },
      ),
      { numRuns: 600 },
    );
  });
});
