import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { createKinerjaHandler, openApiDocument } from '../src/index.js';
import { appraisal, appraisalText, demo, demoYaml } from './fixtures.js';

type Json = { [key: string]: unknown };
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function pointerGet(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let cur = root;
  for (const raw of pointer.slice(1).split('/')) {
    const t = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(cur) && !Array.isArray(cur)) return undefined;
    if (!Object.hasOwn(cur, t)) return undefined;
    cur = (cur as Json)[t];
  }
  return cur;
}

/**
 * Every `$ref` in the document, resolved as JSON Schema and OpenAPI 3.1 do: `#/...` against the nearest enclosing
 * schema resource (`$id`) or the document, an absolute URI against the `$id`s embedded in the document.
 * Returns the refs that do not resolve.
 */
function unresolvedRefs(doc: Json): string[] {
  const resources = new Map<string, unknown>();
  const collect = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const n of node) collect(n);
    } else if (isObject(node)) {
      if (typeof node.$id === 'string') resources.set(node.$id, node);
      Object.values(node).forEach(collect);
    }
  };
  collect(doc);
  const broken: string[] = [];
  let count = 0;
  const walk = (node: unknown, scope: unknown, where: string) => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => {
        walk(n, scope, `${where}/${i}`);
      });
    }
    if (!isObject(node)) return;
    const here = typeof node.$id === 'string' ? node : scope;
    if (typeof node.$ref === 'string') {
      count += 1;
      const [uri = '', fragment = ''] = node.$ref.split('#');
      const target = uri === '' ? here : resources.get(uri);
      if (target === undefined || pointerGet(target, fragment) === undefined)
        broken.push(`${where}: ${node.$ref}`);
    }
    for (const [k, v] of Object.entries(node)) walk(v, here, `${where}/${k}`);
  };
  walk(doc, doc, '');
  expect(count).toBeGreaterThan(20);
  return broken;
}

describe('the OpenAPI document', () => {
  const doc = openApiDocument('/v1');

  it('is OpenAPI 3.1 with every endpoint', async () => {
    const served = await (
      await createKinerjaHandler({ rubrics: [demo] })(new Request('http://x/v1/openapi.json'))
    ).json();
    expect(served).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(Object.keys(doc.paths as Json).sort()).toEqual(
      [
        '/v1/evaluate',
        '/v1/health',
        '/v1/openapi.json',
        '/v1/rubrics',
        '/v1/rubrics/{id}',
        '/v1/schemas/appraisal.schema.json',
        '/v1/schemas/rubric.schema.json',
        '/v1/validate',
      ].sort(),
    );
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      for (const [method, op] of Object.entries(item)) {
        expect(['get', 'head', 'post'], `${method} ${path}`).toContain(method);
        expect((op as Json).operationId, path).toBeTypeOf('string');
        expect(Object.keys((op as Json).responses as Json).length, path).toBeGreaterThan(0);
      }
      // Path templates name their parameters.
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        const params = (Object.values(item)[0] as Json).parameters as Json[];
        expect(params.some((p) => p.in === 'path' && p.name === name && p.required === true)).toBe(true);
      }
    }
  });

  it('documents HEAD wherever GET is, with the same statuses', async () => {
    const h = createKinerjaHandler({ rubrics: [demo] });
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      const get = item.get as Json | undefined;
      const head = item.head as Json | undefined;
      expect(Boolean(head), path).toBe(Boolean(get));
      if (!get || !head) continue;
      expect(Object.keys(head.responses as Json), path).toEqual(Object.keys(get.responses as Json));
      for (const response of Object.values(head.responses as Record<string, Json>)) {
        expect(response.content, path).toBeUndefined();
      }
      const concrete = path.replace('{id}', 'demo-pp46');
      expect((await h(new Request(`http://x${concrete}`, { method: 'HEAD' }))).status, path).toBe(200);
    }
  });

  it('every $ref resolves', () => {
    expect(unresolvedRefs(doc)).toEqual([]);
  });

  it('uses the published Appraisal and Rubric schemas', () => {
    const schemas = (doc.components as Json).schemas as Json;
    expect((schemas.Appraisal as Json).$id).toBe('https://kinerja.dev/schema/v1/appraisal.schema.json');
    expect((schemas.Rubric as Json).$id).toBe('https://kinerja.dev/schema/v1/rubric.schema.json');
  });

  it('describes what the handler really sends', async () => {
    const schemas = (doc.components as Json).schemas as Json;
    // The hand-written schemas are 2020-12 (OpenAPI 3.1's dialect); check real responses against them.
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    // The published schemas are draft-07 resources of their own; the appraisal one has no $ref and reads the same
    // under 2020-12, the rubric one is not needed to check responses here.
    const { $schema: _draft07, ...appraisalSchema } = schemas.Appraisal as Json;
    const defs = { ...schemas, Appraisal: appraisalSchema, Rubric: {} };
    // $refs point at #/components/schemas/…; the test copy lives at #/$defs/…
    const rewritten = JSON.parse(JSON.stringify(defs).replaceAll('#/components/schemas/', '#/$defs/'));
    ajv.addSchema({ $id: 'kinerja-openapi', $defs: rewritten });
    const local = (name: string) => {
      const v = ajv.getSchema(`kinerja-openapi#/$defs/${name}`);
      if (!v) throw new Error(name);
      return (value: unknown) => (v(value) ? [] : v.errors);
    };

    const h = createKinerjaHandler({ rubrics: [demo] });
    const post = (path: string, body: string, type = 'application/json') =>
      h(new Request(`http://x/v1${path}`, { method: 'POST', body, headers: { 'content-type': type } })).then(
        (r) => r.json(),
      );
    // The check bites: a body of the wrong shape fails it.
    expect(local('Evaluation')({ status: 'done' })?.length).toBeGreaterThan(0);
    expect(local('Evaluation')(await post('/evaluate', appraisalText))).toEqual([]);
    expect(local('Evaluation')(await post('/evaluate', '{"period": 1}'))).toEqual([]);
    expect(local('BatchResult')(await post('/evaluate', JSON.stringify([appraisal, {}])))).toEqual([]);
    expect(local('ErrorBody')(await post('/evaluate', '{'))).toEqual([]);
    expect(local('ErrorBody')(await post('/evaluate?rubric=x', '{}'))).toEqual([]);
    expect(local('ValidationOk')(await post('/validate', demoYaml, 'application/yaml'))).toEqual([]);
    expect(local('ValidationFailed')(await post('/validate', 'kinerja: 2', 'application/yaml'))).toEqual([]);
    const list = (await (await h(new Request('http://x/v1/rubrics'))).json()) as { rubrics: unknown[] };
    expect(local('RubricSummary')(list.rubrics[0])).toEqual([]);
  });
});
