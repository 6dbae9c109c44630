/**
 * Checks a `frame-ancestors` value against the CSP3 grammar for an ancestor source list, so
 * that a value a browser would misread, or one Node refuses to put in a header, is refused
 * when the server starts rather than on the first request.
 *
 *   ancestor-source-list = ancestor-source *( whitespace ancestor-source ) / "'none'"
 *   ancestor-source      = scheme-source / host-source / "'self'"
 *   scheme-source        = scheme ":"                       e.g. https:
 *   host-source          = [ scheme "://" ] host [ ":" port ] [ path ]
 *   host                 = "*" / [ "*." ] 1*host-char *( "." 1*host-char ) [ "." ]   (ASCII: punycode)
 *   port                 = 1*DIGIT / "*"
 */
import { domainToASCII } from 'node:url';

/** What the directive allows when no value is given: embedding elsewhere is the point. */
export const DEFAULT_FRAME_ANCESTORS = '*';

const SCHEME = '[A-Za-z][A-Za-z0-9+.-]*';
const HOST = String.raw`(?:\*|(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?)`;
const PORT = String.raw`(?::(?:[0-9]+|\*))`;
// path-absolute, not starting "//"; ";" and "," would end the directive or the policy, so they
// must be percent-encoded.
const PCHAR = String.raw`(?:[A-Za-z0-9\-._~!$&'()*+=:@]|%[0-9A-Fa-f]{2})`;
const PATH = `(?:/(?:${PCHAR}+(?:/${PCHAR}*)*)?)`;

const SCHEME_SOURCE = new RegExp(`^${SCHEME}:$`);
const HOST_SOURCE = new RegExp(`^(?:${SCHEME}://)?${HOST}${PORT}?${PATH}?$`);
/** The parts of something shaped like a host-source, whatever its characters. */
const LOOSE_HOST_SOURCE = /^([^:/]+:\/\/)?(\*\.)?([^:/]+)(:[^/]*)?(\/.*)?$/u;

/** Whitespace that separates sources; CR and LF are not accepted, as no header may carry them. */
const SEPARATOR = /[ \t]+/;

export class FrameAncestorsError extends Error {}

/** Shows a value on one line: control, format and line-separator characters as \u{…}. */
export function printable(value) {
  return `"${value.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `\\u{${c.codePointAt(0).toString(16)}}`)}"`;
}

function isSource(token) {
  const lower = token.toLowerCase();
  return lower === "'self'" || SCHEME_SOURCE.test(token) || HOST_SOURCE.test(token);
}

/** A valid source that the user probably meant, or undefined. */
function suggestion(token) {
  const straightQuotes = token.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'");
  if (straightQuotes !== token && (isSource(straightQuotes) || straightQuotes.toLowerCase() === "'none'")) {
    return straightQuotes;
  }
  const parts = LOOSE_HOST_SOURCE.exec(token);
  if (!parts) return undefined;
  const [, scheme = '', wildcard = '', host, port = '', path = ''] = parts;
  const ascii = domainToASCII(host);
  const candidate = `${scheme}${wildcard}${ascii}${port}${path}`;
  return ascii && candidate !== token && isSource(candidate) ? candidate : undefined;
}

function refuse(token, why) {
  const better = suggestion(token);
  const hint = better ? `; did you mean "${better}"?` : '';
  return new FrameAncestorsError(`frame-ancestors: ${printable(token)} ${why}${hint}`);
}

/**
 * The source list to send, with sources separated by single spaces; the default when the value
 * is missing or blank. Throws a FrameAncestorsError with a one-line message for anything else.
 */
export function parseFrameAncestors(value) {
  if (value === undefined || value === null) return DEFAULT_FRAME_ANCESTORS;
  if (typeof value !== 'string') throw new FrameAncestorsError('frame-ancestors: not a string');
  const trimmed = value.replace(/^[ \t]+|[ \t]+$/g, '');
  if (trimmed === '') return DEFAULT_FRAME_ANCESTORS;
  const tokens = trimmed.split(SEPARATOR);
  const none = tokens.findIndex((token) => token.toLowerCase() === "'none'");
  if (none !== -1 && tokens.length > 1) {
    throw new FrameAncestorsError(`frame-ancestors: 'none' must stand alone, not with other sources`);
  }
  if (none !== -1) return "'none'";
  for (const token of tokens) {
    if (!isSource(token)) {
      throw refuse(
        token,
        "is not a CSP source ('self', 'none', *, a scheme such as https:, or a host such as https://*.example.com:443/path)",
      );
    }
  }
  return tokens.join(' ');
}
