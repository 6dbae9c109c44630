/**
 * The map's place names as HTML text over the canvas, not MapLibre symbol layers.
 *
 * Why: symbol layers made MapLibre rasterise every Chinese glyph from the device's fonts on the
 * main thread, lay the labels out in its worker, compile one more shader program, and draw one
 * more full frame before `idle` (a placement marked stale in the frame its label tiles arrive).
 * HTML text also uses the device's own CJK shaping and follows the reader's font settings.
 *
 * The schematic nodes' markers are drawn here too, under their names, so that a name and its
 * marker are placed together. A click on one reaches the map; the adapter asks `nodeAt` which it was.
 *
 * No MapLibre here: the adapter hands each frame's projection in (`update`). Labels are
 * decorative for assistive technology (the place list names every place), so the layer is
 * `aria-hidden` and lets pointer events through to the map.
 */
import type { MapFeatures } from '../data/map-features';
import { type LayerId, layerColour } from '../layers/registry';
import type { Lang, LngLat } from '../types/atlas-data';
import { districtLabelSize, type LabelBox, labelBox, nearestWithin, placeLabels } from './label-layout';
import { COLOURS } from './palette';

export interface MapLabel {
  id: string;
  kind: 'district' | 'province' | 'schematic';
  /** The thematic layer a schematic node's label is shown with. */
  layer?: LayerId;
  lngLat: LngLat;
  nameZh: string;
  nameEn: string;
}

/** What the adapter knows of the map at a frame. */
export interface LabelView {
  project(lngLat: LngLat): { x: number; y: number };
  width: number;
  height: number;
  zoom: number;
}

/** The schematic labels' font size in px, as atlas.css sets it. */
const SCHEMATIC_SIZE = 12;
/** A schematic label hangs this far below its node, clear of the node's circle (as the style's `text-offset` had it). */
const SCHEMATIC_OFFSET_EM = 1.2;
/** A node marker's radius in px, its white ring included (`.map-node` in atlas.css takes its size from it). */
const NODE_RADIUS = 9;
/** How far from a node's centre a click still picks it: the marker and a little slop, as the circle layer's query box had. */
const NODE_HIT_RADIUS = NODE_RADIUS + 4;

/**
 * The labels in the order they are placed (first wins a clash): the thematic nodes the reader
 * switched on, then districts, largest first (small central districts give way, as MapLibre's
 * sort key by area did), then the neighbouring provinces.
 */
export function mapLabelsOf(features: MapFeatures): MapLabel[] {
  // Every node is on a layer that draws nodes: the content build rejects any other.
  const schematic = features.schematicNodes.features.map(
    (feature): MapLabel => ({
      id: `schematic:${String(feature.properties?.id)}`,
      kind: 'schematic',
      layer: feature.properties?.layer as LayerId,
      lngLat: feature.geometry.coordinates as LngLat,
      nameZh: String(feature.properties?.nameZh ?? ''),
      nameEn: String(feature.properties?.nameEn ?? ''),
    }),
  );
  const place = (feature: (typeof features.labels.features)[number]): MapLabel => ({
    id: `${String(feature.properties?.kind)}:${String(feature.properties?.id)}`,
    kind: feature.properties?.kind === 'province' ? 'province' : 'district',
    lngLat: feature.geometry.coordinates as LngLat,
    nameZh: String(feature.properties?.nameZh ?? ''),
    nameEn: String(feature.properties?.nameEn ?? ''),
  });
  const ofKind = (kind: string) => features.labels.features.filter((feature) => feature.properties?.kind === kind);
  // A district's rank is its negated area: ascending rank puts the largest first.
  const districts = ofKind('district')
    .sort((a, b) => Number(a.properties?.rank) - Number(b.properties?.rank))
    .map(place);
  const provinces = ofKind('province').map(place);
  return [...schematic, ...districts, ...provinces];
}

interface LabelElement {
  label: MapLabel;
  element: HTMLSpanElement;
  /** Size read from the DOM; null until measured in the current language. */
  size: { width: number; height: number } | null;
  /** For a district label, the font size it was measured at (only theirs follow the zoom). */
  measuredAt: number;
  /** Whether the label applies at all (a schematic node's theme is switched on). */
  applies: boolean;
  shown: boolean;
  transform: string;
}

interface NodeMarker {
  label: MapLabel;
  element: HTMLSpanElement;
  /** Where it was drawn in the last frame; null while hidden. */
  point: { x: number; y: number } | null;
  transform: string;
}

export class MapLabelLayer {
  readonly element: HTMLDivElement;
  private readonly items: LabelElement[];
  private readonly nodes: NodeMarker[];
  private lang: Lang;
  private layers: ReadonlySet<LayerId>;
  private districtSize = 0;

