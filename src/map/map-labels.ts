/**
 * The map's place names as HTML text over the canvas, not MapLibre symbol layers.
 *
 * Why: symbol layers made MapLibre rasterise every Chinese glyph from the device's fonts on the
 * main thread, lay the labels out in its worker, compile one more shader program, and draw one
 * more full frame before `idle` (a placement marked stale in the frame its label tiles arrive).
 * Without them the map was idle 13 % sooner (BENCHMARKS.md, 26). HTML text also uses the
 * device's own CJK shaping and follows the reader's font settings.
 *
 * No MapLibre here: the adapter hands each frame's projection in (`update`). Labels are
 * decorative for assistive technology (the place list names every place), so the layer is
 * `aria-hidden` and lets pointer events through to the map.
 */
import type { MapFeatures } from '../data/map-features';
import type { Lang, LngLat } from '../types/atlas-data';
import type { LayerId } from '../types/layers';
import { districtLabelSize, type LabelBox, labelBox, placeLabels } from './label-layout';
import { COLOURS, thematicColour } from './palette';
import { SCHEMATIC_THEMES } from './style';

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

/**
 * The labels in the order they are placed (first wins a clash): the thematic nodes the reader
 * switched on, then districts, largest first (small central districts give way, as MapLibre's
 * sort key by area did), then the neighbouring provinces.
 */
export function mapLabelsOf(features: MapFeatures): MapLabel[] {
  const schematic = features.schematicNodes.features
    // Only the themes the style draws nodes for: a label never stands without its node.
    .filter((feature) => SCHEMATIC_THEMES.includes(feature.properties?.layer as LayerId))
    .map(
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

export class MapLabelLayer {
  readonly element: HTMLDivElement;
  private readonly items: LabelElement[];
  private lang: Lang;
  private layers: ReadonlySet<LayerId>;
  private districtSize = 0;

  constructor(parent: HTMLElement, labels: readonly MapLabel[], lang: Lang, layers: readonly LayerId[]) {
    this.element = document.createElement('div');
    this.element.className = 'map-labels';
    this.element.setAttribute('aria-hidden', 'true');
    this.element.style.setProperty('--label-halo', COLOURS.labelHalo);
    this.element.style.setProperty('--label-colour', COLOURS.label);
    this.items = labels.map((label) => {
      const element = document.createElement('span');
      element.className = `map-label map-label-${label.kind}`;
      element.dataset.label = label.id;
      if (label.kind === 'schematic' && label.layer) element.style.color = thematicColour(label.layer);
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

  /** Positions and shows or hides every label for the frame the map has just drawn. */
  update(view: LabelView): void {
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
