import { GeoPoint } from '../types';

/**
 * Where a record stands for the one hard requirement that depends on place: an on-site
 * vacancy (`remote: 'none'`) fails a jobseeker beyond their commute who will not relocate, or
 * one who wants only remote work (score.ts, scoreLocation). Each record gets a place code, and
 * a query without near misses turns the codes into an allowed table, so that the posting walk
 * skips, with one small-table lookup, everyone whose pair would be refused on location anyway.
 */

/** Never fails on place (no location, willing to relocate; a vacancy not on-site only). */
export const PLACE_ANY = 0;
/** A jobseeker who wants only remote work: fails every on-site vacancy. */
export const PLACE_REMOTE_ONLY = 1;
/** Codes from here on name a cell of the grid below. */
const FIRST_CELL = 2;
const MAX_CELLS = 0xffff - FIRST_CELL;

const CELL_LAT = 0.5;
const CELL_LON = 1;
const EARTH_RADIUS_KM = 6371;
/** Rounding between this lower bound and distanceKm's haversine. */
const DISTANCE_SLACK_KM = 1e-6;

/** Grid cells of 0.5° latitude by 1° longitude, numbered as records name them. */
export class PlaceCells {
  private readonly byKey = new Map<number, number>();
  private readonly south: number[] = [];
  private readonly west: number[] = [];
  /** Per cell: the longest commute of a jobseeker ever placed there (a bound, never lowered). */
  private readonly reach: number[] = [];

  get count(): number {
    return this.south.length;
  }

  /** The place code of a located record (a cell), noting its reach. */
  codeOf(point: GeoPoint, reachKm = 0): number {
    const row = Math.floor(point.latitude / CELL_LAT);
    const column = Math.floor(point.longitude / CELL_LON);
    const key = (row + 1000) * 10000 + (column + 1000);
    let cell = this.byKey.get(key);
    if (cell === undefined) {
      // Codes are 16 bits: past that many cells a record is simply never skipped by place.
      if (this.south.length >= MAX_CELLS) return PLACE_ANY;
      cell = this.south.length;
      this.byKey.set(key, cell);
      this.south.push(row * CELL_LAT);
      this.west.push(column * CELL_LON);
      this.reach.push(reachKm);
    } else if (reachKm > this.reach[cell]!) this.reach[cell] = reachKm;
    return FIRST_CELL + cell;
  }

  /**
   * Fills `allowed` (one byte per code) for a query point: a cell is allowed when some point of
   * it may lie within `reachKm` of the point (the cell's own reach when `reachKm` is null).
   */
  allow(allowed: Uint8Array, point: GeoPoint, reachKm: number | null): void {
    for (let cell = 0; cell < this.south.length; cell++) {
      const reach = reachKm ?? this.reach[cell]!;
      const south = this.south[cell]!;
      const west = this.west[cell]!;
      allowed[FIRST_CELL + cell] =
        minDistanceKm(point, south, west, south + CELL_LAT, west + CELL_LON) <=
        reach + DISTANCE_SLACK_KM
          ? 1
          : 0;
    }
  }
}

/**
 * A lower bound of the great-circle distance from `point` to any point of the box: the
 * haversine's two terms each at their least over the box (latitude gap, the box's smaller
 * cosine, longitude gap), which never exceeds the distance to any point in it.
 */
export function minDistanceKm(
  point: GeoPoint,
  south: number,
  west: number,
  north: number,
  east: number,
): number {
  const rad = Math.PI / 180;
  const latitudeGap = Math.max(0, south - point.latitude, point.latitude - north) * rad;
  let longitudeGap = 0;
  if (point.longitude < west || point.longitude > east) {
    const gap = (a: number) => {
      const d = (((a - point.longitude) % 360) + 360) % 360;
      return Math.min(d, 360 - d);
    };
    longitudeGap = Math.min(gap(west), gap(east)) * rad;
  }
  const cosine = Math.max(0, Math.min(Math.cos(south * rad), Math.cos(north * rad)));
  const h =
    Math.sin(latitudeGap / 2) ** 2 +
    Math.max(0, Math.cos(point.latitude * rad)) * cosine * Math.sin(longitudeGap / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}
