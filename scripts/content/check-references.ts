/**
 * Checks that every id the content names exists: places (district codes and region ids
 * from the geodata build), layers, and the passages and figures items point to; and that
 * each schematic feature is on a layer that draws its kind (the map would not show it).
 */

import { drawsSchematic, isLayerId, layersDrawingSchematic } from '../../src/layers/registry';
import type { PlacesData } from '../../src/types/atlas-data';
import { DataBuildError } from '../geodata/errors';
import type { ContentFileNames, ContentInputs } from './inputs';

/** Regions the atlas promises at least one passage for (a reader can open each and find text). */
export const REGIONS_NEEDING_PASSAGES = [
  'yuzhong',
  'western',
  'wan-kai-yun',
  'northeast',
  'southeast',
  'central-urban',
  'science-corridor',
] as const;

export function placeIds(places: PlacesData): Set<string> {
  return new Set([...places.districts.map((district) => district.code), ...places.regions.map((region) => region.id)]);
}

function checkPlaces(known: Set<string>, ids: string[], file: string, name: string): void {
  for (const id of ids) {
    if (!known.has(id))
      throw new DataBuildError(file, name, `unknown place "${id}" (not a district code or region id)`);
  }
  if (new Set(ids).size !== ids.length) throw new DataBuildError(file, name, 'names a place twice');
}

function checkLayers(layers: string[], file: string, name: string): void {
  for (const layer of layers) {
    if (!isLayerId(layer)) throw new DataBuildError(file, name, `unknown layer "${layer}"`);
  }
}

function checkExisting(known: Set<string>, ids: string[], what: string, file: string, name: string): void {
  for (const id of ids) {
    if (!known.has(id)) throw new DataBuildError(file, name, `names ${what} "${id}", which does not exist`);
  }
}

export function checkReferences(inputs: ContentInputs, places: PlacesData, files: ContentFileNames): void {
  const knownPlaces = placeIds(places);
  const passageIds = new Set(inputs.passages.map((passage) => passage.id));
  const figureIds = new Set(inputs.figures.map((figure) => figure.id));

  for (const passage of inputs.passages) {
    const name = `passage "${passage.id}"`;
    checkPlaces(knownPlaces, passage.places, files.passages, name);
    checkLayers(passage.layers, files.passages, name);
    checkExisting(figureIds, passage.figures, 'figure', files.passages, name);
  }
  for (const figure of inputs.figures) {
    const name = `figure "${figure.id}"`;
    checkPlaces(knownPlaces, figure.places, files.figures, name);
    if (figure.source.kind === 'article') {
      checkExisting(passageIds, [figure.source.passage], 'source passage', files.figures, name);
    }
    if (figure.derived) checkExisting(figureIds, figure.derived.inputs, 'input figure', files.figures, name);
  }
  for (const flow of inputs.flows) {
    const name = `flow "${flow.id}"`;
    checkPlaces(knownPlaces, [flow.from], files.flows, name);
    checkPlaces(knownPlaces, [flow.to], files.flows, name);
    if (flow.from === flow.to) throw new DataBuildError(files.flows, name, 'goes from a place to itself');
    checkExisting(passageIds, flow.passages, 'passage', files.flows, name);
    checkExisting(figureIds, flow.figures, 'figure', files.flows, name);
  }
  const districtCodes = new Set(places.districts.map((district) => district.code));
  for (const feature of inputs.schematic) {
    const name = `schematic feature "${feature.id}"`;
    checkLayers([feature.layer], files.schematic, name);
    if (!drawsSchematic(feature.layer, feature.kind)) {
      const drawing = layersDrawingSchematic(feature.kind).join(', ');
      throw new DataBuildError(
        files.schematic,
        name,
        `is a ${feature.kind} on layer "${feature.layer}", which draws no schematic ${feature.kind}s (layers that do: ${drawing})`,
      );
    }
    checkExisting(passageIds, feature.passages, 'passage', files.schematic, name);
    for (const anchor of feature.anchors) {
      if ('districts' in anchor) checkExisting(districtCodes, anchor.districts, 'district', files.schematic, name);
    }
  }
}

/** Each region the atlas promises text for is named by at least one passage. */
export function checkRegionCoverage(inputs: ContentInputs, file: string): void {
  for (const region of REGIONS_NEEDING_PASSAGES) {
    if (!inputs.passages.some((passage) => passage.places.includes(region))) {
      throw new DataBuildError(file, `region "${region}"`, 'no passage names this region');
    }
  }
}

/** Every region has a definition (document, date, published or derived); boundary notes name real districts. */
export function checkDefinitions(inputs: ContentInputs, places: PlacesData, files: ContentFileNames): void {
  const defined = new Set(inputs.regionDefinitions.map((definition) => definition.region));
  for (const region of places.regions) {
    if (!defined.has(region.id)) {
      throw new DataBuildError(files.regionDefinitions, `region "${region.id}"`, 'has no definition');
    }
  }
  const known = placeIds(places);
  for (const definition of inputs.regionDefinitions) {
    if (!known.has(definition.region)) {
      throw new DataBuildError(files.regionDefinitions, `region "${definition.region}"`, 'is not a region of the map');
    }
  }
  const districts = new Set(places.districts.map((district) => district.code));
  for (const note of inputs.boundaryNotes) {
    if (!districts.has(note.district)) {
      throw new DataBuildError(files.boundaryNotes, `district "${note.district}"`, 'is not a district of the map');
    }
  }
}
