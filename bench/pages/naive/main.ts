/**
 * Naive MapLibre: what a first attempt looks like. The raw DataV file (unsimplified, as
 * published) as one GeoJSON source, one fill and one line layer.
 */
import '../shared/maplibre';
import { Map as MapLibreMap } from 'maplibre-gl';
import { CHONGQING_BOUNDS, DISTRICT_FILL, DISTRICT_LINE, FIT_PADDING, mapContainer } from '../shared/frame';
import { rawDistrictsUrl } from '../shared/raw-districts';

const map = new MapLibreMap({
  container: mapContainer(),
  style: {
    version: 8,
    sources: { districts: { type: 'geojson', data: rawDistrictsUrl } },
    layers: [
      { id: 'districts-fill', type: 'fill', source: 'districts', paint: { 'fill-color': DISTRICT_FILL } },
      {
        id: 'districts-line',
        type: 'line',
        source: 'districts',
        paint: { 'line-color': DISTRICT_LINE, 'line-width': 1 },
      },
    ],
  },
  bounds: CHONGQING_BOUNDS,
  fitBoundsOptions: { padding: FIT_PADDING },
  attributionControl: false,
});

const onIdle = () => {
  const at = performance.now();
  if (map.queryRenderedFeatures({ layers: ['districts-fill'] }).length === 0) return;
  window.__benchProbe?.markDrawn(at);
  map.off('idle', onIdle);
};
map.on('idle', onIdle);
