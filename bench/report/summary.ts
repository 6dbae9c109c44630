/**
 * Reduces the runs to medians with ranges, per page and for the atlas's interactions, and names
 * the metrics every report shows (`npm run bench`'s table, `npm run bench:compare`).
 */
import {
  type AtlasInteractionSample,
  type BasePageName,
  BYTE_CATEGORIES,
  type ByteCategory,
  type LoadSample,
} from '../types';
import { type Stat, stat } from './stats';

export interface BytesSummary {
  raw: Stat;
  gzip: Stat;
  transfer: Stat;
}

export interface PageSummary {
  timeToIdleMs: Stat;
  /** Over the runs that could read the browser's CPU time (stat leaves out NaN); NaN if none could. */
  cpuMs: Stat;
  /** The renderer processes' share of cpuMs: what a reader's device pays too. */
  rendererCpuMs: Stat;
  bytes: Record<ByteCategory | 'total', BytesSummary>;
  requests: Stat;
  requestDepth: Stat;
  longTaskCount: Stat;
  longTaskTotalMs: Stat;
  longTaskMaxMs: Stat;
  heapBytes: Stat;
}

export interface InteractionSummary {
  clickToPopupMs: Stat;
  clickToPopupDomMs: Stat;
  /** Each run's first click: what a reader who clicks once meets. */
  firstClickToPopupMs: Stat;
  clickToOutlineMs: Stat;
  toggleMs: Stat;
  toggleFrames: Stat;
  toggleIdleMs: Stat;
  hoverMs: Stat;
  hoverFrameMs: Stat;
  hoverFrames: Stat;
  heapGrowthBytes: Stat;
  heapGrowthMoreBytes: Stat;
  objectGrowthBytes: Stat;
  objectGrowthMoreBytes: Stat;
  domNodesGrowth: Stat;
  listenersGrowth: Stat;
  longTasksAfterIdleMaxMs: Stat;
  /** The action the longest task after idle of all runs followed (see measure/long-tasks.ts). */
  longTasksAfterIdleMaxAction: string | null;
}

function bytesOf(samples: LoadSample[], pick: (sample: LoadSample) => { raw: number; gzip: number; transfer: number }) {
  return {
    raw: stat(samples.map((sample) => pick(sample).raw)),
    gzip: stat(samples.map((sample) => pick(sample).gzip)),
    transfer: stat(samples.map((sample) => pick(sample).transfer)),
  };
}

export function summarisePage(samples: LoadSample[]): PageSummary {
  const byCategory = Object.fromEntries(
    BYTE_CATEGORIES.map((category) => [category, bytesOf(samples, (sample) => sample.bytes[category])]),
  ) as Record<ByteCategory, BytesSummary>;
  const total = bytesOf(samples, (sample) => {
    const parts = BYTE_CATEGORIES.map((category) => sample.bytes[category]);
    return {
      raw: parts.reduce((sum, part) => sum + part.raw, 0),
      gzip: parts.reduce((sum, part) => sum + part.gzip, 0),
      transfer: parts.reduce((sum, part) => sum + part.transfer, 0),
    };
  });
  return {
    timeToIdleMs: stat(samples.map((sample) => sample.timeToIdleMs)),
    cpuMs: stat(samples.map((sample) => sample.cpuMs ?? Number.NaN)),
    rendererCpuMs: stat(samples.map((sample) => sample.rendererCpuMs ?? Number.NaN)),
    bytes: { ...byCategory, total },
    requests: stat(samples.map((sample) => sample.requests)),
    requestDepth: stat(samples.map((sample) => sample.requestDepth)),
    longTaskCount: stat(samples.map((sample) => sample.longTasks.count)),
    longTaskTotalMs: stat(samples.map((sample) => sample.longTasks.totalMs)),
    longTaskMaxMs: stat(samples.map((sample) => sample.longTasks.maxMs)),
    heapBytes: stat(samples.map((sample) => sample.heapBytes)),
  };
}

export function summariseInteractions(samples: AtlasInteractionSample[]): InteractionSummary {
  const all = <T>(pick: (sample: AtlasInteractionSample) => T[]) => samples.flatMap(pick);
  const memory = samples.flatMap((sample) => (sample.memory ? [sample.memory] : []));
  return {
    clickToPopupMs: stat(all((sample) => sample.clickToPopupMs)),
    clickToPopupDomMs: stat(all((sample) => sample.clickToPopupDomMs)),
    firstClickToPopupMs: stat(all((sample) => sample.clickToPopupMs.slice(0, 1))),
    clickToOutlineMs: stat(all((sample) => sample.clickToOutlineMs)),
    toggleMs: stat(all((sample) => sample.toggle.map((toggle) => toggle.ms))),
    toggleFrames: stat(all((sample) => sample.toggle.map((toggle) => toggle.frames))),
    toggleIdleMs: stat(all((sample) => sample.toggle.map((toggle) => toggle.idleMs))),
    hoverMs: stat(all((sample) => sample.hover.map((hover) => hover.ms))),
    hoverFrameMs: stat(all((sample) => sample.hover.map((hover) => hover.frameMs))),
    hoverFrames: stat(all((sample) => sample.hover.map((hover) => hover.frames))),
    heapGrowthBytes: stat(memory.map((round) => round.heapAfterBytes - round.heapBeforeBytes)),
    heapGrowthMoreBytes: stat(memory.map((round) => round.heapAfterMoreBytes - round.heapAfterBytes)),
    objectGrowthBytes: stat(memory.map((round) => round.objectBytesAfter - round.objectBytesBefore)),
    objectGrowthMoreBytes: stat(memory.map((round) => round.objectBytesAfterMore - round.objectBytesAfter)),
    domNodesGrowth: stat(memory.map((round) => round.domNodesAfter - round.domNodesBefore)),
    listenersGrowth: stat(memory.map((round) => round.listenersAfter - round.listenersBefore)),
    longTasksAfterIdleMaxMs: stat(samples.map((sample) => sample.longTasksAfterIdle.maxMs)),
    longTasksAfterIdleMaxAction:
      [...samples].sort((a, b) => b.longTasksAfterIdle.maxMs - a.longTasksAfterIdle.maxMs)[0]?.longTasksAfterIdle
        .maxAction ?? null,
  };
}

