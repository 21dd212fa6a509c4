import type { Evaluation } from '@kinerja/core';
import { describe, expect, it, vi } from 'vitest';
import { createKinerjaHandler, type KinerjaHandler } from '../src/index.js';
import { appraisal, appraisalText, demo, demoYaml, pp46 } from './fixtures.js';

const base = 'http://kinerja.test';
const one = createKinerjaHandler({ rubrics: [demo] });
const two = createKinerjaHandler({ rubrics: [demo, pp46] });

function post(path: string, body: NonNullable<RequestInit['body']>, type = 'application/json'): Request {
  return new Request(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': type } });
}

async function call(handler: KinerjaHandler, request: Request) {
  const res = await handler(request);
  const text = await res.text();
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(text).not.toMatch(/\n\s+at |Error:/);
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are read loosely
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as any };
}

const get = (handler: KinerjaHandler, path: string) => call(handler, new Request(`${base}${path}`));

describe('GET endpoints', () => {
  it('health', async () => {
    const r = await get(two, '/v1/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', rubrics: 2 });
  });

  it('lists rubrics in id order with versions, fingerprints and labels', async () => {
    const r = await get(two, '/v1/rubrics');
    expect(r.status).toBe(200);
    expect(r.body.rubrics.map((x: { id: string }) => x.id)).toEqual(['demo-pp46', 'pp-46-2011']);
    expect(r.body.rubrics[0]).toEqual({
      id: 'demo-pp46',
      version: demo.version,
      fingerprint: demo.fingerprint,
      label: { id: 'Demo', en: 'Demo' },
    });
  });

  it('serves rubrics under the keys of a record', async () => {
    const h = createKinerjaHandler({ rubrics: { skp: demo } });
    expect((await get(h, '/v1/rubrics')).body.rubrics[0].id).toBe('skp');
    expect((await get(h, '/v1/rubrics/skp')).status).toBe(200);
  });

  it('shows one rubric with its document and the appraisal schema', async () => {
    const r = await get(two, '/v1/rubrics/pp-46-2011');
    expect(r.status).toBe(200);
    expect(r.body.id).toBe('pp-46-2011');
    expect(r.body.rubric.id).toBe('pp-46-2011');
    expect(r.body.rubric.groups).toBeTypeOf('object');
    expect(r.body.appraisalSchema.$id).toBe('https://kinerja.dev/schema/v1/appraisal.schema.json');
    expect(r.body.links).toEqual({
      self: '/v1/rubrics/pp-46-2011',
      evaluate: '/v1/evaluate?rubric=pp-46-2011',
      appraisalSchema: '/v1/schemas/appraisal.schema.json',
      rubricSchema: '/v1/schemas/rubric.schema.json',
    });
    const schema = await get(two, r.body.links.appraisalSchema);
    expect(schema.body).toEqual(r.body.appraisalSchema);
    expect((await get(two, r.body.links.rubricSchema)).body.$id).toBe(
      'https://kinerja.dev/schema/v1/rubric.schema.json',
    );
  });

  it('unknown rubric: 404 rubric-not-found listing the ids', async () => {
    const r = await get(two, '/v1/rubrics/nope');
    expect(r.status).toBe(404);
    expect(r.body.diagnostics).toMatchObject([
      { code: 'rubric-not-found', severity: 'error', stage: 'http', received: 'nope' },
    ]);
    expect(r.body.diagnostics[0].expected).toEqual(['demo-pp46', 'pp-46-2011']);
    expect(r.body.diagnostics[0].message.en).toContain('nope');
  });

  it('openapi.json is OpenAPI 3.1', async () => {
    const r = await get(one, '/v1/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\.1\.\d+$/);
  });
});

