import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireUser, ROLES } from '../../kernel/auth/actor.ts';
import { commonErrors, IdParams, NullableDateTime, Page, PageQuery } from '../../kernel/http/schemas.ts';
import { Role, Nullable, Password, Username, ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';
import { LOGIN_DEVICE_TRUST_MS } from '../../kernel/policy.ts';

export const SESSION_COOKIE = 'qtrace_session';
/** A browser that signed in to an account before (issue 15 item 1; kernel/policy.ts LOGIN_DEVICE_*). */
export const DEVICE_COOKIE = 'qtrace_device';

export const identityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const { auth, users, machineCredentials, secondFactor } = app.services;
  const cookieBase = { httpOnly: true, sameSite: 'lax' as const, secure: app.deps.config.cookieSecure, path: '/' };

  // --- sessions ---
  app.post(
    '/auth/login',
    {
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: '登录（控制台）',
        security: [],
        description: '开启两步验证的账号须同时提交 code（验证器中的 6 位数字或一个恢复码）；缺少时答 401 AUTH_SECOND_FACTOR_REQUIRED。',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            password: Password,
            code: Type.Optional(Type.String({ minLength: 1, maxLength: 16, description: '两步验证码或恢复码' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ user: Type.Ref('Me') }), 429: Type.Ref('ErrorResponse'), ...commonErrors },
      },
    },
    async (req, reply) => {
      const { token, expiresAt, deviceToken } = await auth.login(
        req.ctx,
        req.body.username,
        req.body.password,
        req.headers['user-agent'] ?? null,
        req.cookies[DEVICE_COOKIE] ?? null,
        req.body.code ?? null,
      );
      const actor = await auth.resolveSession(token);
      if (!actor) throw new Error('a session just created does not resolve');
      void reply.setCookie(SESSION_COOKIE, token, { ...cookieBase, expires: expiresAt });
      // Sent only with sign-ins (path), kept across sign-outs: it marks a browser the account has used before.
      void reply.setCookie(DEVICE_COOKIE, deviceToken, { ...cookieBase, path: '/api/v1/auth/login', maxAge: LOGIN_DEVICE_TRUST_MS / 1000 });
      return { user: await auth.me({ ...req.ctx, actor }) };
    },
  );

  app.post('/auth/logout', { schema: { operationId: 'logout', tags: ['auth'], summary: '退出登录', response: { 204: Type.Null(), ...commonErrors } } }, async (req, reply) => {
    await auth.logout(req.ctx);
    void reply.clearCookie(SESSION_COOKIE, cookieBase);
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户', response: { 200: Type.Ref('Me'), ...commonErrors } } }, async (req) => auth.me(req.ctx));

  app.post(
    '/auth/password',
    {
      schema: {
        operationId: 'changePassword',
        tags: ['auth'],
        summary: '修改本人密码',
        body: Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...commonErrors },
      },
    },
    async (req, reply) => {
      await auth.changePassword(req.ctx, req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  // --- two-factor sign-in (issue 15 item 2) ---
  app.get(
    '/auth/options',
    {
      schema: {
        tags: ['auth'],
        summary: '登录页所需的平台设置（无需登录）',
        security: [],
        response: {
          200: Type.Object(
            { secondFactorRequired: Type.Boolean({ description: '管理员和住建部门监管人员必须使用两步验证（生产环境默认开启）' }) },
            { additionalProperties: false },
          ),
        },
      },
    },
    async () => ({ secondFactorRequired: secondFactor.requiredByConfiguration }),
  );
  app.get(
    '/auth/second-factor',
    {
      schema: {
        tags: ['auth'],
        summary: '本人的两步验证状态',
        response: {
          200: Type.Object({ enrolled: Type.Boolean(), required: Type.Boolean(), enrolledAt: NullableDateTime, recoveryCodesLeft: Type.Integer() }, { additionalProperties: false }),
          ...commonErrors,
        },
      },
    },
    async (req) => secondFactor.status(req.ctx),
  );
  app.post(
    '/auth/second-factor/enrollment',
    {
      schema: {
        operationId: 'startSecondFactorEnrollment',
        tags: ['auth'],
        summary: '开始绑定两步验证（生成密钥和二维码）',
        response: {
          200: Type.Object(
            { secret: Type.String({ description: '手工输入用的密钥（Base32）' }), otpauthUri: Type.String(), qrDataUrl: Type.String({ description: 'PNG 二维码（data URL）' }) },
            { additionalProperties: false },
          ),
          ...commonErrors,
        },
      },
    },
    async (req) => secondFactor.startEnrollment(req.ctx),
  );
  app.post(
    '/auth/second-factor/enrollment/confirm',
    {
      schema: {
        operationId: 'confirmSecondFactorEnrollment',
        tags: ['auth'],
        summary: '输入验证器中的验证码，完成绑定；返回恢复码（仅显示一次）',
        body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 16 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ recoveryCodes: Type.Array(Type.String()) }, { additionalProperties: false }), ...commonErrors },
      },
    },
    async (req) => secondFactor.confirmEnrollment(req.ctx, req.body.code),
  );
  app.post(
    '/auth/second-factor/remove',
    {
      schema: {
        operationId: 'removeSecondFactor',
        tags: ['auth'],
        summary: '解除本人的两步验证（角色不要求时）',
        body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 16 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...commonErrors },
      },
    },
    async (req, reply) => {
      await secondFactor.remove(req.ctx, req.body.code);
      return reply.status(204).send(null);
    },
  );

  // --- users ---
  const U = Type.Ref('User');
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: '用户列表（按范围过滤）',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), organisationId: Type.Optional(Type.String({ format: 'uuid' })), ...PageQuery }, { additionalProperties: false }),
        response: { 200: Page(U), ...commonErrors },
      },
    },
    async (req) => users.list(req.ctx, req.query),
  );
  app.get('/users/:id', { schema: { tags: ['users'], summary: '用户详情', params: IdParams, response: { 200: U, ...commonErrors } } }, async (req) => users.get(req.ctx, req.params.id));
  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: '新建用户',
        body: Type.Object(
          {
            username: Username,
            displayName: Type.String({ minLength: 1, maxLength: 100 }),
            organisationId: Nullable(Type.String({ format: 'uuid' })),
            roles: Type.Array(Role, { minItems: 1, maxItems: ROLES.length }),
            password: Password,
          },
          { additionalProperties: false },
        ),
        response: { 201: U, ...commonErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await users.create(req.ctx, req.body)),
  );
  app.put(
    '/users/:id/roles',
    {
      schema: {
        tags: ['users'],
        summary: '修改用户角色',
        params: IdParams,
        body: Type.Object({ roles: Type.Array(Role, { minItems: 1, maxItems: ROLES.length }) }, { additionalProperties: false }),
        response: { 200: U, ...commonErrors },
      },
    },
    async (req) => users.setRoles(req.ctx, req.params.id, req.body.roles),
  );
  for (const [action, status] of [['disable', 'disabled'], ['enable', 'active']] as const) {
    app.post(
      `/users/:id/${action}`,
      { schema: { tags: ['users'], summary: action === 'disable' ? '停用用户' : '启用用户', params: IdParams, response: { 200: U, ...commonErrors } } },
      async (req) => users.setStatus(req.ctx, req.params.id, status),
    );
  }
  app.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags: ['users'],
        summary: '重置用户密码（下次登录须修改）',
        params: IdParams,
        body: Type.Object({ newPassword: Password }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...commonErrors },
      },
    },
    async (req, reply) => {
      await users.resetPassword(req.ctx, req.params.id, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/users/:id/second-factor/reset',
    {
      schema: {
        operationId: 'resetUserSecondFactor',
        tags: ['users'],
        summary: '重置用户的两步验证（如手机丢失），须写明原因',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...commonErrors },
      },
    },
    async (req, reply) => {
      await users.resetSecondFactor(req.ctx, req.params.id, req.body.reason);
      return reply.status(204).send(null);
    },
  );

  // --- machine credentials ---
  const C = Type.Ref('MachineCredential');
  app.get('/machine-credentials', { schema: { tags: ['machine-credentials'], summary: '接口凭证列表', response: { 200: Type.Object({ items: Type.Array(C) }), ...commonErrors } } }, async (req) => ({
    items: await machineCredentials.list(req.ctx),
  }));
  app.post(
    '/machine-credentials',
    {
      schema: {
        tags: ['machine-credentials'],
        summary: '新建接口凭证（密钥只显示这一次）',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ credential: C, secret: Type.String() }), ...commonErrors },
      },
    },
    async (req, reply) => {
      requireUser(req.actor);
      return reply.status(201).send(await machineCredentials.create(req.ctx, req.body.name));
    },
  );
  app.post(
    '/machine-credentials/:id/revoke',
    { schema: { tags: ['machine-credentials'], summary: '吊销接口凭证', params: IdParams, response: { 200: C, ...commonErrors } } },
    async (req) => machineCredentials.revoke(req.ctx, req.params.id),
  );
};
