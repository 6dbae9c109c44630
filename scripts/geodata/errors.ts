/** A problem in a build input, named by file and (where there is one) feature. */
export class DataBuildError extends Error {
  constructor(
    readonly file: string,
    readonly feature: string | null,
    readonly problem: string,
  ) {
    super(`${file}${feature ? ` — ${feature}` : ''}: ${problem}`);
    this.name = 'DataBuildError';
  }
}

/** How a feature is named in messages: its index plus whatever id or name it carries. */
export function describeFeature(
  index: number,
  properties: Record<string, unknown> | null | undefined,
  keys: string[],
): string {
  const labels = keys
    .map((key) => properties?.[key])
    .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number')
    .map(String);
  return `feature #${index}${labels.length ? ` (${labels.join(' ')})` : ''}`;
}
