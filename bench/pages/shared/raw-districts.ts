/**
 * The raw DataV boundaries as published: 750 KB, unsimplified, GCJ-02 drawn unconverted
 * (about 500 m off WGS84; the cost of drawing them is what is measured). Its own module,
 * because importing it emits the file: the floor page must not ship it.
 */
export { default as rawDistrictsUrl } from '../../../geodata/sources/datav-amap/chongqing_districts_gcj02_raw.geojson?url';
