/** The floor: the same MapLibre with an empty style. Nothing can load faster and still be a MapLibre map. */
import '../shared/maplibre';
import { Map as MapLibreMap } from 'maplibre-gl';
import { CHONGQING_BOUNDS, FIT_PADDING, mapContainer } from '../shared/frame';

const map = new MapLibreMap({
  container: mapContainer(),
  style: { version: 8, sources: {}, layers: [] },
  bounds: CHONGQING_BOUNDS,
  fitBoundsOptions: { padding: FIT_PADDING },
  attributionControl: false,
});
map.once('idle', () => window.__benchProbe?.markDrawn());
