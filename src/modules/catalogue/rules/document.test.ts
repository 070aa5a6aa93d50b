import { describe, expect, it } from 'vitest';
import { SPECIALTIES } from '../../../kernel/specialties.ts';
import { checkDocument, diffItems, findItem, loadShippedDocument } from '../service.ts';
import type { CatalogueDocumentDef } from '../schema.ts';
import { checkCatalogueDocument, NOTICE_SPECIALTIES } from './document.ts';

const shipped = loadShippedDocument();
const clone = (): CatalogueDocumentDef => structuredClone(shipped) as CatalogueDocumentDef;
const at = (doc: CatalogueDocumentDef, code: string) => doc.specialties.findIndex((s) => s.code === code);

describe('the shipped first version', () => {
  it('passes every rule', () => {
    expect(checkCatalogueDocument(shipped)).toEqual([]);
  });

  it('lists the nine specialties under their standard names, and on-site items for the six the notice names', () => {
    expect(shipped.specialties.map((s) => [s.code, s.name])).toEqual(SPECIALTIES.map((s) => [s.code, s.name]));
    for (const code of NOTICE_SPECIALTIES) expect(shipped.specialties[at(shipped, code)]!.items.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['concrete_rebound', 'main_structure', 'JGJ/T 23-2011'],
    ['rebar_cover', 'main_structure', 'JGJ/T 152-2019'],
    ['concrete_core_strength', 'main_structure', 'JGJ/T 384-2016'],
    ['post_anchor_pullout', 'main_structure', 'JGJ 145-2013'],
    ['pile_static_compression', 'foundation', 'JGJ 106-2014'],
    ['pile_low_strain', 'foundation', 'JGJ 106-2014'],
    ['pile_high_strain', 'foundation', 'JGJ 106-2014'],
    ['plate_load_shallow', 'foundation', 'GB 50007-2011'],
    ['plate_load_shallow', 'foundation', 'JGJ 340-2015'],
    ['weld_ultrasonic', 'steel_structure', 'GB/T 11345-2013'],
    ['coating_thickness_fireproof', 'steel_structure', 'GB 50205-2020'],
    ['wall_core_drilling', 'building_energy', 'GB 50411-2019'],
    ['insulation_bond_pullout', 'building_energy', 'JGJ 144-2019'],
    ['compaction_sand_cone', 'road', 'JTG 3450-2019'],
    ['deflection_benkelman', 'road', 'JTG 3450-2019'],
    ['bridge_static_load', 'bridge_underground', 'JTG/T J21-01-2015'],
  ])('%s is a %s item governed by %s', (code, specialty, standard) => {
    const ref = findItem({ document: shipped }, code);
    expect(ref?.specialty).toBe(specialty);
    expect(ref?.item.standard).toContain(standard);
  });

  it('findItem answers null for an unknown code', () => {
    expect(findItem({ document: shipped }, 'no_such_item')).toBeNull();
  });
});

type Mutation = (d: CatalogueDocumentDef) => void;
const item0 = (d: CatalogueDocumentDef) => d.specialties[at(d, 'main_structure')]!.items[0]!;
const field = (d: CatalogueDocumentDef, key: string) => item0(d).fields.find((f) => f.key === key)!;
const ms = 'specialties.1.items.0';

describe('rules across the document', () => {
  it.each<[string, Mutation, string, string]>([
    ['an item code used twice', (d) => { d.specialties[at(d, 'road')]!.items[0]!.code = 'concrete_rebound'; }, 'CATALOGUE_ITEM_CODE_DUPLICATE', 'specialties.7.items.0.code'],
    ['a field key used twice in one item', (d) => { item0(d).fields[1]!.key = item0(d).fields[0]!.key; }, 'CATALOGUE_FIELD_KEY_DUPLICATE', `${ms}.fields.1.key`],
    ['min greater than max', (d) => { Object.assign(field(d, 'meanRebound'), { min: 61, max: 60 }); }, 'CATALOGUE_FIELD_RANGE_INVERTED', `${ms}.fields.1.max`],
    ['a numeric field without unit', (d) => { delete field(d, 'meanRebound').unit; }, 'CATALOGUE_FIELD_UNIT_REQUIRED', `${ms}.fields.1.unit`],
    ['a unit on an enum field', (d) => { field(d, 'testAngle').unit = '°'; }, 'CATALOGUE_FIELD_UNIT_UNEXPECTED', `${ms}.fields.3.unit`],
    ['a range on an enum field', (d) => { field(d, 'testAngle').min = 0; }, 'CATALOGUE_FIELD_RANGE_UNEXPECTED', `${ms}.fields.3.min`],
    ['a fractional bound on an integer field', (d) => { field(d, 'testAreaCount').max = 10.5; }, 'CATALOGUE_FIELD_BOUND_NOT_INTEGER', `${ms}.fields.0.max`],
    ['an enum field without options', (d) => { delete field(d, 'testAngle').options; }, 'CATALOGUE_FIELD_OPTIONS_REQUIRED', `${ms}.fields.3.options`],
    ['options on a numeric field', (d) => { field(d, 'meanRebound').options = [{ value: 'a', label: '甲' }]; }, 'CATALOGUE_FIELD_OPTIONS_UNEXPECTED', `${ms}.fields.1.options`],
    ['an option value used twice', (d) => { field(d, 'testAngle').options![1]!.value = 'horizontal'; }, 'CATALOGUE_FIELD_OPTION_DUPLICATE', `${ms}.fields.3.options.1.value`],
    ['maxLength on a numeric field', (d) => { field(d, 'meanRebound').maxLength = 5; }, 'CATALOGUE_FIELD_MAX_LENGTH_UNEXPECTED', `${ms}.fields.1.maxLength`],
    ['a notice specialty without items', (d) => { d.specialties[at(d, 'foundation')]!.items = []; }, 'CATALOGUE_SPECIALTY_EMPTY', 'specialties.3.items'],
    ['a specialty missing', (d) => { d.specialties.splice(at(d, 'curtain_wall'), 1); }, 'CATALOGUE_SPECIALTY_MISSING', 'specialties'],
    ['a specialty twice', (d) => { d.specialties.push(structuredClone(d.specialties[0]!)); }, 'CATALOGUE_SPECIALTY_DUPLICATE', 'specialties.9.code'],
    ['a specialty renamed', (d) => { d.specialties[0]!.name = '建筑材料'; }, 'CATALOGUE_SPECIALTY_NAME_MISMATCH', 'specialties.0.name'],
  ])('refuses %s', (_what, mutate, code, path) => {
    const d = clone();
    mutate(d);
    const errors = checkCatalogueDocument(d);
    expect(errors).toContainEqual(expect.objectContaining({ code, field: path }));
  });

  it('accepts min equal to max, and empty items for a specialty the notice does not name', () => {
    const d = clone();
    Object.assign(field(d, 'meanRebound'), { min: 30, max: 30 });
    d.specialties[at(d, 'curtain_wall')]!.items = [];
    expect(checkCatalogueDocument(d)).toEqual([]);
  });

  it.each<[string, Mutation, string]>([
    ['a negative image count', (d) => { item0(d).minImages = -1; }, 'specialties.1.items.0.minImages'],
    ['an unknown specialty code', (d) => { (d.specialties[0] as { code: string }).code = 'landscape'; }, 'specialties.0.code'],
    ['an unknown field type', (d) => { (field(d, 'meanRebound') as { type: string }).type = 'float'; }, 'specialties.1.items.0.fields.1.type'],
    ['an unexpected property', (d) => { (item0(d) as Record<string, unknown>).colour = 'red'; }, 'specialties.1.items.0'],
  ])('the structural check refuses %s, naming where', (_what, mutate, path) => {
    const d = clone();
    mutate(d);
    const r = checkDocument(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'CATALOGUE_DOCUMENT_INVALID', field: expect.stringContaining(path) });
  });
});

describe('diffItems', () => {
  it('names added, removed and changed items', () => {
    const d = clone();
    const ms = d.specialties[at(d, 'main_structure')]!;
    ms.items[0]!.minImages = 3;
    const removed = ms.items.splice(1, 1)[0]!;
    ms.items.push({ ...structuredClone(ms.items[1]!), code: 'new_item' });
    expect(diffItems(shipped, d)).toEqual({ added: ['new_item'], removed: [removed.code], changed: ['concrete_rebound'] });
  });
});
