/** The link-preview image's data, read from the data build's output (src/generated, `npm run data`). */
import { readFileSync } from 'node:fs';
import type { OgImageData } from './OgImage';

export function loadOgImageData(generated = new URL('../../src/generated/', import.meta.url)): OgImageData {
  const read = (name: string) => JSON.parse(readFileSync(new URL(name, generated), 'utf8'));
  return {
    overview: read('atlas-overview.topo.json'),
    places: read('places.json'),
    content: read('content.json'),
  };
}
