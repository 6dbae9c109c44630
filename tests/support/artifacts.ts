/** Reads the data build's artifacts (src/generated, made by `npm run data`). */
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import type { PlacesData } from '../../src/types/atlas-data';
import type { ArticlesData, ContentData } from '../../src/types/content';

const read = (name: string) => readFileSync(new URL(`../../src/generated/${name}`, import.meta.url), 'utf8');

export const artifactText = read;
export const loadTopology = (): Topology => JSON.parse(read('atlas.topo.json'));
export const loadOverviewTopology = (): Topology => JSON.parse(read('atlas-overview.topo.json'));
export const loadPlaces = (): PlacesData => JSON.parse(read('places.json'));
export const loadContent = (): ContentData => JSON.parse(read('content.json'));
export const loadArticles = (): ArticlesData => JSON.parse(read('articles.json'));
