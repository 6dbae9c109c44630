/** A file the page needs that could not be loaded: which one, and why (shown to the reader). */
export class FileLoadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    /** Set when the server did not answer in time (the UI words that reason itself). */
    readonly timedOut = false,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'FileLoadError';
  }
}

/** The file's name as the reader can find it in the network log: the last segment of its URL. */
export const fileName = (url: string) => url.split(/[?#]/)[0]?.split('/').pop() || url;