  constructor(parent: HTMLElement, labels: readonly MapLabel[], lang: Lang, layers: readonly LayerId[]) {
    this.element = document.createElement('div');
    this.element.className = 'map-labels';
    this.element.setAttribute('aria-hidden', 'true');
    this.element.style.setProperty('--label-halo', COLOURS.labelHalo);
    this.element.style.setProperty('--label-colour', COLOURS.label);
    this.element.style.setProperty('--node-size', `${2 * NODE_RADIUS}px`);
    // Markers first, so names stand over them.
    this.nodes = labels
      .filter((label) => label.kind === 'schematic')
      .map((label) => {
        const element = document.createElement('span');
        element.className = 'map-node';
        element.dataset.node = label.id;
        element.style.display = 'none';
        if (label.layer) element.style.backgroundColor = layerColour(label.layer, COLOURS.hover);
        this.element.append(element);
        return { label, element, point: null, transform: '' };
      });
    this.items = labels.map((label) => {
      const element = document.createElement('span');
      element.className = `map-label map-label-${label.kind}`;
      element.dataset.label = label.id;
      if (label.kind === 'schematic' && label.layer) element.style.color = layerColour(label.layer, COLOURS.hover);
      this.element.append(element);
      return { label, element, size: null, measuredAt: 0, applies: true, shown: false, transform: '' };
    });
    this.lang = lang;
    this.layers = new Set(layers);
    this.applyText();
    parent.append(this.element);
  }

  setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.applyText();
  }

  setLayers(layers: readonly LayerId[]): void {
    this.layers = new Set(layers);
  }

  private applyText(): void {
    this.element.lang = this.lang === 'zh' ? 'zh-Hans' : 'en';
    for (const item of this.items) {
      item.element.textContent = this.lang === 'zh' ? item.label.nameZh : item.label.nameEn;
      item.size = null;
    }
  }

  private applies(label: MapLabel): boolean {
    return label.kind !== 'schematic' || (label.layer !== undefined && this.layers.has(label.layer));
  }

  /** The schematic node drawn at a point of the map (within a few px), as its label, or null. */
  nodeAt(point: { x: number; y: number }): MapLabel | null {
    const index = nearestWithin(
      this.nodes.map((node) => node.point),
      point,
      NODE_HIT_RADIUS,
    );
    return this.nodes[index]?.label ?? null;
  }

  /** Positions and shows or hides every marker and label for the frame the map has just drawn. */
  update(view: LabelView): void {
    this.updateNodes(view);
    const districtSize = Math.round(districtLabelSize(view.zoom) * 4) / 4;
    if (districtSize !== this.districtSize) {
      this.districtSize = districtSize;
      this.element.style.setProperty('--district-label-size', `${districtSize}px`);
    }
    // Styles are written only when they change: every write would restyle the label each frame.
    const candidates = this.items.filter((item) => {
      const applies = this.applies(item.label);
      if (applies !== item.applies) {
        item.element.style.display = applies ? '' : 'none';
        item.applies = applies;
        if (!applies) this.hide(item);
      }
      return applies;
    });
    this.measure(candidates);
    const boxes = candidates.map((item): LabelBox => {
      const size = this.sizeOf(item);
      const point = view.project(item.label.lngLat);
      return item.label.kind === 'schematic'
        ? labelBox(point, size, 'top', SCHEMATIC_OFFSET_EM * SCHEMATIC_SIZE)
        : labelBox(point, size, 'center');
    });
    const shown = placeLabels(boxes, view);
    candidates.forEach((item, index) => {
      const box = boxes[index] as LabelBox;
      if (!shown[index]) {
        this.hide(item);
        return;
      }
      const transform = `translate(${Math.round(box.left)}px, ${Math.round(box.top)}px)`;
      if (transform !== item.transform) {
        item.element.style.transform = transform;
        item.transform = transform;
      }
      if (!item.shown) {
        item.element.style.visibility = 'visible';
        item.shown = true;
      }
    });
  }

  /** Every node of a theme switched on is drawn (inside the map); names may give way, nodes do not. */
  private updateNodes(view: LabelView): void {
    for (const node of this.nodes) {
      const point = this.applies(node.label) ? view.project(node.label.lngLat) : null;
      const inside =
        point !== null &&
        point.x >= -NODE_RADIUS &&
        point.y >= -NODE_RADIUS &&
        point.x <= view.width + NODE_RADIUS &&
        point.y <= view.height + NODE_RADIUS;
      if (inside !== (node.point !== null)) node.element.style.display = inside ? '' : 'none';
      node.point = inside ? point : null;
      if (!node.point) continue;
      const transform = `translate(${Math.round(node.point.x - NODE_RADIUS)}px, ${Math.round(node.point.y - NODE_RADIUS)}px)`;
      if (transform !== node.transform) {
        node.element.style.transform = transform;
        node.transform = transform;
      }
    }
  }

  /** Reads the sizes not yet known, all in one layout pass. */
  private measure(items: readonly LabelElement[]): void {
    const unmeasured = items.filter((item) => item.size === null);
    for (const item of unmeasured) {
      item.size = { width: item.element.offsetWidth, height: item.element.offsetHeight };
      item.measuredAt = this.districtSize;
    }
  }

  /** Text scales with its font size, wrapping included (the wrap width is in em). */
  private sizeOf(item: LabelElement): { width: number; height: number } {
    const size = item.size ?? { width: 0, height: 0 };
    const scale = item.label.kind === 'district' && item.measuredAt > 0 ? this.districtSize / item.measuredAt : 1;
    return { width: size.width * scale, height: size.height * scale };
  }

  private hide(item: LabelElement): void {
    if (!item.shown) return;
    item.element.style.visibility = 'hidden';
    item.shown = false;
  }

  remove(): void {
    this.element.remove();
  }
}
