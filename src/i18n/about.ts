/** The about panel's text, in both languages (same sections, same order). */
import type { Lang } from '../types/atlas-data';

export interface AboutSection {
  heading: string;
  paragraphs: string[];
}

export const ABOUT: Record<Lang, AboutSection[]> = {
  zh: [
    {
      heading: '地图展示什么',
      paragraphs: [
        '本地图把重庆日报“新论”版四篇学习贯彻市委六届七次全会精神的文章，按地点展开：文中提到的区域（渝中、中心城区、渝西、渝东新城、万开云、渝东北、渝东南、科创走廊）绘制在重庆38个区县之上，每个区县和区域都附有文章原文摘录、本项目的英文翻译和有来源的人口数据。',
        '原文摘录逐字引自版面文字（忽略排版空白），英文为本项目自行翻译。示意要素（科创走廊、铁峰山通道、人口流动箭头）只表示方向或关联，不代表精确线位。',
      ],
    },
    {
      heading: '文章',
      paragraphs: [
        '四篇文章刊于重庆日报“新论”版（深入学习贯彻市委六届七次全会精神），版面无日期，刊于2025年8月18日全会之后：',
      ],
    },
    {
      heading: '边界数据与许可',
      paragraphs: [
        '区县边界来自阿里云 DataV.GeoAtlas（高德数据），无开放许可，著作权归高德所有，不适用本项目的开源许可；本项目单独存放该数据并注明来源。构建流程只从一个可替换的输入读取边界，可改用开放数据（如 OpenStreetMap 提取）。原始数据为 GCJ-02 坐标，构建时转换为 WGS84，清理拓扑并在保持共享边界的前提下简化。',
        '河流与邻省轮廓来自 Natural Earth（公有领域）。区县代码来自国家统计局统计用区划代码（2023）。',
      ],
    },
    {
      heading: '区划版本',
      paragraphs: [
        '地图显示文章写作时（2025年8月）的38个区县。2025年11月6日国务院批准撤销江北区、渝北区，设立两江新区（行政区），2026年1月25日挂牌，全市变为37个区县。',
      ],
    },
    {
      heading: '数据来源',
      paragraphs: [
        '数字只取自文章本身和项目事实表。事实表依据公开网页和 GitHub 文件的存档副本整理，不是直接取自官方网站；每一行注明来源，来源列表见下文，并标明类型：少数是统计公报或人口普查公报（多为转载于其他网站的副本），许多是第三方汇编网站、百科或其镜像，不是官方来源。只有第三方汇编来源的数字在弹窗中标明。事实表标为“未找到”的数值显示为“无数据”，不列来源，从不估算。推算值（如净流出＝户籍人口－常住人口）注明算法。面积由地图边界在WGS84椭球面上计算。',
      ],
    },
  ],
  en: [
    {
      heading: 'What the map shows',
      paragraphs: [
        "This map lays out by place four op-eds from the Chongqing Daily's \"New Views\" page on the Seventh Plenary Session of the Sixth CPC Chongqing Municipal Committee: the regions they name (Yuzhong, the central urban area, Western Chongqing, the Eastern New City, Wan-Kai-Yun, Northeast Chongqing, Southeast Chongqing, the science and innovation corridor) are drawn over Chongqing's 38 county-level units, and each district and region carries the articles' own words, the project's English translation and sourced population figures.",
        "Quotes are copied word for word from the page (layout whitespace aside); the English is the project's own translation. Schematic features (the science and innovation corridor, the Tiefeng Mountain road, population-flow arrows) show a direction or a link, not an exact alignment.",
      ],
    },
    {
      heading: 'The articles',
      paragraphs: [
        'Four articles on the Chongqing Daily\'s "New Views" page on the Seventh Plenary Session of the Sixth CPC Chongqing Municipal Committee. The page carries no date; it appeared after the session of 18 Aug 2025:',
      ],
    },
    {
      heading: 'Boundaries and licences',
      paragraphs: [
        "District boundaries come from Alibaba Cloud's DataV.GeoAtlas (AutoNavi data). They carry no open licence: © AutoNavi, not covered by this project's open-source licence. The project keeps them apart with their provenance noted, and builds from one swappable input so an open source (an OpenStreetMap extract) can replace them. The raw data is in GCJ-02; the build converts it to WGS84, cleans the topology and simplifies it keeping shared borders.",
        'Rivers and neighbouring provinces: Natural Earth (public domain). District codes: the National Bureau of Statistics code list (2023).',
      ],
    },
    {
      heading: 'Boundary vintage',
      paragraphs: [
        'The map shows the 38 county-level units of Aug 2025, when the articles were written. On 6 Nov 2025 the State Council approved abolishing Jiangbei and Yubei and creating a Liangjiang New Area district (inaugurated 25 Jan 2026), leaving 37 units.',
      ],
    },
    {
      heading: 'How figures were sourced',
      paragraphs: [
        'Numbers come only from the articles themselves and from the project\'s facts table, which was compiled from archived copies of public web pages and GitHub files, not from official websites directly. Every row names its source; the sources are listed below with their kind. A few are official statistical or census bulletins (most read as copies on other sites); many are third-party aggregators, encyclopedias or copies of them, which are not official sources. A figure whose only source is an aggregator is marked so in its popup. Values the table marks "not found" are shown as "no data", with no source, and never estimated. Derived values (net outflow = hukou − resident population) show their formula. Areas are computed from the map boundaries on the WGS84 ellipsoid.',
      ],
    },
  ],
};
