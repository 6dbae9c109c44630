/**
 * The thematic layers, each said once: its id, its order, its colour, whether it tints the
 * districts its passages name, which schematic features it draws, and what else it draws with
 * its legend entries. The map style, the legend, the layer control, the URL codec, the embed
 * protocol and the content build all derive from this list. Adding a layer is an entry here,
 * its two texts in messages.ts (`layer.<id>.name`, `layer.<id>.description`) and its content.
 *
 * No runtime imports: the embed host script validates layer ids with this module, and should
 * not carry the map's palette or style with it.
 */
import type { MessageKey } from '../i18n/messages';
import type { PaletteColour } from '../map/palette';

/** The kinds of schematic feature (geodata/content/schematic.json) a layer can draw. */
export type SchematicKind = 'line' | 'node';

/** How a legend entry is drawn, as the map draws what it stands for (Legend.tsx, atlas.css). */
export type LegendSwatch = 'fill' | 'tint' | 'line' | 'dashed' | 'node' | 'arrow' | 'dashed-arrow';

export type LegendEntry =
  /** One swatch: a colour of the palette, or `own`, the layer's colour. */
  | { swatch: LegendSwatch; colour: PaletteColour | 'own'; label: MessageKey }
  /**
   * A scale with its own entries: the urban system's parts, or the population measure's
   * classes with the picker that chooses the measure (population-measures.ts).
   */
  | { scale: 'urban-system' | 'population' };

/** Something a layer draws: the style layers that draw it (style.ts), and its legend entry. */
export interface Visual {
  /** Style layer ids; none for schematic nodes, which are HTML over the map (map-labels.ts). */
  styleLayers: readonly string[];
  legend: LegendEntry;
}

interface LayerEntry {
  readonly id: string;
  /** Shown when the URL names no layers. */
  readonly shownByDefault: boolean;
  /**
   * Its colour (`#rrggbb`): tints, outlines, schematic lines and nodes, flow arrows. The themes
   * take Paul Tol's "muted" scheme, distinct for colour-blind readers.
   */
  readonly colour?: string;
  /** Tints and outlines the districts its passages name (style.ts: `theme-<id>-fill`, `-line`). */
  readonly tintsDistricts: boolean;
  /** The schematic features it draws; the content build rejects any other on this layer. */
  readonly schematic: readonly SchematicKind[];
  /** The place its schematic features stand for: a click on one selects it. */
  readonly schematicPlace?: string;
  /** Its fills cover every district: the plain district fill is left out under them. */
  readonly coversDistricts?: boolean;
  /** What it draws besides its tint and schematic features: style layers written in style.ts. */
  readonly draws?: readonly Visual[];
}

/** The layers, in the order of the layer control and of the URL's `layers=` list. */
export const LAYERS = [
  {
    id: 'districts',
    shownByDefault: true,
    tintsDistricts: false,
    schematic: [],
    draws: [
      {
        styleLayers: ['districts-fill', 'districts-line'],
        legend: { swatch: 'line', colour: 'districtLine', label: 'legend.district' },
      },
      {
        styleLayers: ['rivers-line', 'main-river-line'],
        legend: { swatch: 'line', colour: 'river', label: 'legend.river' },
      },
    ],
  },
  {
    id: 'urban-system',
    shownByDefault: true,
    tintsDistricts: false,
    schematic: [],
    coversDistricts: true,
    draws: [
      { styleLayers: ['urban-system-fill'], legend: { scale: 'urban-system' } },
      {
        styleLayers: ['urban-system-line'],
        legend: { swatch: 'line', colour: 'regionLine', label: 'legend.regionBorder' },
      },
    ],
  },
  {
    id: 'yuzhong',
    shownByDefault: false,
    colour: '#CC6677',
    tintsDistricts: true,
    schematic: ['node'],
    schematicPlace: 'yuzhong',
  },
  {
    id: 'innovation',
    shownByDefault: false,
    colour: '#117733',
    tintsDistricts: true,
    schematic: ['line', 'node'],
    schematicPlace: 'science-corridor',
  },
  {
    id: 'population',
    shownByDefault: false,
    colour: '#b35806',
    tintsDistricts: false,
    schematic: [],
    coversDistricts: true,
    draws: [
      { styleLayers: ['population-fill'], legend: { scale: 'population' } },
      {
        styleLayers: ['flows-observed-line', 'flows-observed-head'],
        legend: { swatch: 'arrow', colour: 'own', label: 'legend.flowObserved' },
      },
      {
        styleLayers: ['flows-proposed-line', 'flows-proposed-head'],
        legend: { swatch: 'dashed-arrow', colour: 'own', label: 'legend.flowProposed' },
      },
    ],
  },
  {
    id: 'wan-kai-yun',
    shownByDefault: false,
    colour: '#332288',
    tintsDistricts: true,
    schematic: ['line', 'node'],
    schematicPlace: 'wan-kai-yun',
  },
  {
    id: 'ecology',
    shownByDefault: false,
    colour: '#44AA99',
    tintsDistricts: true,
    schematic: [],
  },
  {
    id: 'governance',
    shownByDefault: false,
    colour: '#882255',
    tintsDistricts: true,
    schematic: [],
  },
] as const satisfies readonly LayerEntry[];

