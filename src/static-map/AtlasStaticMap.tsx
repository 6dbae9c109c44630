/**
 * The static map of the atlas's current state, for the page's own uses (the map without WebGL,
 * the first view before MapLibre, the printed page): the state, places, themes and passage
 * come from the atlas context, so each use gives only what it draws and where.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Topology } from 'topojson-specification';
import { loadDetailTopology } from '../data/load-data';
import { buildMapFeatures, type MapFeatures } from '../data/map-features';
import { needsDetail } from '../map/detail';
import { useAtlas } from '../ui/atlas-context';
import type { Size, StaticView } from './projection';
import { StaticMap } from './StaticMap';

/**
 * The features to draw at a zoom: the overview's, replaced by the detailed borders once a zoom
 * needs them (fetched once). A failed fetch keeps the overview: only less precise at that scale.
 */
export function useStaticMapFeatures(overview: Topology, zoom: number | null): MapFeatures {
  const { places, content } = useAtlas();
  const overviewFeatures = useMemo(
    () => buildMapFeatures(overview, places.data, content.data),
    [overview, places, content],
  );
  const [detailed, setDetailed] = useState<MapFeatures | null>(null);
  const wanted = zoom !== null && needsDetail(zoom);
  useEffect(() => {
    if (!wanted || detailed) return;
    let cancelled = false;
    loadDetailTopology()
      .then((topology) => {
        if (!cancelled) setDetailed(buildMapFeatures(topology, places.data, content.data));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [wanted, detailed]);
  return detailed ?? overviewFeatures;
}

export interface AtlasStaticMapProps {
  features: MapFeatures;
  view: StaticView;
  size: Size;
}

export function AtlasStaticMap({ features, view, size }: AtlasStaticMapProps) {
  const { t, places, content, state } = useAtlas();
  const themeDistricts = useMemo(() => content.themeDistricts(), [content]);
  const passagePlaces = state.passage ? (content.passages.get(state.passage)?.places ?? []) : [];
  return (
    <StaticMap
      features={features}
      places={places}
      themeDistricts={themeDistricts}
      state={state}
      passagePlaces={passagePlaces}
      view={view}
      size={size}
      title={t('map.label')}
    />
  );
}
