import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBatchHarness, type BatchHarness } from './test-fixtures.ts';

/** The reads the console's batch board and opening form use beyond the lifecycle: search, specialty, witness options. */
let h: BatchHarness;
beforeAll(async () => {
  h = await startBatchHarness();
});
afterAll(() => h.t.close());

const B = '/api/v1/batches';
type Summary = { batchNumber: string; specialty: string };

describe('the board filters', () => {
  it('finds batches by part of their number, case-insensitively, with LIKE wildcards taken literally', async () => {
    const opened = await h.open();
    const tail = opened.batchNumber.slice(-6);
    const found = (await h.get('jz.owner', `${B}?q=${encodeURIComponent(`jc-${opened.batchNumber.slice(3, 7)}-${tail}`)}`)).json();
    expect(found.items.map((b: Summary) => b.batchNumber)).toEqual([opened.batchNumber]);
    expect(found.total).toBe(1);
    const wildcard = (await h.get('jz.owner', `${B}?q=${encodeURIComponent('%')}`)).json();
    expect(wildcard.total).toBe(0);
    const all = (await h.get('jz.owner', `${B}?q=JC-`)).json();
    expect(all.total).toBeGreaterThan(1);
  });

  it('filters by specialty', async () => {
    const main = (await h.get('jz.owner', `${B}?specialty=main_structure&pageSize=100`)).json();
    expect(main.total).toBeGreaterThan(0);
    expect(main.items.every((b: Summary) => b.specialty === 'main_structure')).toBe(true);
    const foundation = (await h.get('jz.owner', `${B}?specialty=foundation`)).json();
    expect(foundation.total).toBe(0);
    expect((await h.get('jz.owner', `${B}?specialty=nonsense`)).statusCode).toBe(400);
  });
});

describe('witness options for opening a batch', () => {
  it('lists the witnesses registered now on a project the agency is commissioned on, id and name only', async () => {
    const res = await h.get('jz.owner', `${B}/witness-options?projectId=${h.refs.projectId}`);
    expect(res.statusCode).toBe(200);
    const items = res.json() as { id: string; name: string }[];
    expect(items).toContainEqual({ id: h.refs.witness.sun, name: '孙立' });
    expect(items).toContainEqual({ id: h.refs.witness.zhou, name: '周雅琴' });
    for (const w of items) expect(Object.keys(w).sort()).toEqual(['id', 'name']);
  });

  it('leaves out a witness whose authorization for the project was revoked', async () => {
    const revoked = await h.post('witness.sun', `/api/v1/witnesses/${h.refs.witness.zhou}/authorizations`, {
      kind: 'revocation',
      changedAt: new Date(h.clock.now().getTime() - 60_000).toISOString(),
      projectIds: [h.refs.projectId],
      reason: '调离该项目',
    });
    expect(revoked.statusCode).toBe(201);
    const items = (await h.get('jz.owner', `${B}/witness-options?projectId=${h.refs.projectId}`)).json() as { id: string }[];
    expect(items.map((w) => w.id)).toEqual([h.refs.witness.sun]);
  });

  it('answers 404 for a project the caller does not see', async () => {
    const res = await h.get('jk.tester', `${B}/witness-options?projectId=${h.refs.projectId}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('PROJECT_NOT_FOUND');
  });
});
