/** What frame-ancestors allows when no value is given. */
export const DEFAULT_FRAME_ANCESTORS: string;

export class FrameAncestorsError extends Error {}

/** Shows a value on one line, with control and line-separator characters escaped. */
export function printable(value: string): string;

/**
 * The source list to send (sources separated by single spaces), or the default for a missing
 * or blank value; throws a FrameAncestorsError with a one-line message for anything else.
 */
export function parseFrameAncestors(value: string | undefined | null): string;