type Entry = (typeof LAYERS)[number];

/** The public layer ids: URLs and embeds depend on them. */
export type LayerId = Entry['id'];

/** Layers that tint the districts their passages name. */
export type DistrictTheme = Extract<Entry, { tintsDistricts: true }>['id'];

export const LAYER_IDS: readonly LayerId[] = LAYERS.map((layer) => layer.id);

export const DEFAULT_LAYERS: readonly LayerId[] = LAYERS.filter((layer) => layer.shownByDefault).map(
  (layer) => layer.id,
);

export const DISTRICT_THEMES: readonly DistrictTheme[] = LAYERS.flatMap((layer) =>
  layer.tintsDistricts ? [layer.id] : [],
);

export function isLayerId(value: string): value is LayerId {
  return (LAYER_IDS as readonly string[]).includes(value);
}

const entry = (id: LayerId): LayerEntry => LAYERS.find((layer) => layer.id === id) as LayerEntry;

/** A layer's colour; layers without one of their own (none draws in it) get `fallback`. */
export function layerColour(id: LayerId, fallback: string): string {
  return entry(id).colour ?? fallback;
}

/** Whether a layer draws schematic features of a kind. */
export function drawsSchematic(id: LayerId, kind: SchematicKind): boolean {
  return entry(id).schematic.includes(kind);
}

/** Layers that draw schematic features of a kind, in registry order. */
export function layersDrawingSchematic(kind: SchematicKind): LayerId[] {
  return LAYER_IDS.filter((id) => drawsSchematic(id, kind));
}

/** The place the schematic features of a layer (a feature's `layer` property) stand for, if any. */
export function schematicPlace(layer: unknown): string | null {
  return typeof layer === 'string' && isLayerId(layer) ? (entry(layer).schematicPlace ?? null) : null;
}

/** Whether a layer tints the districts its passages name. */
export function tintsDistricts(id: LayerId): boolean {
  return entry(id).tintsDistricts;
}

/** Layers whose fills cover every district. */
export function coversDistricts(id: LayerId): boolean {
  return entry(id).coversDistricts === true;
}

/** The style layer ids of the tint and schematic lines generated for layers (style.ts builds them). */
export const generatedStyleLayers = {
  tintFill: (id: LayerId) => `theme-${id}-fill`,
  tintLine: (id: LayerId) => `theme-${id}-line`,
  schematicLine: (id: LayerId) => `schematic-${id}-line`,
};

/** Everything a layer draws, each with its legend entry: its own visuals, its tint, its schematic features. */
export function visualsOf(id: LayerId): Visual[] {
  const layer = entry(id);
  const visuals: Visual[] = [...(layer.draws ?? [])];
  if (layer.tintsDistricts) {
    visuals.push({
      styleLayers: [generatedStyleLayers.tintFill(id), generatedStyleLayers.tintLine(id)],
      legend: { swatch: 'tint', colour: 'own', label: 'legend.highlighted' },
    });
  }
  if (layer.schematic.includes('line')) {
    visuals.push({
      styleLayers: [generatedStyleLayers.schematicLine(id)],
      legend: { swatch: 'dashed', colour: 'own', label: 'legend.schematic' },
    });
  }
  if (layer.schematic.includes('node')) {
    visuals.push({ styleLayers: [], legend: { swatch: 'node', colour: 'own', label: 'legend.schematicNode' } });
  }
  return visuals;
}

/** The message keys of a layer's texts: messages.ts must have both for every layer (its type says so). */
export type LayerTextKey = `layer.${LayerId}.name` | `layer.${LayerId}.description`;

export const layerTitle = (id: LayerId) => `layer.${id}.name` as const;
export const layerDescription = (id: LayerId) => `layer.${id}.description` as const;
