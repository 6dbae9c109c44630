declare module 'mapshaper' {
  /** Runs mapshaper commands on in-memory inputs; resolves to the output files by name. */
  export function applyCommands(
    commands: string,
    inputs: Record<string, string | object>,
  ): Promise<Record<string, Buffer | string>>;
  const mapshaper: { applyCommands: typeof applyCommands };
  export default mapshaper;
}
