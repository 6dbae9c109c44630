/**
 * Colours shared by the map style and the legends, so a legend can never disagree with
 * the map. Categorical fills use Paul Tol's "light" scheme, designed to stay distinct
 * for colour-blind readers and to carry dark labels.
 */
export const URBAN_SYSTEM_COLOURS: Record<string, string> = {
  'central-urban': '#EE8866',
  western: '#EEDD88',
  'eastern-new-city': '#FFAABB',
  northeast: '#77AADD',
  southeast: '#44BB99',
};

export const URBAN_SYSTEM_ORDER = ['central-urban', 'western', 'eastern-new-city', 'northeast', 'southeast'] as const;

/**
 * Net outflow as a share of hukou population: a diverging purple–orange scale
 * (ColorBrewer PuOr, colour-blind safe). Negative shares are net inflow.
 * Each step: [lower bound (inclusive), colour].
 */
export const OUTFLOW_STEPS: Array<[number, string]> = [
  [Number.NEGATIVE_INFINITY, '#542788'],
  [-0.4, '#998ec3'],
  [-0.1, '#d8daeb'],
  [-0.05, '#f7f7f7'],
  [0.05, '#fee0b6'],
  [0.15, '#f1a340'],
  [0.25, '#b35806'],
];

export const NO_DATA_COLOUR = '#c8c8c8';

export const COLOURS = {
  background: '#dde5ea',
  province: '#eeece6',
  provinceLine: '#b9b4aa',
  districtFill: '#faf8f3',
  districtLine: '#7a7468',
  regionLine: '#3b3a36',
  river: '#5b8db8',
  hover: '#1f1f1f',
  selection: '#c2185b',
  passage: '#6a1b9a',
  label: '#1f1f1f',
  labelHalo: '#ffffff',
  thematic: {
    yuzhong: '#CC6677',
    innovation: '#117733',
    'wan-kai-yun': '#332288',
    ecology: '#44AA99',
    governance: '#882255',
    population: '#b35806',
  },
} as const;

/** A thematic layer's colour; layers without one of their own draw in the hover colour. */
export function thematicColour(layer: string): string {
  return (COLOURS.thematic as Record<string, string>)[layer] ?? COLOURS.hover;
}
