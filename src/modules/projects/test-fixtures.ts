import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp, type TestAppOptions } from '../../testing/app.ts';
import { seedRegistryAgencies } from '../../seed/registry-agencies.ts';
import type { LngLat, SiteBoundary } from './rules/geo.ts';

/**
 * Shared set-up for the API tests of projects, components and commissions: the demo with its connection registries
 * (吉林省建正 connected, 长春建科 missing equipment, 沈阳华建 with an expired 入吉备案), signed-in demo users, and
 * helpers to build projects with sites around real 长春 coordinates.
 */
export interface Harness {
  t: TestApp;
  org(key: string): string;
  get(who: string, url: string): Promise<LightMyRequestResponse>;
  post(who: string, url: string, payload?: object): Promise<LightMyRequestResponse>;
  patch(who: string, url: string, payload: object): Promise<LightMyRequestResponse>;
  /** Creates a project as `who` (default builder.chen) and returns its body; fails the test on refusal. */
  createProject(overrides?: Partial<ProjectBody>, who?: string): Promise<{ id: string; rowVersion: number; name: string }>;
}

export const USERS = [
  'admin',
  'officer.province',
  'officer.changchun',
  'officer.nanguan',
  'officer.chaoyang',
  'officer.jilin',
  'jz.admin',
  'jz.tester',
  'jk.admin',
  'witness.sun',
  'builder.chen',
  'contractor.zhou',
];

export async function startHarness(opts: TestAppOptions = {}): Promise<Harness> {
  const t = await createTestApp(opts);
  const ids = { ...t.seeded!.organisations };
  // The lead wires the registry seeds into the demo; until then (or in any case) the tests need them once.
  if (!(await t.deps.db.selectFrom('agency_profiles').select('organisation_id').limit(1).executeTakeFirst())) {
    await t.deps.db.transaction().execute((trx) => seedRegistryAgencies(trx, ids, t.clock.now()));
  }
  const cookies: Record<string, string> = {};
  for (const u of USERS) cookies[u] = await t.login(u);
  const headers = (who: string) => ({ cookie: cookies[who]! });
  const h: Harness = {
    t,
    org: (key) => ids[key]!,
    get: (who, url) => t.app.inject({ url, headers: headers(who) }),
    post: (who, url, payload) => t.app.inject({ method: 'POST', url, headers: headers(who), ...(payload ? { payload } : {}) }),
    patch: (who, url, payload) => t.app.inject({ method: 'PATCH', url, headers: headers(who), payload }),
    async createProject(overrides = {}, who = 'builder.chen') {
      const res = await h.post(who, '/api/v1/projects', projectBody(h, overrides));
      if (res.statusCode !== 201) throw new Error(`createProject: ${res.statusCode} ${res.body}`);
      return res.json();
    },
  };
  return h;
}

const M_PER_DEG_LAT = 111_195;

/** A square site of `half` metres either side of a centre, closed. */
export function squareSite(centre: LngLat, half = 100): SiteBoundary {
  const dLat = half / M_PER_DEG_LAT;
  const dLng = half / (M_PER_DEG_LAT * Math.cos((centre[1] * Math.PI) / 180));
  const [x, y] = centre;
  return {
    type: 'polygon',
    ring: [
      [x - dLng, y - dLat],
      [x + dLng, y - dLat],
      [x + dLng, y + dLat],
      [x - dLng, y + dLat],
      [x - dLng, y - dLat],
    ],
  };
}

export interface ProjectBody {
  name: string;
  permitNumber: string;
  address: string;
  regionCode: string;
  location: { lng: number; lat: number };
  site: SiteBoundary;
  constructionUnitId?: string;
  supervisionUnitId?: string | null;
  contractorId?: string | null;
}

let permitSeq = 0;

/** A valid project in 南关区 (near 亚泰大街), with a fresh permit number, supervised by 华诚 and built by 宏达. */
export function projectBody(h: Pick<Harness, 'org'>, overrides: Partial<ProjectBody> = {}): ProjectBody {
  const centre: LngLat = [125.3562, 43.8468];
  permitSeq++;
  return {
    name: `测试项目 ${permitSeq} 号楼`,
    permitNumber: `2201029${String(process.pid % 1000).padStart(3, '0')}${String(permitSeq).padStart(8, '0')}`,
    address: '长春市南关区亚泰大街 1000 号',
    regionCode: '220102',
    location: { lng: centre[0], lat: centre[1] },
    site: squareSite(centre),
    supervisionUnitId: h.org('super-jl'),
    contractorId: h.org('contractor-jg'),
    ...overrides,
  };
}
