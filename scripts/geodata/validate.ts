import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import * as geojsonValidation from 'geojson-validation';
import type { BBox } from '../../src/types/atlas-data';
import type { CodeListRow } from './code-list';
import { DataBuildError, describeFeature } from './errors';

/** Parses a JSON input, failing with the file's name rather than a bare SyntaxError. */
export function parseJsonInput(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataBuildError(file, null, `not valid JSON (${(error as Error).message})`);
  }
}

interface FeatureCollectionRules<G extends Geometry> {
  geometryTypes: readonly G['type'][];
  /** Properties that name a feature in messages. */
  nameKeys: string[];
  /** Every coordinate must lie in this box; catches a wrong CRS or swapped axes. */
  within: BBox;
}

/**
 * Checks a FeatureCollection with geojson-validation plus the rules the build relies
 * on: expected geometry types, finite coordinates inside a plausible box.
 */
export function validateFeatureCollection<G extends Geometry>(
  data: unknown,
  file: string,
  rules: FeatureCollectionRules<G>,
): FeatureCollection<G> {
  if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'FeatureCollection') {
    throw new DataBuildError(file, null, 'expected a GeoJSON FeatureCollection');
  }
  const features = (data as { features?: unknown }).features;
  if (!Array.isArray(features) || features.length === 0) {
    throw new DataBuildError(file, null, 'the FeatureCollection has no features');
  }
  features.forEach((feature: Feature, index) => {
    const name = describeFeature(index, feature?.properties, rules.nameKeys);
    const problems = geojsonValidation.isFeature(feature, true);
    if (problems.length > 0) throw new DataBuildError(file, name, `invalid GeoJSON: ${problems.join('; ')}`);
    const geometry = feature.geometry;
    if (!geometry || !rules.geometryTypes.includes(geometry.type as G['type'])) {
      throw new DataBuildError(
        file,
        name,
        `geometry must be ${rules.geometryTypes.join(' or ')}, found ${geometry ? geometry.type : 'null'}`,
      );
    }
    for (const position of positionsOf(geometry)) {
      const [lng, lat] = position as [number, number];
      if (!Number.isFinite(lng) || !Number.isFinite(lat)) {
        throw new DataBuildError(file, name, `non-finite coordinate [${position.join(', ')}]`);
      }
      const [west, south, east, north] = rules.within;
      if (lng < west || lng > east || lat < south || lat > north) {
        throw new DataBuildError(
          file,
          name,
          `coordinate [${lng}, ${lat}] lies outside [${rules.within.join(', ')}]: wrong CRS or swapped axes?`,
        );
      }
    }
  });
  return data as FeatureCollection<G>;
}

function* positionsOf(geometry: Geometry): Generator<Position> {
  switch (geometry.type) {
    case 'Point':
      yield geometry.coordinates;
      break;
    case 'MultiPoint':
    case 'LineString':
      yield* geometry.coordinates;
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) yield* line;
      break;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) for (const ring of polygon) yield* ring;
      break;
    case 'GeometryCollection':
      for (const member of geometry.geometries) yield* positionsOf(member);
      break;
  }
}

export interface BoundaryFields {
  codeProperty: string;
  nameProperty: string;
}

/** Chongqing with a margin of about 50 km. */
export const CHONGQING_BOX: BBox = [104.8, 27.7, 110.7, 32.7];

/**
 * Checks the district boundaries against the code list: one feature per code, every
 * code present, names as listed.
 */
export function validateBoundaries(
  data: unknown,
  file: string,
  codeList: CodeListRow[],
  fields: BoundaryFields,
): FeatureCollection<Polygon | MultiPolygon> {
  const collection = validateFeatureCollection<Polygon | MultiPolygon>(data, file, {
    geometryTypes: ['Polygon', 'MultiPolygon'],
    nameKeys: [fields.codeProperty, fields.nameProperty],
    within: CHONGQING_BOX,
  });
  const listed = new Map(codeList.map((row) => [row.code, row]));
  const seen = new Set<string>();
  collection.features.forEach((feature, index) => {
    const name = describeFeature(index, feature.properties, [fields.codeProperty, fields.nameProperty]);
    const code = String(feature.properties?.[fields.codeProperty] ?? '');
    const row = listed.get(code);
    if (!row) throw new DataBuildError(file, name, `code "${code}" is not in the code list`);
    if (seen.has(code)) throw new DataBuildError(file, name, `second feature with code ${code}`);
    seen.add(code);
    const featureName = feature.properties?.[fields.nameProperty];
    if (featureName !== row.nameZh) {
      throw new DataBuildError(
        file,
        name,
        `name "${String(featureName)}" does not match the code list's "${row.nameZh}"`,
      );
    }
  });
  const missing = codeList.filter((row) => !seen.has(row.code));
  if (missing.length > 0) {
    throw new DataBuildError(
      file,
      null,
      `no feature for ${missing.map((row) => `${row.code} ${row.nameZh}`).join(', ')}`,
    );
  }
  return collection;
}
