/**
 * The description fields of a component (building, floor, position, type) as stored and compared: full-width
 * letters and digits folded to half-width (NFKC: "３＃楼" and "3#楼" are the same building), blanks trimmed and runs of
 * blanks collapsed. Two components of one project may not share all four.
 */
export function normaliseDescription(raw: string): string {
  return raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

export interface ComponentDescription {
  building: string;
  floor: string | null;
  position: string;
  componentType: string;
}

export function descriptionKey(d: ComponentDescription): string {
  return JSON.stringify([d.building, d.floor ?? '', d.position, d.componentType]);
}
