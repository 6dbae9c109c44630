/**
 * Writes dist/data/: the passages, annotations, figures, places and sources, with a Frictionless
 * datapackage.json describing each file and its licence. Everything is derived from
 * src/generated/ — the files the app itself loads — never from a second copy of the content.
 * Run by `npm run build` after Vite has written dist/.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Topology } from 'topojson-specification';
import { ContentIndex } from '../../src/content/queries';
import { PlaceIndex } from '../../src/data/place-index';
import { DATA_FOLDER, DATAPACKAGE, LICENCES, OPEN_DATA_FILES, type OpenDataFile } from '../../src/open-data/catalogue';
import { toCsv } from '../../src/open-data/csv';
import { PASSAGE_COLUMNS, passageRow, passagesCsv } from '../../src/open-data/passage-table';
import { PLACE_PROPERTIES, placeFeatures } from '../../src/open-data/place-features';
import type { PlacesData } from '../../src/types/atlas-data';
import type { ArticlesData, ContentData } from '../../src/types/content';
import { precompress } from '../precompress.mjs';
import { annotationCollection } from './annotations';
import { FIGURE_COLUMNS, figureRows, SOURCE_COLUMNS, sourceRows } from './tables';

const root = resolve(import.meta.dirname, '../..');
const generated = join(root, 'src/generated');
const out = join(resolve(root, process.argv[2] ?? 'dist'), DATA_FOLDER);

const read = <T>(name: string): T => JSON.parse(readFileSync(join(generated, name), 'utf8')) as T;
const content = read<ContentData>('content.json');
const placesData = read<PlacesData>('places.json');
const articles = read<ArticlesData>('articles.json');
const topology = read<Topology>('atlas.topo.json');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; description: string };

const places = new PlaceIndex(placesData);
const index = new ContentIndex(content, places);
const created = new Date().toISOString();
const boundaryCaveat = `${LICENCES.datav.title.en}. ${placesData.attribution.map((line) => line.en).join('; ')}.`;

const passageRows = content.passages.map((passage) => passageRow(passage, content, places));
const files: Record<string, string> = {
  'passages.csv': passagesCsv(passageRows),
  'passages.json': `${JSON.stringify(passageRows, null, 1)}\n`,
  'annotations.jsonld': `${JSON.stringify(annotationCollection(content, articles, places, created), null, 1)}\n`,
  'figures.csv': toCsv(
    FIGURE_COLUMNS.map((column) => column.name),
    figureRows(index),
  ),
  'places.geojson': `${JSON.stringify({
    type: 'FeatureCollection',
    // A foreign member (RFC 7946 §6.1): the licence travels with the file.
    metadata: {
      title: 'Chongqing Spatial Strategy Atlas: the 38 county-level units (Aug 2025) and the regions',
      crs: 'WGS84 (EPSG:4326), reprojected from GCJ-02',
      licence: boundaryCaveat,
      properties: 'names, memberships, areas and passage counts: the project’s own work, MIT',
    },
    features: placeFeatures(topology, places, index),
  })}\n`,
  'sources.csv': toCsv(
    SOURCE_COLUMNS.map((column) => column.name),
    sourceRows(content.sources),
  ),
};

const schemas: Record<string, object> = {
  'passages.csv': { fields: PASSAGE_COLUMNS, primaryKey: 'id' },
  'passages.json': { fields: PASSAGE_COLUMNS, primaryKey: 'id' },
  'figures.csv': { fields: FIGURE_COLUMNS, primaryKey: 'id' },
  'sources.csv': { fields: SOURCE_COLUMNS, primaryKey: 'key' },
  'places.geojson': { fields: PLACE_PROPERTIES, primaryKey: 'id' },
};

function resource(file: OpenDataFile, bytes: number): object {
  const sources =
    file.path === 'places.geojson'
      ? [{ title: placesData.attribution.map((line) => line.en).join('; ') }]
      : [{ title: `重庆日报 Chongqing Daily, 新论 page “${content.pageHeading}”` }];
  return {
    name: file.path.replace(/\.[a-z]+$/, '').replace(/[^a-z0-9]+/g, '-') + (file.path.endsWith('.json') ? '-json' : ''),
    path: file.path,
    title: file.title.en,
    format: file.format,
    mediatype: file.mediatype,
    encoding: 'utf-8',
    bytes,
    ...(file.format === 'csv' ? { dialect: { delimiter: ',', lineTerminator: '\r\n', header: true } } : {}),
    ...(schemas[file.path] ? { schema: schemas[file.path] } : {}),
    licenses: file.licences.map((id) => ({ ...LICENCES[id], title: LICENCES[id].title.en })),
    sources,
  };
}

mkdirSync(out, { recursive: true });
for (const file of OPEN_DATA_FILES) {
  const text = files[file.path];
  if (text === undefined) throw new Error(`no content for ${file.path}`);
  writeFileSync(join(out, file.path), text);
}
const datapackage = {
  profile: 'data-package',
  name: 'chongqing-spatial-strategy-atlas',
  title: 'Chongqing Spatial Strategy Atlas: open data',
  description: pkg.description,
  version: pkg.version,
  contentVersion: content.contentVersion,
  created,
  licenses: [{ ...LICENCES.project, title: LICENCES.project.title.en }],
  sources: content.sources.map((entry) => ({
    title: `${entry.key} ${entry.title}`,
    ...(entry.url ? { path: entry.url } : {}),
  })),
  resources: OPEN_DATA_FILES.map((file) => resource(file, statSync(join(out, file.path)).size)),
};
writeFileSync(join(out, DATAPACKAGE), `${JSON.stringify(datapackage, null, 1)}\n`);
// The build precompresses dist/ before this step runs; places.geojson alone is 1 MB raw.
precompress(out);
console.log(
  `open data: ${OPEN_DATA_FILES.map((file) => `${file.path} ${(statSync(join(out, file.path)).size / 1000).toFixed(1)} KB`).join(', ')}`,
);
