import { Type } from 'typebox';
import { DateTime, Uuid } from '../../kernel/http/schemas.ts';
import { SITE_POLYGON_MAX_POINTS } from '../../kernel/policy.ts';

export const LngLat = Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })], {
  description: '[经度, 纬度]，WGS-84',
});

export const Location = Type.Object(
  { lng: Type.Number({ minimum: -180, maximum: 180, description: '经度（WGS-84）' }), lat: Type.Number({ minimum: -90, maximum: 90, description: '纬度（WGS-84）' }) },
  { additionalProperties: false, description: '项目定位点' },
);

export const SiteSchema = Type.Union(
  [
    Type.Object(
      {
        type: Type.Literal('polygon'),
        ring: Type.Array(LngLat, { maxItems: SITE_POLYGON_MAX_POINTS, description: '闭合边界：首尾两点相同，至少 4 个点' }),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      { type: Type.Literal('circle'), center: LngLat, radiusMetres: Type.Number({ description: '半径（米）' }) },
      { additionalProperties: false },
    ),
  ],
  { description: '施工现场范围（用于影像位置核验）：多边形，或圆心加半径' },
);

export const OrgRef = Type.Object({ id: Uuid, name: Type.String() });

export const NullableUuid = Type.Union([Uuid, Type.Null()]);

export const ProjectSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  permitNumber: Type.String({ description: '施工许可证号' }),
  address: Type.String(),
  regionCode: Type.String({ description: '项目所在县级行政区' }),
  regionName: Type.String(),
  departmentRegionCode: Type.String({ description: '属地住建部门所在区划（县级无住建部门的由市级管辖）' }),
  location: Location,
  site: SiteSchema,
  constructionUnit: OrgRef,
  supervisionUnit: Type.Union([OrgRef, Type.Null()]),
  contractor: Type.Union([OrgRef, Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
  rowVersion: Type.Integer({ description: '乐观锁版本号：修改时原样带回' }),
});

export const NewProject = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    permitNumber: Type.String({ minLength: 1, maxLength: 50, description: '施工许可证号' }),
    address: Type.String({ minLength: 2, maxLength: 300 }),
    regionCode: Type.String({ minLength: 6, maxLength: 6, description: '县级行政区代码' }),
    location: Location,
    site: SiteSchema,
    constructionUnitId: Type.Optional(Uuid),
    supervisionUnitId: Type.Optional(NullableUuid),
    contractorId: Type.Optional(NullableUuid),
  },
  { additionalProperties: false },
);

export const ProjectPatch = Type.Object(
  {
    rowVersion: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    permitNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    address: Type.Optional(Type.String({ minLength: 2, maxLength: 300 })),
    location: Type.Optional(Location),
    site: Type.Optional(SiteSchema),
    supervisionUnitId: Type.Optional(NullableUuid),
    contractorId: Type.Optional(NullableUuid),
  },
  { additionalProperties: false },
);

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'CONSTRUCTION_UNIT_REQUIRED',
  'EDIT_CONFLICT',
  'LOCATION_OUTSIDE_CHINA',
  'LOCATION_OUTSIDE_JILIN',
  'PARTICIPANT_DISABLED',
  'PARTICIPANT_UNKNOWN',
  'PARTICIPANT_WRONG_TYPE',
  'PERMIT_NUMBER_INVALID',
  'PERMIT_NUMBER_TAKEN',
  'PROJECT_ADDRESS_TOO_SHORT',
  'PROJECT_EDIT_FORBIDDEN',
  'PROJECT_LOCATION_OUTSIDE_SITE',
  'PROJECT_NAME_TOO_SHORT',
  'PROJECT_NOT_FOUND',
  'PROJECT_OWNER_NOT_OWN',
  'PROJECT_REGION_NOT_COUNTY',
  'REGION_UNKNOWN',
  'SITE_AREA_ZERO',
  'SITE_POINT_REPEATED',
  'SITE_RADIUS_OUT_OF_RANGE',
  'SITE_RING_NOT_CLOSED',
  'SITE_RING_SELF_INTERSECTING',
  'SITE_RING_TOO_FEW_POINTS',
  'SITE_RING_TOO_MANY_POINTS',
  'SITE_TOO_LARGE',
];
