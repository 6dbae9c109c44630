/** Released passage ids keep opening their words after a rename or merge. */

/** The id a link's passage id opens today: itself when current, else where it was renamed to, else null. */
export function currentPassageId(
  id: string,
  current: { has(id: string): boolean },
  renamed: Readonly<Record<string, string>>,
): string | null {
  if (current.has(id)) return id;
  const next = Object.hasOwn(renamed, id) ? renamed[id] : undefined;
  return next !== undefined && current.has(next) ? next : null;
}
