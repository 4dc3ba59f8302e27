import { distanceKm, GeoPoint } from '../../matching';

/**
 * Where outside vacancies are, as coordinates: a municipality's centre where we know it, else its
 * region's main town. Coarse (a region is 100 km across), which the score's commute judgement
 * tolerates better than having no location at all. Abroad we do not guess.
 */

// Region (maakunta) code → main town centre. Also used for the NUTS-3 codes below.
const REGION_CENTRES: Record<string, GeoPoint> = {
  '01': { latitude: 60.1699, longitude: 24.9384 },
  '02': { latitude: 60.4518, longitude: 22.2666 },
  '04': { latitude: 61.4851, longitude: 21.7974 },
  '05': { latitude: 60.9959, longitude: 24.4643 },
  '06': { latitude: 61.4978, longitude: 23.761 },
  '07': { latitude: 60.9827, longitude: 25.6612 },
  '08': { latitude: 60.8679, longitude: 26.7042 },
  '09': { latitude: 61.0587, longitude: 28.1887 },
  '10': { latitude: 61.6886, longitude: 27.2723 },
  '11': { latitude: 62.8924, longitude: 27.677 },
  '12': { latitude: 62.601, longitude: 29.7636 },
  '13': { latitude: 62.2426, longitude: 25.7473 },
  '14': { latitude: 62.7903, longitude: 22.8403 },
  '15': { latitude: 63.0951, longitude: 21.6165 },
  '16': { latitude: 63.8385, longitude: 23.1307 },
  '17': { latitude: 65.0121, longitude: 25.4651 },
  '18': { latitude: 64.2222, longitude: 27.7278 },
  '19': { latitude: 66.5039, longitude: 25.7294 },
  '21': { latitude: 60.0973, longitude: 19.9348 },
};

// Finland's NUTS-3 codes (2021 and 2024 editions) → region code.
const NUTS3_REGION: Record<string, string> = {
  FI1B1: '01',
  FI1C1: '02',
  FI1C2: '05',
  FI1C3: '07',
  FI1C4: '08',
  FI1C5: '09',
  FI193: '13',
  FI194: '14',
  FI195: '15',
  FI196: '04',
  FI197: '06',
  FI1D1: '10', // Etelä-Savo before NUTS 2024
  FI1DA: '10', // Etelä-Savo from NUTS 2024
  FI1D2: '11', // Pohjois-Savo before NUTS 2024
  FI1DB: '11', // Pohjois-Savo from NUTS 2024
  FI1D3: '12', // Pohjois-Karjala before NUTS 2024
  FI1DC: '12', // Pohjois-Karjala from NUTS 2024
  FI1D5: '16',
  FI1D7: '19',
  FI1D8: '18',
  FI1D9: '17',
  FI200: '21',
};

// Larger towns outside the municipality table (which holds Pohjois-Savo).
const TOWN_CENTRES: Record<string, GeoPoint> = {
  '091': { latitude: 60.1699, longitude: 24.9384 },
  '049': { latitude: 60.2055, longitude: 24.6559 },
  '092': { latitude: 60.2934, longitude: 25.0378 },
  '853': { latitude: 60.4518, longitude: 22.2666 },
  '837': { latitude: 61.4978, longitude: 23.761 },
  '564': { latitude: 65.0121, longitude: 25.4651 },
  '179': { latitude: 62.2426, longitude: 25.7473 },
  '167': { latitude: 62.601, longitude: 29.7636 },
  '491': { latitude: 61.6886, longitude: 27.2723 },
  '398': { latitude: 60.9827, longitude: 25.6612 },
  '905': { latitude: 63.0951, longitude: 21.6165 },
  '698': { latitude: 66.5039, longitude: 25.7294 },
  '743': { latitude: 62.7903, longitude: 22.8403 },
  '205': { latitude: 64.2222, longitude: 27.7278 },
  '405': { latitude: 61.0587, longitude: 28.1887 },
  '286': { latitude: 60.8679, longitude: 26.7042 },
  '609': { latitude: 61.4851, longitude: 21.7974 },
  '109': { latitude: 60.9959, longitude: 24.4643 },
  '272': { latitude: 63.8385, longitude: 23.1307 },
  '740': { latitude: 61.8687, longitude: 28.8863 },
};

export class PlaceLocator {
  private readonly municipalities: Map<string, GeoPoint>;

  /** `known`: the municipality table's centres, which take precedence over the built-in towns. */
  constructor(known: { code: string; latitude: number; longitude: number }[]) {
    this.municipalities = new Map(Object.entries(TOWN_CENTRES));
    for (const m of known)
      this.municipalities.set(m.code, { latitude: m.latitude, longitude: m.longitude });
  }

  ofMunicipality(code: string | null, regionCode: string | null): GeoPoint | null {
    return (
      (code && this.municipalities.get(code)) || (regionCode && REGION_CENTRES[regionCode]) || null
    );
  }

  /** A Finnish NUTS code's region centre; null abroad or when unknown. */
  ofNuts(code: string): GeoPoint | null {
    const region = NUTS3_REGION[code.toUpperCase()];
    return region ? REGION_CENTRES[region] : null;
  }

  /** Municipalities whose centre is within `km` of `from` (for a commute-area search). */
  municipalitiesWithin(from: GeoPoint, km: number): string[] {
    const codes: string[] = [];
    for (const [code, point] of this.municipalities)
      if (distanceKm(from, point) <= km) codes.push(code);
    return codes.sort();
  }
}