describe('routing', () => {
  it('unknown path: 404 not-found', async () => {
    for (const path of ['/', '/v1', '/v1/', '/v2/health', '/v1/health/', '/v1/nope', '/v1/rubrics/a/b']) {
      const r = await get(one, path);
      expect(r.status, path).toBe(404);
      expect(r.body.diagnostics[0].code, path).toBe('not-found');
    }
  });

  it('wrong method: 405 with Allow', async () => {
    const r = await call(one, new Request(`${base}/v1/evaluate`));
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('POST');
    expect(r.body.diagnostics[0]).toMatchObject({ code: 'method-not-allowed', received: 'GET' });
    const d = await call(one, new Request(`${base}/v1/health`, { method: 'DELETE' }));
    expect(d.status).toBe(405);
    expect(d.headers.get('allow')).toBe('GET, HEAD');
    expect((await call(one, post('/v1/rubrics', '{}'))).status).toBe(405);
  });

  it('HEAD answers like GET, without a body', async () => {
    for (const path of [
      '/v1/health',
      '/v1/rubrics',
      '/v1/rubrics/demo-pp46',
      '/v1/rubrics/nope',
      '/v1/schemas/appraisal.schema.json',
      '/v1/schemas/rubric.schema.json',
      '/v1/openapi.json',
      '/v1/nope',
    ]) {
      const g = await one(new Request(`${base}${path}`));
      const h = await one(new Request(`${base}${path}`, { method: 'HEAD' }));
      expect(h.status, path).toBe(g.status);
      expect([...h.headers], path).toEqual([...g.headers]);
      expect(h.body, path).toBeNull();
      expect(await h.text(), path).toBe('');
    }
    // Where GET is not allowed, neither is HEAD; the 405 still has no body.
    const e = await one(new Request(`${base}/v1/evaluate`, { method: 'HEAD' }));
    expect(e.status).toBe(405);
    expect(e.headers.get('allow')).toBe('POST');
    expect(await e.text()).toBe('');
  });

  it('honours another basePath, or none', async () => {
    const h = createKinerjaHandler({ rubrics: [demo], basePath: '/api/kinerja/v1' });
    expect((await get(h, '/api/kinerja/v1/health')).status).toBe(200);
    expect((await get(h, '/v1/health')).status).toBe(404);
    const open = await get(h, '/api/kinerja/v1/openapi.json');
    expect(Object.keys(open.body.paths)).toContain('/api/kinerja/v1/evaluate');
    const bare = createKinerjaHandler({ rubrics: [demo], basePath: '' });
    expect((await get(bare, '/health')).status).toBe(200);
  });

  it('refuses bad options when created', () => {
    expect(() => createKinerjaHandler({ rubrics: [demo, demo] })).toThrow(/two rubrics/);
    expect(() => createKinerjaHandler({ rubrics: [demo], maxBodyBytes: 0 })).toThrow(RangeError);
    expect(() => createKinerjaHandler({ rubrics: [demo], basePath: 'v1' })).toThrow(RangeError);
  });

  it('refuses an empty rubric list or record when created', () => {
    expect(() => createKinerjaHandler({ rubrics: [] })).toThrow(TypeError);
    expect(() => createKinerjaHandler({ rubrics: {} })).toThrow(/at least one rubric/);
  });
});

