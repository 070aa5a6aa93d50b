/**
 * The nine specialties (专项) of the 建设工程质量检测机构资质标准 (建质规〔2023〕1号), with the stable codes every
 * module uses. This is the one list: qualifications, personnel certificates, the catalogue, commissions and batches
 * all refer to these codes. A 综合 qualification covers all nine.
 */
export const SPECIALTIES = [
  { code: 'building_materials', name: '建筑材料及构配件' },
  { code: 'main_structure', name: '主体结构及装饰装修' },
  { code: 'steel_structure', name: '钢结构' },
  { code: 'foundation', name: '地基基础' },
  { code: 'building_energy', name: '建筑节能' },
  { code: 'curtain_wall', name: '建筑幕墙' },
  { code: 'municipal_materials', name: '市政工程材料' },
  { code: 'road', name: '道路工程' },
  { code: 'bridge_underground', name: '桥梁及地下工程' },
] as const;

export type Specialty = (typeof SPECIALTIES)[number]['code'];

export const SPECIALTY_CODES: readonly Specialty[] = SPECIALTIES.map((s) => s.code);

const NAMES = new Map<string, string>(SPECIALTIES.map((s) => [s.code, s.name]));

export function isSpecialty(code: string): code is Specialty {
  return NAMES.has(code);
}

export function specialtyName(code: Specialty): string {
  return NAMES.get(code) ?? code;
}

/** Sorted in the standard's order, without duplicates: how specialty lists are stored and returned. */
export function canonicalSpecialties(codes: Iterable<Specialty>): Specialty[] {
  const set = new Set(codes);
  return SPECIALTY_CODES.filter((c) => set.has(c));
}
