import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type SerializerFactory = ReturnType<typeof SerializerSelector>;
type SerializerCompiler = ReturnType<SerializerFactory>;
type Serializer = ReturnType<SerializerCompiler>;
type Schemas = Record<string, unknown>;

/**
 * The `$id`s of the shared schemas that `schema` needs, following references into those schemas in turn; null
 * when a reference names something that is not a shared schema by its `$id` (the caller then passes them all).
 */
export function referencedSchemaIds(schema: unknown, shared: Schemas): Set<string> | null {
  const needed = new Set<string>();
  const pending: unknown[] = [schema];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const id = value.split('#', 1)[0]!;
        if (id === '') continue; // a pointer inside the schema itself
        if (!Object.hasOwn(shared, id)) return null;
        if (!needed.has(id)) {
          needed.add(id);
          pending.push(shared[id]);
        }
      } else if (typeof value === 'object' && value !== null) {
        pending.push(value);
      }
    }
  }
  return needed;
}

/**
 * Serializers compiled so far in this process, by response schema and then by the shared schemas it was built
 * with (the same objects: the modules' TypeBox constants), so the many apps a test process builds compile each
 * response once. A compiled serializer holds no state of the app it was built for.
 */
const compiled = new WeakMap<object, { shared: unknown[]; serializer: Serializer }[]>();

/**
 * Given to Fastify as `schemaController.compilersFactory.buildSerializer`. Fastify's default hands every response
 * schema all of the app's ~300 shared schemas, and fast-json-stringify checks each of them against the JSON Schema
 * meta-schema again for every response of every route: about 10 s of each app's start-up, quadratic in the schemas.
 * Here each response is built with only the shared schemas it references (the serializer code is the same: those are
 * the only ones it can reach), and a response schema already compiled with the same shared schemas is reused.
 */
export function serializerCompilerFactory(): SerializerFactory {
  const base = SerializerSelector();
  return (externalSchemas, options) => {
    const shared = (externalSchemas ?? {}) as Schemas;
    return (route) => {
      const { schema } = route;
      const ids = referencedSchemaIds(schema, shared);
      const subset = ids === null ? shared : Object.fromEntries([...ids].sort().map((id) => [id, shared[id]]));
      const key = Object.entries(subset).flat();
      const cacheable = typeof schema === 'object' && schema !== null && options === undefined;
      if (cacheable) {
        const hit = compiled.get(schema)?.find((c) => c.shared.length === key.length && c.shared.every((v, i) => v === key[i]));
        if (hit) return hit.serializer;
      }
      const serializer = base(subset, options)(route);
      if (cacheable) compiled.set(schema, [...(compiled.get(schema) ?? []), { shared: key, serializer }]);
      return serializer;
    };
  };
}