describe('POST /v1/evaluate', () => {
  it('evaluates one appraisal like the core does', async () => {
    const r = await call(one, post('/v1/evaluate', appraisalText));
    expect(r.status).toBe(200);
    const expected = demo.evaluate(appraisal);
    expect(r.body.status).toBe('complete');
    expect(r.body.score).toBe(expected.score);
    expect(r.body.predicate).toEqual(expected.predicate);
  });

  it('is deterministic: the same request gives the same bytes', async () => {
    const a = await call(one, post('/v1/evaluate', appraisalText));
    const b = await call(createKinerjaHandler({ rubrics: [demo] }), post('/v1/evaluate', appraisalText));
    expect(a.text).toBe(b.text);
    const batch = JSON.stringify([appraisal, appraisal]);
    expect((await call(one, post('/v1/evaluate', batch))).text).toBe(
      (await call(one, post('/v1/evaluate', batch))).text,
    );
  });

  it('accepts a missing Content-Type and +json types, refuses others with 415', async () => {
    const bare = new Request(`${base}/v1/evaluate`, { method: 'POST', body: appraisalText });
    bare.headers.delete('content-type');
    expect((await call(one, bare)).status).toBe(200);
    expect(
      (await call(one, post('/v1/evaluate', appraisalText, 'application/vnd.kinerja+json'))).status,
    ).toBe(200);
    const form = await call(one, post('/v1/evaluate', appraisalText, 'application/x-www-form-urlencoded'));
    expect(form.status).toBe(415);
    expect(form.body.diagnostics[0]).toMatchObject({
      code: 'unsupported-media-type',
      expected: 'application/json',
    });
  });

  it('invalid appraisal: 422 with line:column diagnostics pointing into the body', async () => {
    const text = '{\n  "employee": { "nip": "1" },\n  "period": "2024",\n  "bogus": 1\n}';
    const r = await call(one, post('/v1/evaluate', text));
    expect(r.status).toBe(422);
    expect(r.body.status).toBe('invalid');
    const period = r.body.diagnostics.find((d: { pointer: string }) => d.pointer === '/period');
    expect(period).toMatchObject({ severity: 'error', span: { start: { line: 3, column: 13 } } });
    const bogus = r.body.diagnostics.find((d: { pointer: string }) => d.pointer === '/bogus');
    expect(bogus).toMatchObject({ code: 'schema-unknown-property', span: { start: { line: 4 } } });
  });

  it('malformed JSON: 400 json-syntax with line:column', async () => {
    const r = await call(one, post('/v1/evaluate', '{\n  "employee": {,\n}'));
    expect(r.status).toBe(400);
    expect(r.body.diagnostics).toHaveLength(1);
    expect(r.body.diagnostics[0]).toMatchObject({
      code: 'json-syntax',
      severity: 'error',
      stage: 'parse',
      span: { start: { line: 2, column: 16 } },
    });
    const empty = await call(one, post('/v1/evaluate', ''));
    expect(empty.status).toBe(400);
    expect(empty.body.diagnostics[0].code).toBe('json-syntax');
    const dup = await call(one, post('/v1/evaluate', '{"period": 1, "period": 2}'));
    expect(dup.status).toBe(400);
    expect(dup.body.diagnostics[0].code).toBe('duplicate-key');
  });

  it('bytes that are not UTF-8: 400 encoding-invalid at their line:column and byte offset, as in a file', async () => {
    // `"nama": "Sité"` saved as Latin-1 on line 2: é is the single byte 0xE9, after 12 characters (byte 14).
    const latin = new Uint8Array([
      ...new TextEncoder().encode('{\n"nama": "Sit'),
      0xe9,
      ...new TextEncoder().encode('"}'),
    ]);
    const r = await call(one, post('/v1/evaluate', latin));
    expect(r.status).toBe(400);
    expect(r.body.diagnostics).toEqual([
      expect.objectContaining({
        code: 'encoding-invalid',
        stage: 'parse',
        pointer: '',
        span: { start: { line: 2, column: 13 }, end: { line: 2, column: 14 } },
        received: '0xE9',
      }),
    ]);
    expect(r.body.diagnostics[0].message.en).toContain('byte offset 14');
    expect(r.body.diagnostics[0].message.id).toContain('posisi byte 14');
    // A byte-order mark is dropped but still counted in the byte offset, as core counts it for files.
    const bom = await call(one, post('/v1/evaluate', new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0xff, 0x7d])));
    expect(bom.body.diagnostics[0]).toMatchObject({
      code: 'encoding-invalid',
      span: { start: { line: 1, column: 2 } },
    });
    expect(bom.body.diagnostics[0].message.en).toContain('byte offset 4');
    const rubric = await call(
      one,
      post('/v1/validate', new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xe9]), 'application/yaml'),
    );
    expect(rubric.status).toBe(400);
    expect(rubric.body.diagnostics[0]).toMatchObject({
      code: 'encoding-invalid',
      span: { start: { line: 1, column: 5 } },
    });
  });

  it('a charset other than UTF-8: 415 unsupported-charset before the body is read; utf-8 in any case is read', async () => {
    for (const type of ['application/json; charset=iso-8859-1', 'application/json;Charset="windows-1252"']) {
      const r = await call(one, post('/v1/evaluate', appraisalText, type));
      expect(r.status, type).toBe(415);
      expect(r.body.diagnostics).toEqual([
        expect.objectContaining({ code: 'unsupported-charset', stage: 'http', expected: 'utf-8' }),
      ]);
    }
    const latin = await call(
      one,
      post('/v1/evaluate', appraisalText, 'application/json; charset=ISO-8859-1'),
    );
    expect(latin.body.diagnostics[0].received).toBe('iso-8859-1');
    expect(latin.body.diagnostics[0].message.id).toContain('"iso-8859-1"');
    const yaml = await call(one, post('/v1/validate', demoYaml, 'application/yaml; charset=latin1'));
    expect(yaml.status).toBe(415);
    for (const type of [
      'application/json; charset=UTF-8',
      'application/json;charset="utf-8"',
      'application/json; charset=utf8',
    ])
      expect((await call(one, post('/v1/evaluate', appraisalText, type))).status, type).toBe(200);
  });

  it('batch: results in input order, each with its own diagnostics located in the body', async () => {
    const poor = structuredClone(appraisal) as { inputs: { pelayanan: { score: number } } };
    poor.inputs.pelayanan.score = 10;
    const bad = { employee: 'x' };
    const text = JSON.stringify({ rubric: 'demo-pp46', appraisals: [appraisal, bad, poor] }, null, 2);
    const r = await call(two, post('/v1/evaluate', text));
    expect(r.status).toBe(200);
    expect(r.body.rubric).toEqual({ id: demo.id, version: demo.version, fingerprint: demo.fingerprint });
    expect(r.body.summary).toEqual({ complete: 2, pending: 0, invalid: 1 });
    const results = r.body.results as Evaluation[];
    expect(results.map((e) => e.status)).toEqual(['complete', 'invalid', 'complete']);
    expect(results[0]?.score).toBe(demo.evaluate(appraisal).score);
    expect(results[2]?.score).toBe(demo.evaluate(poor).score);
    expect(results[2]?.score).not.toBe(results[0]?.score);
    const d = results[1]?.diagnostics.find((x) => x.pointer === '/employee');
    expect(d?.source).toBe('appraisal[1]');
    // The second appraisal's "employee" value, in the pretty-printed body.
    const line = text.split('\n').findIndex((l) => l.includes('"employee": "x"')) + 1;
    expect(d?.span?.start.line).toBe(line);
  });

  it('batch as a bare array, rubric chosen by ?rubric=', async () => {
    const r = await call(two, post('/v1/evaluate?rubric=demo-pp46', JSON.stringify([appraisal])));
    expect(r.status).toBe(200);
    expect(r.body.results).toHaveLength(1);
    expect(r.body.results[0].rubric.id).toBe('demo-pp46');
    const empty = await call(one, post('/v1/evaluate', '[]'));
    expect(empty.body).toMatchObject({ summary: { complete: 0, pending: 0, invalid: 0 }, results: [] });
  });

  it('batch over maxBatch: 413 batch-too-large', async () => {
    const h = createKinerjaHandler({ rubrics: [demo], maxBatch: 2 });
    const r = await call(h, post('/v1/evaluate', JSON.stringify([appraisal, appraisal, appraisal])));
    expect(r.status).toBe(413);
    expect(r.body.diagnostics[0]).toMatchObject({ code: 'batch-too-large', expected: 2, received: 3 });
  });

  it('batch envelope of the wrong shape: 400 invalid-request', async () => {
    for (const [body, pointer] of [
      [{ appraisals: {} }, '/appraisals'],
      [{ appraisals: [], rubric: 1 }, '/rubric'],
      [{ appraisals: [], extra: true }, '/extra'],
    ] as const) {
      const r = await call(one, post('/v1/evaluate', JSON.stringify(body)));
      expect(r.status).toBe(400);
      expect(r.body.diagnostics[0]).toMatchObject({ code: 'invalid-request', pointer });
    }
  });

  it('invalid-request messages are whole in each language', async () => {
    const bodies = [{ appraisals: {} }, { appraisals: [], rubric: 1 }, { appraisals: [], extra: true }];
    const found = [];
    for (const body of bodies) {
      found.push((await call(one, post('/v1/evaluate', JSON.stringify(body)))).body.diagnostics[0]);
    }
    found.push((await call(two, post('/v1/evaluate?rubric=a&rubric=b', appraisalText))).body.diagnostics[0]);
    for (const d of found) {
      // Quoted names ("appraisals", "array") are data, the same in both languages; the rest must be one language.
      const words = (text: string) => text.replace(/"[^"]*"|\?\w+=|\([^)]*\)/g, ' ');
      expect(words(d.message.id), d.message.id).not.toMatch(
        /\b(?:the|as|an|a|is|not|only|must|expected|received|beside|and|given|once|more|than|one)\b/i,
      );
      expect(words(d.message.en), d.message.en).not.toMatch(
        /\b(?:harus|berupa|diterima|tidak|diizinkan|dan|diharapkan|diberikan|satu|saja)\b/i,
      );
    }
    expect(found.map((d) => [d.expected, d.received])).toEqual([
      ['array', 'object'],
      ['string', 'number'],
      [['rubric', 'appraisals'], 'extra'],
      [undefined, ['a', 'b']],
    ]);
  });

  it('a repeated ?rubric= is 400 invalid-request naming the parameter, before the body is read', async () => {
    for (const q of ['?rubric=demo-pp46&rubric=nope', '?rubric=demo-pp46&rubric=demo-pp46']) {
      let pulled = false;
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            pulled = true;
            controller.enqueue(new TextEncoder().encode(appraisalText));
            controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      const req = new Request(`${base}/v1/evaluate${q}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
        duplex: 'half',
      } as RequestInit);
      const r = await call(two, req);
      expect(r.status, q).toBe(400);
      expect(r.body.diagnostics).toHaveLength(1);
      expect(r.body.diagnostics[0]).toMatchObject({ code: 'invalid-request', stage: 'http', pointer: '' });
      expect(r.body.diagnostics[0].message.id).toContain('?rubric=');
      expect(r.body.diagnostics[0].message.en).toContain('?rubric=');
      expect(pulled).toBe(false);
    }
  });

  it('rubric choice: unknown 404, none of several 400, conflicting 400', async () => {
    const q = await call(two, post('/v1/evaluate?rubric=nope', appraisalText));
    expect(q.status).toBe(404);
    expect(q.body.diagnostics[0]).toMatchObject({ code: 'rubric-not-found', received: 'nope', pointer: '' });
    const b = await call(two, post('/v1/evaluate', JSON.stringify({ rubric: 'nope', appraisals: [] })));
    expect(b.status).toBe(404);
    expect(b.body.diagnostics[0]).toMatchObject({ code: 'rubric-not-found', pointer: '/rubric' });
    const none = await call(two, post('/v1/evaluate', appraisalText));
    expect(none.status).toBe(400);
    expect(none.body.diagnostics[0]).toMatchObject({
      code: 'rubric-required',
      expected: ['demo-pp46', 'pp-46-2011'],
    });
    const clash = await call(
      two,
      post('/v1/evaluate?rubric=pp-46-2011', JSON.stringify({ rubric: 'demo-pp46', appraisals: [] })),
    );
    expect(clash.status).toBe(400);
    expect(clash.body.diagnostics[0].code).toBe('rubric-conflict');
  });
});

describe('body size', () => {
  const small = createKinerjaHandler({ rubrics: [demo], maxBodyBytes: 64 });

  it('refuses by Content-Length before reading: 413', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(100) });
    const req = post('/v1/evaluate', body);
    expect(req.headers.get('content-length') ?? String(body.length)).toBeTruthy();
    const withLength = new Request(req, {
      headers: { 'content-type': 'application/json', 'content-length': '100' },
    });
    const r = await call(small, withLength);
    expect(r.status).toBe(413);
    expect(r.body.diagnostics[0]).toMatchObject({ code: 'body-too-large', expected: 64, received: 100 });
  });

  it('refuses a streamed body without length once it passes the limit, without reading the rest', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        // An endless body: only the limit stops it.
        controller.enqueue(new TextEncoder().encode('[{"a":"0123456789"},'));
      },
    });
    const req = new Request(`${base}/v1/evaluate`, {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(req.headers.get('content-length')).toBeNull();
    const r = await call(small, req);
    expect(r.status).toBe(413);
    expect(r.body.diagnostics[0].code).toBe('body-too-large');
    expect(pulled).toBeLessThan(10);
  });

  it('also limits /validate', async () => {
    const r = await call(small, post('/v1/validate', demoYaml, 'application/yaml'));
    expect(r.status).toBe(413);
  });
});

describe('POST /v1/validate', () => {
  it('a valid rubric: 200 { ok: true }', async () => {
    const r = await call(one, post('/v1/validate', demoYaml, 'application/yaml'));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, rubric: { id: 'demo-pp46', fingerprint: demo.fingerprint } });
    expect((await call(one, post('/v1/validate', demoYaml, 'text/yaml'))).status).toBe(200);
  });

  it('an invalid rubric: 422 with line:column diagnostics', async () => {
    const broken = demoYaml.replace(
      'weights: { skp: 0.6, perilaku: 0.4 }',
      'weights: { skp: 0.6, perilaku: 0.3 }',
    );
    const r = await call(one, post('/v1/validate', broken, 'application/yaml'));
    expect(r.status).toBe(422);
    expect(r.body.ok).toBe(false);
    const line = broken.split('\n').findIndex((l) => l.includes('perilaku: 0.3')) + 1;
    const d = r.body.diagnostics[0];
    expect(d).toMatchObject({ code: 'weight-sum', severity: 'error', span: { start: { line } } });
    const yaml = await call(one, post('/v1/validate', 'id: [unclosed\n', 'application/yaml'));
    expect(yaml.status).toBe(422);
    expect(yaml.body.diagnostics[0]).toMatchObject({
      code: 'yaml-syntax',
      span: { start: { line: expect.any(Number) } },
    });
  });

  it('resolves extends against the rubrics served', async () => {
    const child =
      'kinerja: 1\nid: agency\nversion: 1.0.0\nlabel: { id: Dinas, en: Agency }\nextends: demo-pp46\n';
    const r = await call(one, post('/v1/validate', child, 'application/yaml'));
    expect(r.status).toBe(200);
    expect(r.body.rubric.id).toBe('agency');
    const missing = await call(
      one,
      post('/v1/validate', child.replace('demo-pp46', 'nope'), 'application/yaml'),
    );
    expect(missing.status).toBe(422);
    expect(missing.body.diagnostics[0].code).toBe('extends-not-found');
  });

  it('refuses other media types with 415', async () => {
    const r = await call(one, post('/v1/validate', demoYaml, 'text/plain'));
    expect(r.status).toBe(415);
    expect(r.body.diagnostics[0].code).toBe('unsupported-media-type');
  });
});

describe('internal errors', () => {
  it('500 { error: "internal error" }, reported to onError, no stack', async () => {
    const onError = vi.fn();
    const boom = {
      ...demo,
      evaluate: () => {
        throw new Error('secret detail');
      },
    };
    const h = createKinerjaHandler({ rubrics: [boom], onError });
    const r = await call(h, post('/v1/evaluate', appraisalText));
    expect(r.status).toBe(500);
    expect(r.body).toEqual({ error: 'internal error' });
    expect(r.text).not.toContain('secret');
    expect(onError).toHaveBeenCalledOnce();
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ message: 'secret detail' });
  });

  it('survives a throwing onError', async () => {
    const boom = {
      ...demo,
      evaluate: () => {
        throw new Error('x');
      },
    };
    const h = createKinerjaHandler({
      rubrics: [boom],
      onError: () => {
        throw new Error('logger down');
      },
    });
    expect((await call(h, post('/v1/evaluate', appraisalText))).status).toBe(500);
  });
});
