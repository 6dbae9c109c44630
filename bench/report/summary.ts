/** Reduces the runs to medians with ranges, per page and for the atlas's interactions. */
import {
  type AtlasInteractionSample,
  BYTE_CATEGORIES,
  type ByteCategory,
  type LoadSample,
  type PageName,
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
  bytes: Record<ByteCategory | 'total', BytesSummary>;
  requests: Stat;
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
    bytes: { ...byCategory, total },
    requests: stat(samples.map((sample) => sample.requests)),
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

export type Summary = { pages: Record<PageName, PageSummary>; atlas: InteractionSummary };
