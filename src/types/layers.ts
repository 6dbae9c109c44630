/**
 * The public layer ids (URLs and embeds depend on them), for modules that need only the ids.
 * Defined by the layer registry: src/layers/registry.ts.
 */
export { DEFAULT_LAYERS, isLayerId, LAYER_IDS, type LayerId } from '../layers/registry';
