/** Lookups over places.json: districts by code, regions by id. Pure. */
import type { BBox, DistrictInfo, Lang, LngLat, PlacesData, RegionInfo } from '../types/atlas-data';

export type Place = { kind: 'district'; info: DistrictInfo } | { kind: 'region'; info: RegionInfo };

export class PlaceIndex {
  readonly districts: ReadonlyMap<string, DistrictInfo>;
  readonly regions: ReadonlyMap<string, RegionInfo>;

  constructor(readonly data: PlacesData) {
    this.districts = new Map(data.districts.map((district) => [district.code, district]));
    this.regions = new Map(data.regions.map((region) => [region.id, region]));
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

  name(id: string, lang: Lang): string {
    const place = this.get(id);
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
    const district = this.districts.get(code);
    return (district?.regions ?? [])
      .map((id) => this.regions.get(id))
      .filter((region): region is RegionInfo => region !== undefined);
  }
}
