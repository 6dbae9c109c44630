/**
 * Net outflow shares for the population layer, computed from the figures themselves so
 * the map can never show a share the figures do not support.
 */
import type { OutflowShare } from '../../src/types/content';
import { DataBuildError } from '../geodata/errors';
import type { FigureInput } from './inputs';

type Counted = FigureInput & { value: number };

/**
 * For each district with a resident and a hukou figure for the same year (both numbers),
 * share = (hukou − resident) / hukou; the latest such year wins. Partial hukou counts
 * (series `hukou-partial`) are never paired. Derived figures computed from exactly that
 * pair are listed with it, so a popup can cite them.
 */
export function computeOutflowShares(figures: FigureInput[], districtCodes: string[], file: string): OutflowShare[] {
  const districts = new Set(districtCodes);
  const counts = new Map<string, Counted>();
  for (const figure of figures) {
    if (figure.series !== 'resident' && figure.series !== 'hukou') continue;
    const code = figure.places[0];
    if (figure.places.length !== 1 || code === undefined || !districts.has(code) || figure.value === null) continue;
    const key = `${code} ${figure.year.en} ${figure.series}`;
    const other = counts.get(key);
    if (other) {
      throw new DataBuildError(
        file,
        `figure "${figure.id}"`,
        `a second ${figure.series} figure for ${code} in ${figure.year.en} (also "${other.id}"); the outflow share would be ambiguous`,
      );
    }
    counts.set(key, { ...figure, value: figure.value });
  }

  const shares = new Map<string, OutflowShare>();
  for (const resident of counts.values()) {
    if (resident.series !== 'resident') continue;
    const code = resident.places[0] as string;
    const hukou = counts.get(`${code} ${resident.year.en} hukou`);
    if (!hukou) continue;
    const current = shares.get(code);
    if (current && Number.parseInt(current.year, 10) >= Number.parseInt(resident.year.en, 10)) continue;
    const pair = [resident.id, hukou.id];
    const derived = figures
      .filter((figure) => figure.derived && [...figure.derived.inputs].sort().join() === [...pair].sort().join())
      .map((figure) => figure.id);
    shares.set(code, {
      code,
      year: resident.year.en,
      share: Number(((hukou.value - resident.value) / hukou.value).toFixed(4)),
      figures: [...pair, ...derived],
    });
  }
  return [...shares.values()].sort((a, b) => a.code.localeCompare(b.code));
}
