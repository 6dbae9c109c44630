/** The map's public layer ids (DESIGN §4): URLs and embeds depend on them. */
export const LAYER_IDS = [
  'districts',
  'urban-system',
  'yuzhong',
  'innovation',
  'population',
  'wan-kai-yun',
  'ecology',
  'governance',
] as const;

export type LayerId = (typeof LAYER_IDS)[number];

export const DEFAULT_LAYERS: readonly LayerId[] = ['districts', 'urban-system'];

export function isLayerId(value: string): value is LayerId {
  return (LAYER_IDS as readonly string[]).includes(value);
}
