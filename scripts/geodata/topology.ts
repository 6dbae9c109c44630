import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import mapshaper from 'mapshaper';
import { mergeArcs, feature as topologyFeature } from 'topojson-client';
import { topology as buildTopologyFromGeojson } from 'topojson-server';
import type {
  GeometryCollection,
  Topology,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
} from 'topojson-specification';
import type { BBox } from '../../src/types/atlas-data';

type Areal = Polygon | MultiPolygon;

async function runMapshaper(
  commands: string,
  inputs: Record<string, object | string>,
): Promise<Record<string, unknown>> {
  const outputs = await mapshaper.applyCommands(`-quiet ${commands}`, inputs);
  return Object.fromEntries(Object.entries(outputs).map(([name, content]) => [name, JSON.parse(String(content))]));
}

export interface CleanOptions {
  /** Gaps between neighbours smaller than this are given to a neighbour. */
  gapFillKm2: number;
  /** Douglas–Peucker tolerance: no simplified border strays further than this from the source. */
  simplifyIntervalMeters: number;
}

/**
 * Cleans the district layer into a planar partition (overlaps resolved, slivers
 * filled) and simplifies it on shared arcs, so neighbours keep one common border.
 * Also places a label point inside each district.
 */
export async function cleanAndSimplifyDistricts(
  districts: FeatureCollection<Areal>,
  options: CleanOptions,
): Promise<{ districts: FeatureCollection<Areal>; labels: FeatureCollection<Point> }> {
  const outputs = await runMapshaper(
    [
      '-i districts.json',
      `-clean gap-fill-area=${options.gapFillKm2}km2`,
      `-simplify dp interval=${options.simplifyIntervalMeters}m keep-shapes`,
      // Simplification can make rings touch; a second clean restores a valid partition.
      '-clean',
      '-points inner + name=labels',
      '-o format=geojson precision=0.000001 target=*',
    ].join(' '),
    { 'districts.json': districts },
  );
  return {
    districts: outputs['districts.json'] as FeatureCollection<Areal>,
    labels: outputs['labels.json'] as FeatureCollection<Point>,
  };
}

/** Clips and simplifies a context layer (neighbouring provinces or rivers). */
export async function prepareContextLayer<G extends Areal | LineString | MultiLineString>(
  layer: FeatureCollection<G>,
  clipBox: BBox,
  simplifyIntervalMeters: number,
  withLabels: boolean,
): Promise<{ features: FeatureCollection<G>; labels: FeatureCollection<Point> | null }> {
  const outputs = await runMapshaper(
    [
      '-i layer.json',
      `-clip bbox=${clipBox.join(',')}`,
      `-simplify dp interval=${simplifyIntervalMeters}m keep-shapes`,
      withLabels ? '-points inner + name=labels' : '',
      '-o format=geojson precision=0.00001 target=*',
    ].join(' '),
    { 'layer.json': layer },
  );
  return {
    features: outputs['layer.json'] as FeatureCollection<G>,
    labels: withLabels ? (outputs['labels.json'] as FeatureCollection<Point>) : null,
  };
}

/** A point well inside each feature (pole of inaccessibility), for labels. */
export async function innerPoints(features: Feature<Areal>[]): Promise<FeatureCollection<Point>> {
  const outputs = await runMapshaper('-i features.json -points inner -o format=geojson precision=0.00001', {
    'features.json': { type: 'FeatureCollection', features },
  });
  return Object.values(outputs)[0] as FeatureCollection<Point>;
}

/** Resolution of the TopoJSON grid: about 1 m over Chongqing and its neighbours. */
export const QUANTIZATION = 1e6;

/** Encodes layers as one topology; borders shared between features become shared arcs. */
export function encodeTopology(layers: Record<string, FeatureCollection>): Topology {
  return buildTopologyFromGeojson(layers, QUANTIZATION);
}

/**
 * Dissolves the given members of an object into one geometry that reuses the topology's
 * arcs: the region's outline is exactly its members' outer borders.
 */
export function dissolveMembers(
  topology: Topology,
  objectName: string,
  isMember: (properties: Record<string, unknown>) => boolean,
): TopoMultiPolygon {
  const collection = topology.objects[objectName] as GeometryCollection<Record<string, unknown>>;
  const members = collection.geometries.filter(
    (geometry): geometry is TopoPolygon<Record<string, unknown>> | TopoMultiPolygon<Record<string, unknown>> =>
      (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') && isMember(geometry.properties ?? {}),
  );
  if (members.length === 0) throw new Error(`no members of ${objectName} to dissolve`);
  return mergeArcs(topology, members);
}

/** A dissolved geometry (as from dissolveMembers) as a GeoJSON feature with an id. */
export function topologyMergeToFeature(topology: Topology, merged: TopoMultiPolygon): Feature<Areal> {
  // mapshaper needs a property on each feature to return points rather than bare geometry.
  const decoded = topologyFeature(topology, { ...merged, properties: { id: 'merged' } }) as Feature<Areal>;
  return decoded;
}

/**
 * The same topology simplified further on its shared arcs (so neighbours still share one
 * border and regions still follow their members), for the map's first, small-scale view:
 * at the default zoom a pixel covers about 500 m, so 300 m of tolerance is not seen, and the
 * map has less than half the vertices to send to its worker and tile.
 */
export async function overviewTopology(topology: Topology, simplifyIntervalMeters: number): Promise<Topology> {
  const outputs = await runMapshaper(
    [
      '-i atlas.topo.json',
      `-simplify dp interval=${simplifyIntervalMeters}m keep-shapes`,
      `-o format=topojson quantization=${QUANTIZATION} target=*`,
    ].join(' '),
    // As text: mapshaper would otherwise decode the caller's topology in place.
    { 'atlas.topo.json': JSON.stringify(topology) },
  );
  const [overview] = Object.values(outputs) as Topology[];
  if (!overview) throw new Error('mapshaper returned no overview topology');
  return overview;
}

/** Decodes one object of a topology to GeoJSON features. */
export function decodeObject<G extends FeatureCollection['features'][number]['geometry']>(
  topology: Topology,
  objectName: string,
): Feature<G>[] {
  const decoded = topologyFeature(topology, topology.objects[objectName] as GeometryCollection);
  return (decoded as FeatureCollection<G>).features;
}
