import { describe, expect, test } from 'vitest';
import { referencedSchemaIds, serializerCompilerFactory } from './serialization.ts';

const shared = {
  Person: { $id: 'Person', type: 'object', properties: { name: { type: 'string' }, org: { $ref: 'Org' } } },
  Org: { $id: 'Org', type: 'object', properties: { name: { type: 'string' } } },
  Unused: { $id: 'Unused', type: 'object', properties: { x: { type: 'integer' } } },
};

describe('referencedSchemaIds', () => {
  test('follows references into shared schemas, and ignores pointers inside the schema', () => {
    const schema = { type: 'object', properties: { who: { $ref: 'Person#' }, self: { $ref: '#/properties/who' } } };
    expect([...referencedSchemaIds(schema, shared)!].sort()).toEqual(['Org', 'Person']);
  });
  test('null when a reference names no shared schema (the caller then passes them all)', () => {
    expect(referencedSchemaIds({ $ref: 'http://example.com/x.json' }, shared)).toBeNull();
  });
});

describe('serializerCompilerFactory', () => {
  test('serializes through shared schemas and drops fields no schema declares', () => {
    const route = { method: 'GET', url: '/', httpStatus: '200', schema: { type: 'object', properties: { who: { $ref: 'Person' } } } };
    const serialize = serializerCompilerFactory()(shared)(route);
    expect(serialize({ who: { name: '王', secret: 1, org: { name: '建正' } } })).toBe('{"who":{"name":"王","org":{"name":"建正"}}}');
    // The same response schema with the same shared schemas (another app of the process) reuses the serializer.
    expect(serializerCompilerFactory()({ ...shared })(route)).toBe(serialize);
  });
});
