import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats ships CommonJS with a default export that ESM sees one level down.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

/**
 * Two validators: bodies are checked strictly (no coercion, unknown fields refused, never silently removed),
 * while query strings, params and headers arrive as text and are coerced to the schema's types.
 */
function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: false,
    coerceTypes: coerce ? 'array' : false,
    removeAdditional: false,
    useDefaults: true,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Given to Fastify as `schemaController.compilersFactory.buildValidator`, so every plugin, including those that add
 * shared schemas, validates with these two instances (`setValidatorCompiler` alone is lost in such plugins).
 *
 * Fastify calls the factory again for every encapsulated context that adds schemas; building two Ajv instances each
 * time compiled Ajv's meta-schemas ~350 times per app (seconds of start-up, most of the test suite's set-up). One
 * factory per app keeps one pair and adds each shared schema once, by its `$id` (ids are unique across the app).
 */
export function validatorCompilerFactory(): (externalSchemas?: Record<string, unknown>) => FastifySchemaCompiler<unknown> {
  let pair: { bodyAjv: Ajv; textAjv: Ajv; compiler: FastifySchemaCompiler<unknown> } | undefined;
  const added = new Set<string>();
  return (externalSchemas = {}) => {
    if (!pair) {
      const bodyAjv = makeAjv(false);
      const textAjv = makeAjv(true);
      pair = {
        bodyAjv,
        textAjv,
        compiler: ({ schema, httpPart }) => {
          const validate = (httpPart === 'body' ? bodyAjv : textAjv).compile(schema as object) as ValidateFunction;
          // Headers carry no user text the platform stores; bodies, query strings and params do.
          return httpPart === 'headers' ? validate : refusingControlCharacters(validate);
        },
      };
    }
    for (const schema of Object.values(externalSchemas)) {
      const id = (schema as { $id?: unknown }).$id;
      if (typeof id === 'string') {
        if (added.has(id)) continue;
        added.add(id);
      }
      pair.bodyAjv.addSchema(schema as object);
      pair.textAjv.addSchema(schema as object);
    }
    return pair.compiler;
  };
}

/**
 * Characters no field of the API ever needs: C0 controls other than tab, line feed and carriage return, DEL, and
 * the C1 controls. NUL in particular reaches PostgreSQL as an error (text cannot hold it) — issue 15 found 31 such
 * 500s — so it is refused here once for every route rather than per schema.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** JSON pointer of the first string (or object key) in `data` with a control character or a lone surrogate. */
export function findForbiddenCharacter(data: unknown, pointer = ''): string | undefined {
  if (typeof data === 'string') return CONTROL_CHARACTER.test(data) || !data.isWellFormed() ? pointer : undefined;
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      const found = findForbiddenCharacter(data[i], `${pointer}/${i}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (CONTROL_CHARACTER.test(key) || !key.isWellFormed()) return at;
      const found = findForbiddenCharacter(value, at);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Wraps a compiled validator so that a control character anywhere in the part fails it, naming the field. */
function refusingControlCharacters(validate: ValidateFunction): ValidateFunction {
  const wrapped = ((data: unknown) => {
    const at = findForbiddenCharacter(data);
    if (at !== undefined) {
      wrapped.errors = [{ keyword: 'controlCharacter', instancePath: at, schemaPath: '#', params: {} }];
      return false;
    }
    const ok = validate(data);
    wrapped.errors = validate.errors;
    return ok;
  }) as ValidateFunction;
  return wrapped;
}

const TYPE_ZH: Record<string, string> = {
  string: '字符串',
  integer: '整数',
  number: '数字',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: '空值',
};

/** Turns the first Ajv error into the field at fault (`body.roles.1`) and a sentence in Chinese. */
export function describeValidationError(
  err: ErrorObject,
  part: string,
): { field: string; message: string } {
  const path = err.instancePath
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = err.params as Record<string, unknown>;
  if (err.keyword === 'required') path.push(String(params.missingProperty));
  if (err.keyword === 'additionalProperties') path.push(String(params.additionalProperty));
  const field = [part, ...path].join('.');
  const name = path.length > 0 ? path.join('.') : part;
  const message = (() => {
    switch (err.keyword) {
      case 'required':
        return `缺少必填字段 ${name}`;
      case 'additionalProperties':
        return `不接受的字段 ${name}`;
      case 'type':
        return `字段 ${name} 的类型应为${TYPE_ZH[String(params.type)] ?? String(params.type)}`;
      case 'minLength':
        return `字段 ${name} 至少 ${String(params.limit)} 个字符`;
      case 'maxLength':
        return `字段 ${name} 最多 ${String(params.limit)} 个字符`;
      case 'minimum':
      case 'exclusiveMinimum':
        return `字段 ${name} 不能小于 ${String(params.limit)}`;
      case 'maximum':
      case 'exclusiveMaximum':
        return `字段 ${name} 不能大于 ${String(params.limit)}`;
      case 'minItems':
        return `字段 ${name} 至少需要 ${String(params.limit)} 项`;
      case 'maxItems':
        return `字段 ${name} 最多 ${String(params.limit)} 项`;
      case 'uniqueItems':
        return `字段 ${name} 含有重复项`;
      case 'enum':
      case 'const':
      case 'anyOf':
        return `字段 ${name} 的取值不在允许范围内`;
      case 'format':
        return `字段 ${name} 的格式不正确（应为 ${String(params.format)}）`;
      case 'pattern':
        return `字段 ${name} 的格式不正确`;
      case 'controlCharacter':
        return `字段 ${name} 含有不允许的控制字符或无效的 Unicode 字符`;
      default:
        return `字段 ${name} 不合法`;
    }
  })();
  return { field, message };
}