export type Summary = {
  pages: Record<BasePageName, PageSummary> & { before?: PageSummary };
  atlas: InteractionSummary;
};

/** One reported metric: its label, where it is in a summary, and how it is shown. */
export interface Metric<S> {
  label: string;
  pick: (summary: S) => Stat;
  digits: number;
  /** The unit shown is the measured one divided by this (bytes → KB). */
  scale?: number;
}

/** Every page's metrics, in report order. */
export const PAGE_METRICS: Metric<PageSummary>[] = [
  { label: 'CPU to idle, renderer processes, ms', pick: (page) => page.rendererCpuMs, digits: 0 },
  { label: 'CPU to idle, all browser processes, ms', pick: (page) => page.cpuMs, digits: 0 },
  { label: 'time to idle (SwiftShader; information), ms', pick: (page) => page.timeToIdleMs, digits: 0 },
  ...(['total', ...BYTE_CATEGORIES] as const).flatMap((category): Metric<PageSummary>[] => [
    { label: `${category} raw, KB`, pick: (page) => page.bytes[category].raw, digits: 1, scale: 1000 },
    { label: `${category} gzip, KB`, pick: (page) => page.bytes[category].gzip, digits: 1, scale: 1000 },
    { label: `${category} on the wire, KB`, pick: (page) => page.bytes[category].transfer, digits: 1, scale: 1000 },
  ]),
  { label: 'requests', pick: (page) => page.requests, digits: 0 },
  { label: 'request depth', pick: (page) => page.requestDepth, digits: 0 },
  { label: 'long tasks to idle', pick: (page) => page.longTaskCount, digits: 0 },
  { label: 'long tasks total, ms', pick: (page) => page.longTaskTotalMs, digits: 0 },
  { label: 'longest task, ms', pick: (page) => page.longTaskMaxMs, digits: 0 },
  { label: 'JS heap after load, MB', pick: (page) => page.heapBytes, digits: 1, scale: 1e6 },
];

/** The atlas's interaction metrics, in report order. */
export const INTERACTION_METRICS: Metric<InteractionSummary>[] = [
  { label: 'click → popup painted, ms', pick: (atlas) => atlas.clickToPopupMs, digits: 1 },
  { label: 'first click → popup painted, ms', pick: (atlas) => atlas.firstClickToPopupMs, digits: 1 },
  { label: 'click → popup in the DOM, ms', pick: (atlas) => atlas.clickToPopupDomMs, digits: 1 },
  { label: 'click → map frame with its outline, ms', pick: (atlas) => atlas.clickToOutlineMs, digits: 1 },
  { label: 'layer toggle → map frame, ms', pick: (atlas) => atlas.toggleMs, digits: 1 },
  { label: 'layer toggle → map frame, frames', pick: (atlas) => atlas.toggleFrames, digits: 0 },
  { label: 'layer toggle → idle, ms', pick: (atlas) => atlas.toggleIdleMs, digits: 0 },
  { label: 'hover → highlight frame, ms', pick: (atlas) => atlas.hoverMs, digits: 1 },
  { label: 'hover frame main-thread time, ms', pick: (atlas) => atlas.hoverFrameMs, digits: 1 },
  { label: 'heap growth, selections 1–50, KiB', pick: (atlas) => atlas.heapGrowthBytes, digits: 0, scale: 1024 },
  { label: 'heap growth, selections 51–100, KiB', pick: (atlas) => atlas.heapGrowthMoreBytes, digits: 0, scale: 1024 },
  {
    label: 'JS objects growth, selections 1–50, KiB',
    pick: (atlas) => atlas.objectGrowthBytes,
    digits: 1,
    scale: 1024,
  },
  {
    label: 'JS objects growth, selections 51–100, KiB',
    pick: (atlas) => atlas.objectGrowthMoreBytes,
    digits: 1,
    scale: 1024,
  },
  { label: 'DOM nodes growth after 100 selections', pick: (atlas) => atlas.domNodesGrowth, digits: 0 },
  { label: 'listeners growth after 100 selections', pick: (atlas) => atlas.listenersGrowth, digits: 0 },
  { label: 'longest task after idle, ms', pick: (atlas) => atlas.longTasksAfterIdleMaxMs, digits: 0 },
];

/** A metric's median with its range, in its unit: "12.3 (11.0–14.1)", or "–" when nothing was measured. */
export function formatStat(value: Stat, digits: number, scale = 1): string {
  const show = (number: number) => (number / scale).toFixed(digits);
  if (!Number.isFinite(value.median)) return '–';
  if (value.min === value.max) return show(value.median);
  return `${show(value.median)} (${show(value.min)}–${show(value.max)})`;
}
