/**
 * The open data files and their licences: one list that the build's datapackage.json and the
 * About panel's "Data" section both read, so the page and the package say the same.
 */
import type { Bilingual } from '../types/atlas-data';

export type LicenceId = 'project' | 'quotation' | 'datav' | 'facts';

export interface Licence {
  /** Frictionless `name`: an SPDX id, or a LicenseRef- for terms that are not a licence. */
  name: string;
  path?: string;
  title: Bilingual;
}

export const LICENCES: Record<LicenceId, Licence> = {
  project: {
    name: 'MIT',
    path: 'https://opensource.org/licenses/MIT',
    title: {
      zh: 'MIT 许可（本项目的翻译、地点标注与派生数据）',
      en: 'MIT (the project’s own work: translations, place assignments, derived figures)',
    },
  },
  quotation: {
    name: 'LicenseRef-quotation',
    title: {
      zh: '引文 © 重庆日报，为评论而引用，非本项目许可所涵盖',
      en: 'Quotes © Chongqing Daily (重庆日报), quoted for commentary; not covered by the project’s licence',
    },
  },
  datav: {
    name: 'LicenseRef-not-openly-licensed',
    title: {
      zh: '区县边界 © 高德/DataV，非开放许可，不在本项目许可范围内；无审图号（在中国大陆出版地图须有审图号）',
      en: 'District boundaries © AutoNavi/DataV: not openly licensed, not covered by the project’s licence; they have no map-review number (审图号), which maps published in mainland China need',
    },
  },
  facts: {
    name: 'LicenseRef-facts-with-sources',
    title: {
      zh: '统计数据为事实，每项注明来源',
      en: 'Census and statistical figures: facts, each with its source',
    },
  },
};

export interface OpenDataFile {
  /** The file's name under data/, also its Frictionless resource name without the extension. */
  path: string;
  title: Bilingual;
  format: string;
  mediatype: string;
  licences: LicenceId[];
}

export const OPEN_DATA_FILES: readonly OpenDataFile[] = [
  {
    path: 'passages.csv',
    title: { zh: '文章引文（每行一段）', en: 'Passages, one row each' },
    format: 'csv',
    mediatype: 'text/csv',
    licences: ['quotation', 'project'],
  },
  {
    path: 'passages.json',
    title: { zh: '文章引文（JSON）', en: 'Passages (JSON)' },
    format: 'json',
    mediatype: 'application/json',
    licences: ['quotation', 'project'],
  },
  {
    path: 'annotations.jsonld',
    title: { zh: '引文的地点标注（W3C Web Annotation）', en: 'Passages as place annotations (W3C Web Annotations)' },
    format: 'jsonld',
    mediatype: 'application/ld+json',
    licences: ['quotation', 'project'],
  },
  {
    path: 'figures.csv',
    title: { zh: '数据及其来源', en: 'Figures with their sources' },
    format: 'csv',
    mediatype: 'text/csv',
    licences: ['facts', 'project'],
  },
  {
    path: 'places.geojson',
    title: { zh: '38个区县与区域的边界', en: 'Boundaries of the 38 units and the regions' },
    format: 'geojson',
    mediatype: 'application/geo+json',
    licences: ['datav', 'project'],
  },
  {
    path: 'sources.csv',
    title: { zh: '来源列表', en: 'Source list' },
    format: 'csv',
    mediatype: 'text/csv',
    licences: ['project'],
  },
];

export const DATA_FOLDER = 'data';
export const DATAPACKAGE = 'datapackage.json';
