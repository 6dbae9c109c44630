/**
 * Resolves schematic features to coordinates: a sourced point where the facts file gives
 * one, otherwise a point well inside the districts the feature lies in. Schematic
 * features always say so: their notes must call themselves schematic.
 */
import type { BBox, LngLat } from '../../src/types/atlas-data';
import type { SchematicFeature } from '../../src/types/content';
import { DataBuildError } from '../geodata/errors';
import type { FactsFile, SchematicInput } from './inputs';

export interface InnerPointSource {
  innerPoint(codes: string[]): Promise<LngLat>;
}

const round5 = (value: number) => Number(value.toFixed(5));

/** Anchor counts, sourced points inside the municipality, source keys defined, notes that say "schematic". */
export function checkSchematic(features: SchematicInput[], facts: FactsFile, municipality: BBox, file: string): void {
  const [west, south, east, north] = municipality;
  for (const feature of features) {
    const fail = (problem: string): never => {
      throw new DataBuildError(file, `schematic feature "${feature.id}"`, problem);
    };
    if (feature.kind === 'node' && feature.anchors.length !== 1) fail('a node needs exactly one anchor');
    if (feature.kind === 'line' && feature.anchors.length < 2) fail('a line needs at least two anchors');
    if (!/schematic/i.test(feature.note.en) || !feature.note.zh.includes('示意')) {
      fail('the note must say plainly that the feature is schematic ("schematic" / "示意")');
    }
    for (const key of feature.sourceKey.split(' ')) {
      if (!facts.sourceKeys.has(key)) fail(`source key "${key}" is not defined in the facts file`);
    }
    for (const anchor of feature.anchors) {
      if ('districts' in anchor) continue;
      const [lng, lat] = anchor.point;
      if (lng < west || lng > east || lat < south || lat > north) {
        fail(`point [${lng}, ${lat}] lies outside the municipality`);
      }
      if (!facts.sourceKeys.has(anchor.sourceKey)) {
        fail(`point source key "${anchor.sourceKey}" is not defined in the facts file`);
      }
    }
  }
}

export async function resolveSchematic(
  features: SchematicInput[],
  geometry: InnerPointSource,
): Promise<SchematicFeature[]> {
  return Promise.all(
    features.map(async ({ anchors, ...feature }) => {
      const coordinates = await Promise.all(
        anchors.map(async (anchor) => ('point' in anchor ? anchor.point : geometry.innerPoint(anchor.districts))),
      );
      return {
        ...feature,
        coordinates: coordinates.map(([lng, lat]) => [round5(lng), round5(lat)] as LngLat),
      };
    }),
  );
}
