/** The first map paint's runs reduced to medians with ranges, per page and network, and how they are shown. */
import type { FirstPaintSample, NetworkName } from '../measure/first-paint';
import type { LighthouseSample } from '../measure/lighthouse';
import { type Stat, stat } from './stats';
import type { Metric } from './summary';

export interface FirstPaintSummary {
  mapPaintMs: Stat;
  fcpMs: Stat;
  lcpMs: Stat;
  neededGzip: Stat;
  neededTransfer: Stat;
  neededRequests: Stat;
  neededDepth: Stat;
  alsoArrivedGzip: Stat;
  /** What drew the map first, and the LCP element, in every run ("svg", "engine"; joined if runs differ). */
  paintedBy: string;
  lcpElement: string;
}

const distinct = (values: (string | null)[]) => [...new Set(values.map((value) => value ?? '–'))].join(' / ');

export function summariseFirstPaint(samples: FirstPaintSample[]): FirstPaintSummary {
  const of = (pick: (sample: FirstPaintSample) => number | null) =>
    stat(samples.map((sample) => pick(sample) ?? Number.NaN));
  return {
    mapPaintMs: of((sample) => sample.mapPaintMs),
    fcpMs: of((sample) => sample.fcpMs),
    lcpMs: of((sample) => sample.lcpMs),
    neededGzip: of((sample) => sample.bytes.needed.gzip),
    neededTransfer: of((sample) => sample.bytes.needed.transfer),
    neededRequests: of((sample) => sample.bytes.needed.requests),
    neededDepth: of((sample) => sample.bytes.needed.depth),
    alsoArrivedGzip: of((sample) => sample.bytes.alsoArrived.gzip),
    paintedBy: distinct(samples.map((sample) => sample.paintedBy)),
    lcpElement: distinct(samples.map((sample) => sample.lcpElement)),
  };
}

export type FirstPaintByNetwork = Record<NetworkName, FirstPaintSummary>;

export const FIRST_PAINT_METRICS: Metric<FirstPaintSummary>[] = [
  { label: 'first map paint, ms', pick: (page) => page.mapPaintMs, digits: 0 },
  { label: 'first contentful paint, ms', pick: (page) => page.fcpMs, digits: 0 },
  { label: 'largest contentful paint, ms', pick: (page) => page.lcpMs, digits: 0 },
  { label: 'bytes before the map paint, gzip KB', pick: (page) => page.neededGzip, digits: 1, scale: 1000 },
  { label: 'bytes before the map paint, on the wire KB', pick: (page) => page.neededTransfer, digits: 1, scale: 1000 },
  { label: 'requests before the map paint', pick: (page) => page.neededRequests, digits: 0 },
  { label: 'request depth before the map paint', pick: (page) => page.neededDepth, digits: 0 },
  {
    label: 'also arrived, not blocking the paint, gzip KB',
    pick: (page) => page.alsoArrivedGzip,
    digits: 1,
    scale: 1000,
  },
];

export const LIGHTHOUSE_METRICS: Metric<LighthouseSample[]>[] = [
  {
    label: 'Lighthouse mobile FCP, ms',
    pick: (runs) => stat(runs.map((run) => run.fcpMs ?? Number.NaN)),
    digits: 0,
  },
  {
    label: 'Lighthouse mobile LCP, ms',
    pick: (runs) => stat(runs.map((run) => run.lcpMs ?? Number.NaN)),
    digits: 0,
  },
  {
    label: 'Lighthouse total blocking time, ms',
    pick: (runs) => stat(runs.map((run) => run.totalBlockingTimeMs ?? Number.NaN)),
    digits: 0,
  },
  {
    label: 'Lighthouse speed index, ms',
    pick: (runs) => stat(runs.map((run) => run.speedIndexMs ?? Number.NaN)),
    digits: 0,
  },
  {
    label: 'Lighthouse performance score (SwiftShader; information)',
    pick: (runs) => stat(runs.map((run) => (run.performanceScore ?? Number.NaN) * 100)),
    digits: 0,
  },
];
