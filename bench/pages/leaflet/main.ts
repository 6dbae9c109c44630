/**
 * Leaflet, the engine uMap uses: the raw DataV file drawn as SVG (Leaflet's default
 * renderer), one path per district, no tiles (the atlas has none either).
 */
import { geoJSON, latLngBounds, map as leafletMap } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { CHONGQING_BOUNDS, DISTRICT_FILL, DISTRICT_LINE, FIT_PADDING, mapContainer } from '../shared/frame';
import { rawDistrictsUrl } from '../shared/raw-districts';

const [[west, south], [east, north]] = CHONGQING_BOUNDS;
const map = leafletMap(mapContainer(), { attributionControl: false, zoomSnap: 0 });
map.fitBounds(latLngBounds([south, west], [north, east]), { padding: [FIT_PADDING, FIT_PADDING] });

const response = await fetch(rawDistrictsUrl);
const districts = (await response.json()) as GeoJSON.FeatureCollection;
geoJSON(districts, { style: { color: DISTRICT_LINE, weight: 1, fillColor: DISTRICT_FILL, fillOpacity: 1 } }).addTo(map);
// Leaflet draws the SVG synchronously; the browser lays it out and paints it in the next frame.
window.__benchProbe?.markDrawnAfterPaint();
