/** The shapes the benchmark's parts hand each other and write to bench/results/latest.json. */
import type { LongTasksByAction } from './measure/long-tasks';

/** The pages every run measures. */
export const PAGE_NAMES = ['atlas', 'floor', 'naive', 'leaflet'] as const;
export type BasePageName = (typeof PAGE_NAMES)[number];
/** `before`: the atlas of another checkout (`--before-root`, e.g. the build before a change), measured beside this one. */
export type PageName = BasePageName | 'before';
/** The atlas pages: built from a checkout's own vite.config.ts, with its published map state. */
export const isAtlasPage = (name: PageName) => name === 'atlas' || name === 'before';

/** What a byte is for: the map engine (MapLibre, Leaflet), the page's own code and styles, or its data. */
export const BYTE_CATEGORIES = ['library', 'app', 'data'] as const;
export type ByteCategory = (typeof BYTE_CATEGORIES)[number];

export interface Bytes {
  /** Uncompressed. */
  raw: number;
  /** gzip -9 of the file (shared by category where one file mixes categories). */
  gzip: number;
}

/** One built file's bytes by category (most files have one). */
export type FileBytes = Partial<Record<ByteCategory, Bytes>>;

export interface BuiltPage {
  name: PageName;
  /** The folder served for this page. */
  dir: string;
  /** Keyed by URL path ("/assets/x.js"). */
  files: Record<string, FileBytes>;
  /** npm packages bundled into each script, keyed by URL path. */
  packages: Record<string, string[]>;
}

export interface CategoryBytes extends Bytes {
  /** Body bytes on the wire as this server sends them (its precompressed .br/.gz where it has them). */
  transfer: number;
}

export interface LoadSample {
  /** From navigation start to the map idle with its districts drawn. */
  timeToIdleMs: number;
  /**
   * CPU time of every browser process from navigation until the probe saw idle (it polls every
   * 50 ms), all threads together (measure/cpu.ts); null where /proc cannot be read.
   */
  cpuMs: number | null;
  /** The same, of the renderer processes only (the page's threads; not the GPU process). */
  rendererCpuMs: number | null;
  bytes: Record<ByteCategory, CategoryBytes>;
  requests: number;
  /** The longest chain of requests, each started only once the one before it had arrived. */
  requestDepth: number;
  /** URL paths requested by then. */
  paths: string[];
  /** Long tasks (> 50 ms) on the main thread up to idle. */
  longTasks: { count: number; totalMs: number; maxMs: number };
  /** Main thread's used JS heap after a forced GC, once idle. */
  heapBytes: number;
  /** The map's size in CSS pixels. */
  mapSize: { width: number; height: number };
}

export interface AtlasInteractionSample {
  /** Click → the first frame painted with the popup. */
  clickToPopupMs: number[];
  /** Click → the popup in the DOM (before that frame is drawn). */
  clickToPopupDomMs: number[];
  /** Click → the end of the first map frame drawn with the place's selection outline. */
  clickToOutlineMs: number[];
  toggle: { layer: string; visible: boolean; ms: number; frames: number; idleMs: number }[];
  hover: { ms: number; frameMs: number; frames: number }[];
  /** Measured in one run per benchmark (null in the others): 100 selections take minutes here. */
  memory: {
    /** Selections per round (50; 10 with --quick). */
    selections: number;
    heapBeforeBytes: number;
    /** After one round: includes caches filling and code being compiled. */
    heapAfterBytes: number;
    /** After a second round: compiled code still grows here; see objectBytes*. */
    heapAfterMoreBytes: number;
    /** The page's JavaScript objects (heap snapshot, compiled code excluded), at the same points: what keeps growing is a leak. */
    objectBytesBefore: number;
    objectBytesAfter: number;
    objectBytesAfterMore: number;
    domNodesBefore: number;
    domNodesAfter: number;
    listenersBefore: number;
    listenersAfter: number;
  } | null;
  /** Long tasks between idle and the end of the interactions, and which action each followed. */
  longTasksAfterIdle: LongTasksByAction;
}
