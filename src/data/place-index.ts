/**
 * Lookups over places.json: districts by code, regions by id. Pure.
 *
 * A district-region (Yuzhong) is one place under two ids, the district's code and the
 * region's id: both stay valid in links, and `canonicalId` maps them to the district, so the
 * place is listed, selected and counted once.
 */
import type { BBox, DistrictInfo, Lang, LngLat, PlacesData, RegionInfo } from '../types/atlas-data';

export type Place = { kind: 'district'; info: DistrictInfo } | { kind: 'region'; info: RegionInfo };

export class PlaceIndex {
  readonly districts: ReadonlyMap<string, DistrictInfo>;
  readonly regions: ReadonlyMap<string, RegionInfo>;
  /** Region id → the district it is (district-regions only). */
  private readonly districtOfRegion: ReadonlyMap<string, string>;
  /** District code → the other ids of the same place. */
  private readonly aliases: ReadonlyMap<string, string[]>;

  constructor(readonly data: PlacesData) {
    this.districts = new Map(data.districts.map((district) => [district.code, district]));
    this.regions = new Map(data.regions.map((region) => [region.id, region]));
    const pairs = data.regions.flatMap((region) =>
      region.kind === 'district-region' && region.members.length === 1
        ? [[region.id, region.members[0] as string]]
        : [],
    ) as Array<[string, string]>;
    this.districtOfRegion = new Map(pairs);
    const aliases = new Map<string, string[]>();
    for (const [regionId, code] of pairs) aliases.set(code, [...(aliases.get(code) ?? []), regionId]);
    this.aliases = aliases;
  }

  /** The one id of the place an id names: a district-region's district, otherwise the id itself. */
  canonicalId(id: string): string {
    return this.districtOfRegion.get(id) ?? id;
  }

  /** Every id naming the same place as `id`, the canonical one first. */
  idsOf(id: string): string[] {
    const canonical = this.canonicalId(id);
    return [canonical, ...(this.aliases.get(canonical) ?? [])];
  }

  /** Whether a region is only another id of a district (not a place of its own to list). */
  isAlias(id: string): boolean {
    return this.districtOfRegion.has(id);
  }

  get(id: string): Place | null {
    const district = this.districts.get(id);
    if (district) return { kind: 'district', info: district };
    const region = this.regions.get(id);
    return region ? { kind: 'region', info: region } : null;
  }

  has(id: string): boolean {
    return this.districts.has(id) || this.regions.has(id);
  }

  /** The districts a place covers: itself, or a region's members. */
  districtCodes(id: string): string[] {
    if (this.districts.has(id)) return [id];
    return this.regions.get(id)?.members ?? [];
  }

  /** The place's one name in a language: the list, search, map labels and popup all show this. */
  name(id: string, lang: Lang): string {
    const place = this.get(this.canonicalId(id));
    if (!place) return id;
    return lang === 'zh' ? place.info.nameZh : place.info.nameEn;
  }

  label(id: string): LngLat | null {
    return this.get(id)?.info.label ?? null;
  }

  /** The box around several places, or null when none is known. */
  bbox(ids: string[]): BBox | null {
    const boxes = ids.map((id) => this.get(id)?.info.bbox).filter((box): box is BBox => box !== undefined);
    if (boxes.length === 0) return null;
    return [
      Math.min(...boxes.map((box) => box[0])),
      Math.min(...boxes.map((box) => box[1])),
      Math.max(...boxes.map((box) => box[2])),
      Math.max(...boxes.map((box) => box[3])),
    ];
  }

  /** Regions (with a drawn outline) a district belongs to. */
  regionsOf(code: string): RegionInfo[] {
    const district = this.districts.get(this.canonicalId(code));
    return (district?.regions ?? [])
      .map((id) => this.regions.get(id))
      .filter((region): region is RegionInfo => region !== undefined);
  }
}
