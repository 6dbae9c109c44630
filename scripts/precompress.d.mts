/** Writes .br and .gz copies beside every compressible file under `dir`; returns byte totals. */
export function precompress(dir?: string): { files: number; raw: number; brotli: number; gzip: number };
