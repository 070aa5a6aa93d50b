import { validateResidentId } from '../../../../src/modules/registry/rules/resident-id.ts';

/** GB 11643 check in the browser (the same rule the server applies), as a form rule with the server's wording. */
export const residentIdRule = {
  validator: (_: unknown, v: string | undefined) => {
    if (!v || !v.trim()) return Promise.resolve();
    const r = validateResidentId(v, new Date());
    return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
  },
};

export const RESIDENT_ID_HINT = '18 位居民身份证号，末位可为 X；平台核验校验位，只保存加密后的号码，列表中脱敏显示。';
