/**
 * The built datapackage.json (sizes, version, build time), fetched once when the About panel
 * first opens. The URL is relative, so it resolves against the page wherever the atlas is hosted.
 */
import { useEffect, useState } from 'preact/hooks';
import { DATA_FOLDER, DATAPACKAGE } from '../open-data/catalogue';

export interface DataPackageSummary {
  version: string;
  created: string;
  contentVersion: { version: string; date: string };
  bytes: Record<string, number>;
}

let pending: Promise<DataPackageSummary | null> | null = null;

function fetchDataPackage(): Promise<DataPackageSummary | null> {
  pending ??= fetch(`${DATA_FOLDER}/${DATAPACKAGE}`)
    .then((response) => (response.ok ? response.json() : null))
    .then((pkg: unknown) => {
      if (!pkg || typeof pkg !== 'object') return null;
      const { version, created, contentVersion, resources } = pkg as {
        version: string;
        created: string;
        contentVersion: { version: string; date: string };
        resources: Array<{ path: string; bytes: number }>;
      };
      if (typeof version !== 'string' || !Array.isArray(resources)) return null;
      return { version, created, contentVersion, bytes: Object.fromEntries(resources.map((r) => [r.path, r.bytes])) };
    })
    // Without the package (a dev server before any build) the panel still lists the files.
    .catch(() => null);
  return pending;
}

/** undefined while loading, null when the package cannot be read. */
export function useDataPackage(): DataPackageSummary | null | undefined {
  const [summary, setSummary] = useState<DataPackageSummary | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void fetchDataPackage().then((value) => live && setSummary(value));
    return () => {
      live = false;
    };
  }, []);
  return summary;
}
