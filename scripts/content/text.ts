/** Text comparison that ignores the page's layout: line breaks, column breaks and justification spaces. */
export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

/** An article's body as one string, for substring checks. */
export function bodyText(paragraphs: string[]): string {
  return withoutWhitespace(paragraphs.join(''));
}
