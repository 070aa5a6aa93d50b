import { describe, expect, it } from 'vitest';
import { finishOpenApiDocument, operationIdOf } from './openapi.ts';

describe('operationIdOf', () => {
  it.each([
    ['GET', '/api/v1/organisations', 'listOrganisations'],
    ['POST', '/api/v1/organisations', 'createOrganisation'],
    ['GET', '/api/v1/organisations/:id', 'getOrganisation'],
    ['PATCH', '/api/v1/organisations/:id', 'updateOrganisation'],
    ['POST', '/api/v1/organisations/:id/disable', 'disableOrganisation'],
    ['POST', '/api/v1/users/:id/reset-password', 'resetUserPassword'],
    ['POST', '/api/v1/batches/:id/images', 'createBatchImage'],
    ['POST', '/api/v1/batches/:id/manual-entry-exceptions', 'createBatchManualEntryException'],
    ['GET', '/api/v1/batches/:id/manual-entry-exceptions', 'listBatchManualEntryExceptions'],
    ['GET', '/api/v1/agencies/:id/connection', 'getAgencyConnection'],
    ['GET', '/api/v1/personnel', 'listPersonnel'],
    ['GET', '/api/v1/personnel/:id', 'getPersonnel'],
    ['GET', '/api/v1/calendar/status', 'getCalendarStatus'],
    ['POST', '/api/v1/force-majeure-filings/:id/decision', 'decideForceMajeureFiling'],
    ['POST', '/api/v1/batches/:id/force-majeure', 'fileBatchForceMajeure'],
    ['GET', '/api/v1/force-majeure-filings/:id/documents/:documentId/content', 'getForceMajeureFilingDocumentContent'],
    ['DELETE', '/api/v1/uploads/:id', 'deleteUpload'],
  ])('%s %s → %s', (method, url, id) => {
    expect(operationIdOf(method, url)).toBe(id);
  });
});

describe('finishOpenApiDocument', () => {
  const doc = () => ({
    openapi: '3.1.0',
    paths: {
      '/things': {
        get: {
          operationId: 'listThings',
          responses: {
            200: {
              description: 'ok',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { at: { type: 'array', items: [{ type: 'number' }, { type: 'number' }], additionalItems: false } } },
                },
              },
            },
            404: { description: 'e', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } },
          },
        },
        post: {
          operationId: 'createThing',
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          responses: { 201: { description: 'ok', content: { 'application/json': { schema: { type: 'string' } } } } },
        },
      },
    },
    components: { schemas: {} as Record<string, unknown> },
  });

  it('names an inline answer after its operation and leaves references and scalars in place', () => {
    const out = finishOpenApiDocument(doc()) as ReturnType<typeof doc>;
    expect(out.paths['/things'].get.responses[200].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ListThingsResponse' });
    expect(out.components.schemas.ListThingsResponse).toMatchObject({ type: 'object' });
    expect(out.paths['/things'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Thing' });
    expect(out.paths['/things'].post.responses[201].content['application/json'].schema).toEqual({ type: 'string' });
  });

  it('answers errors with the shared Error response', () => {
    const out = finishOpenApiDocument(doc()) as ReturnType<typeof doc>;
    expect(out.paths['/things'].get.responses[404]).toEqual({ $ref: '#/components/responses/Error' });
  });

  it('writes tuples as prefixItems', () => {
    const out = finishOpenApiDocument(doc()) as ReturnType<typeof doc>;
    expect((out.components.schemas.ListThingsResponse as { properties: { at: unknown } }).properties.at).toEqual({
      type: 'array',
      prefixItems: [{ type: 'number' }, { type: 'number' }],
      items: false,
    });
  });

  it('refuses two shapes with one name', () => {
    const d = doc();
    d.components.schemas.ListThingsResponse = { type: 'object' };
    expect(() => finishOpenApiDocument(d)).toThrow(/two shapes named ListThingsResponse/);
  });
});
