/** A plain JSON Schema object. */
export type JsonSchema = { [key: string]: unknown };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Turns an authoring schema (TypeBox) into the published JSON Schema (draft-07):
 * - every schema with an `$id` other than the root moves to `$defs` and is referenced as `#/$defs/<id>`, so editors
 *   never try to fetch a relative id;
 * - object schemas without `additionalProperties` become closed, so a typo is an error, never ignored;
 * - the `Measure` union becomes `oneOf` with an ajv `discriminator` on `kind`, so one wrong field reports one error
 *   instead of one per measure kind.
 */
export function toJsonSchema(schema: unknown, meta: { $id: string; title: string }): JsonSchema {
  const plain = JSON.parse(JSON.stringify(schema)) as JsonSchema;
  const defs: Record<string, JsonSchema> = {};

  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] =
        k === 'properties' || k === 'patternProperties' || k === '$defs'
          ? Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([pk, pv]) => [pk, walk(pv)]))
          : walk(v);
    }
    if (typeof out.$ref === 'string' && !out.$ref.startsWith('#')) out.$ref = `#/$defs/${out.$ref}`;
    if (
      out.type === 'object' &&
      (out.properties || out.patternProperties) &&
      !('additionalProperties' in out)
    ) {
      out.additionalProperties = false;
    }
    if (typeof out.$id === 'string') {
      const id = out.$id;
      delete out.$id;
      if (id === 'Measure' && Array.isArray(out.anyOf)) {
        out.type = 'object';
        out.discriminator = { propertyName: 'kind' };
        out.oneOf = out.anyOf;
        delete out.anyOf;
      }
      defs[id] = out;
      return { $ref: `#/$defs/${id}` };
    }
    return out;
  };

  const root = walk(plain) as JsonSchema;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: meta.$id,
    title: meta.title,
    ...root,
    ...(Object.keys(defs).length > 0 ? { $defs: defs } : {}),
  };
}
