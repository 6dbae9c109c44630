/**
 * What stopped the map, in the terms the reader is told: the browser cannot draw it (WebGL),
 * a file it needs did not load (named, with a way to try again), or some other error. Pure.
 */
import { FileLoadError, fileName } from '../data/file-load-error';

export interface MapFailure {
  kind: 'webgl' | 'file' | 'error';
  /** The file that failed, for kind 'file'. */
  file: string | null;
  reason: string;
}

/** A URL or root-relative path to a script, stylesheet or data file, as browsers and Vite quote them in errors. */
const FILE_URL = /(?:[a-z]+:\/\/[^\s'"()]*|\/)[^\s'"()]*?[^\s/'"()?#]+\.(?:m?js|css|json)(?:[?#][^\s'"()]*)?/i;

export function mapFailureOf(error: unknown): MapFailure {
  if (error instanceof FileLoadError) return { kind: 'file', file: error.file, reason: error.reason };
  const message = error instanceof Error ? error.message : String(error);
  if (/webgl/i.test(message)) return { kind: 'webgl', file: null, reason: message };
  const url = FILE_URL.exec(message)?.[0];
  if (url) {
    const file = fileName(url);
    return { kind: 'file', file, reason: message.replace(url, file) };
  }
  return { kind: 'error', file: null, reason: message };
}
