/**
 * Turns the built artifacts into the GeoJSON the map draws. Pure: no MapLibre, no DOM.
 * Polygons keep only the properties styling needs; everything else is looked up by id.
 */
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { feature as decodeTopologyObject } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { measureProperty, POPULATION_MEASURES, type PopulationMeasureId } from '../layers/population-measures';
import type { LngLat, PlacesData } from '../types/atlas-data';
import type { ContentData, SchematicFeature } from '../types/content';

export interface MapFeatures {
  districts: FeatureCollection<Polygon | MultiPolygon>;
  regions: FeatureCollection<Polygon | MultiPolygon>;
  provinces: FeatureCollection<Polygon | MultiPolygon>;
  rivers: FeatureCollection;
  labels: FeatureCollection<Point>;
  schematicLines: FeatureCollection<LineString>;
  schematicNodes: FeatureCollection<Point>;
  flows: FeatureCollection<LineString>;
  arrowHeads: FeatureCollection<Polygon>;
}

function decode<G extends Feature['geometry']>(topology: Topology, name: string): FeatureCollection<G> {
  const object = topology.objects[name];
  if (!object) throw new Error(`the topology has no "${name}" object`);
  return decodeTopologyObject(topology, object as GeometryCollection) as FeatureCollection<G>;
}

/** A filled triangle at the end of a path, pointing along its last segment; sized in degrees. */
export function arrowHead(path: LngLat[], size: number): Polygon | null {
  const tip = path[path.length - 1];
  const before = path[path.length - 2];
  if (!tip || !before) return null;
  // Work in a locally isotropic frame: a degree of longitude is shorter than one of latitude.
  const scale = Math.cos((tip[1] * Math.PI) / 180);
  const dx = (tip[0] - before[0]) * scale;
  const dy = tip[1] - before[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return null;
  const [ux, uy] = [dx / length, dy / length];
  const base: [number, number] = [-ux * size, -uy * size];
  const side: [number, number] = [-uy * size * 0.55, ux * size * 0.55];
  const corner = (sign: number): [number, number] => [
    tip[0] + (base[0] + sign * side[0]) / scale,
    tip[1] + base[1] + sign * side[1],
  ];
  return { type: 'Polygon', coordinates: [[tip, corner(1), corner(-1), tip]] };
}

/** Schematic features of one kind, with the properties the style reads. */
function schematicCollection<G extends LineString | Point>(
  schematic: SchematicFeature[],
  kind: SchematicFeature['kind'],
  geometry: (item: SchematicFeature) => G,
): FeatureCollection<G> {
  return {
    type: 'FeatureCollection',
    features: schematic
      .filter((item) => item.kind === kind)
      .map((item) => ({
        type: 'Feature',
        properties: {
          kind: `schematic-${kind}`,
          id: item.id,
          layer: item.layer,
          nameZh: item.name.zh,
          nameEn: item.name.en,
        },
        geometry: geometry(item),
      })),
  };
}

/**
 * Each population measure's value for each district that has one, in percent: the census
 * figures of its series, or the build's net-outflow shares.
 */
export function populationValues(content: ContentData | null): Map<PopulationMeasureId, Map<string, number>> {
  const values = new Map<PopulationMeasureId, Map<string, number>>();
  for (const measure of POPULATION_MEASURES) {
    const byCode = new Map<string, number>();
    if (measure.values.from === 'outflow-shares') {
      for (const entry of content?.outflowShares ?? []) byCode.set(entry.code, Number((entry.share * 100).toFixed(2)));
    } else {
      const { series } = measure.values;
      for (const figure of content?.figures ?? []) {
        const code = figure.places[0];
        if (figure.series === series && figure.places.length === 1 && code && figure.value !== null) {
          byCode.set(code, figure.value);
        }
      }
    }
    values.set(measure.id, byCode);
  }
  return values;
}

export function buildMapFeatures(topology: Topology, places: PlacesData, content: ContentData | null): MapFeatures {
  const districtInfo = new Map(places.districts.map((district) => [district.code, district]));
  const measures = populationValues(content);
  const districts = decode<Polygon | MultiPolygon>(topology, 'districts');
  for (const feature of districts.features) {
    const code = String(feature.properties?.code);
    const info = districtInfo.get(code);
    const properties: Record<string, string | number> = { code, urban: info?.urbanSystem ?? '' };
    // A measure without data for the district leaves its property out: drawn as no data, never as zero.
    for (const [measure, byCode] of measures) {
      const value = byCode.get(code);
      if (value !== undefined) properties[measureProperty(measure)] = value;
    }
    feature.properties = properties;
  }
  const labels: Feature<Point>[] = [
    ...places.districts.map(
      (district): Feature<Point> => ({
        type: 'Feature',
        properties: {
          kind: 'district',
          id: district.code,
          nameZh: district.nameZh,
          nameEn: district.nameEn,
          rank: -district.areaKm2,
        },
        geometry: { type: 'Point', coordinates: district.label },
      }),
    ),
    ...places.provinces.map(
      (province): Feature<Point> => ({
        type: 'Feature',
        properties: { kind: 'province', id: province.id, nameZh: province.nameZh, nameEn: province.nameEn, rank: 0 },
        geometry: { type: 'Point', coordinates: province.label },
      }),
    ),
  ];
  const schematic = content?.schematic ?? [];
  const flows = content?.flows ?? [];
  return {
    districts,
    regions: decode(topology, 'regions'),
    provinces: decode(topology, 'provinces'),
    rivers: decode(topology, 'rivers'),
    labels: { type: 'FeatureCollection', features: labels },
    schematicLines: schematicCollection(schematic, 'line', (item) => ({
      type: 'LineString',
      coordinates: item.coordinates,
    })),
    schematicNodes: schematicCollection(schematic, 'node', (item) => ({
      type: 'Point',
      coordinates: item.coordinates[0] as LngLat,
    })),
    flows: {
      type: 'FeatureCollection',
      features: flows.map((flow) => ({
        type: 'Feature',
        properties: {
          kind: 'flow',
          id: flow.id,
          from: flow.from,
          to: flow.to,
          flowKind: flow.kind,
          basis: flow.basis,
        },
        geometry: { type: 'LineString', coordinates: flow.path },
      })),
    },
    arrowHeads: {
      type: 'FeatureCollection',
      features: flows.flatMap((flow) => {
        const head = arrowHead(flow.path, 0.09);
        return head
          ? [
              {
                type: 'Feature' as const,
                properties: { kind: 'arrow-head', id: flow.id, from: flow.from, basis: flow.basis },
                geometry: head,
              },
            ]
          : [];
      }),
    },
  };
}
