import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPlainAppraisal } from '../../src/evaluate/checkPlainAppraisal.js';

const demo = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../../examples/data/demo-appraisal.json', import.meta.url)),
    'utf8',
  ),
);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const problems = (input: unknown) =>
  (checkPlainAppraisal(input, 'a.json') ?? []).map((d) => [d.code, d.pointer, d.received ?? d.message.en]);
const problemOf = (input: unknown) =>
  (checkPlainAppraisal(input) ?? []).map((d) => {
    const en = d.message.en;
    return [
      d.pointer,
      en.includes('prototype')
        ? 'prototype'
        : en.includes('getter')
          ? 'accessor'
          : en.includes('hole')
            ? 'hole'
            : en.includes('function')
              ? 'function'
              : 'unreadable',
    ];
  });

describe('checkPlainAppraisal', () => {
  it('passes plain JSON data, null-prototype objects, frozen objects, shared references and scalars', () => {
    expect(checkPlainAppraisal(clone(demo))).toBeUndefined();
    const bare = Object.assign(Object.create(null), clone(demo));
    bare.employee = Object.assign(Object.create(null), demo.employee);
    expect(checkPlainAppraisal(bare)).toBeUndefined();
    expect(checkPlainAppraisal(Object.freeze(clone(demo)))).toBeUndefined();
    const shared = clone(demo);
    shared.inputs.integritas = shared.inputs.pelayanan;
    expect(checkPlainAppraisal(shared)).toBeUndefined();
    for (const v of [null, undefined, 1, 'x', true]) expect(checkPlainAppraisal(v)).toBeUndefined();
  });

  it('refuses an object with another prototype (inherited employee, class instance, Date, Map, Number)', () => {
    const inherited = Object.create({ employee: demo.employee });
    Object.assign(inherited, { period: demo.period });
    expect(problemOf(inherited)).toEqual([['', 'prototype']]);
    class Appraisal {
      constructor() {
        Object.assign(this, clone(demo));
      }
    }
    expect(problemOf(new Appraisal())).toEqual([['', 'prototype']]);
    const nested = clone(demo);
    nested.inputs.pelayanan.score = new Number(80);
    nested.inputs.integritas = new Map();
    nested.period.start = new Date();
    expect(problemOf(nested).sort()).toEqual([
      ['/inputs/integritas', 'prototype'],
      ['/inputs/pelayanan/score', 'prototype'],
      ['/period/start', 'prototype'],
    ]);
  });

  it('refuses a getter without running it, at its pointer', () => {
    const a = clone(demo);
    let ran = false;
    Object.defineProperty(a.inputs.pelayanan, 'score', {
      enumerable: true,
      get() {
        ran = true;
        throw new Error('boom');
      },
    });
    expect(problemOf(a)).toEqual([['/inputs/pelayanan/score', 'accessor']]);
    expect(ran).toBe(false);
    const d = checkPlainAppraisal(a, 'a.json')?.[0];
    expect(d).toMatchObject({
      code: 'input-not-plain',
      severity: 'error',
      stage: 'evaluate',
      source: 'a.json',
    });
    expect(d?.message.id).not.toMatch(/getter|setter|proxy|prototype/i);
  });

  it('refuses a non-enumerable getter too (a property access would read it)', () => {
    const a = clone(demo);
    Object.defineProperty(a, 'inputs', { enumerable: false, get: () => demo.inputs });
    expect(problemOf(a)).toEqual([['/inputs', 'accessor']]);
  });

  it('refuses holes and functions in arrays and objects', () => {
    const a = clone(demo);
    a.targets.skp.length = 3;
    a.targets.skp[2] = demo.targets.skp[0];
    expect(problemOf(a)).toEqual([['/targets/skp/1', 'hole']]);
    const f = clone(demo);
    f.inputs.pelayanan.score = () => 80;
    expect(problemOf(f)).toEqual([['/inputs/pelayanan/score', 'function']]);
  });

  it('turns a Proxy that throws into a diagnostic instead of an exception', () => {
    const root = new Proxy(clone(demo), {
      ownKeys() {
        throw new Error('proxy');
      },
    });
    expect(problemOf(root)).toEqual([['', 'unreadable']]);
    const inner = clone(demo);
    inner.inputs.pelayanan = new Proxy(
      { score: 80 },
      {
        getPrototypeOf() {
          throw new Error('proxy');
        },
      },
    );
    expect(problemOf(inner)).toEqual([['/inputs/pelayanan', 'unreadable']]);
  });

  it('terminates on cycles and deep nesting', () => {
    const cyc = clone(demo);
    cyc.inputs.pelayanan.self = cyc;
    expect(checkPlainAppraisal(cyc)).toBeUndefined();
    const deep: Record<string, unknown> = {};
    let cur = deep;
    for (let i = 0; i < 100_000; i++) {
      const next: Record<string, unknown> = {};
      cur.x = next;
      cur = next;
    }
    cur.x = new Date();
    const d = checkPlainAppraisal({ ...clone(demo), extra: deep });
    expect(d?.map((x) => x.pointer.length)).toEqual([`/extra${'/x'.repeat(100_001)}`.length]);
  });

  it('reports at most 20 problems', () => {
    const a = clone(demo);
    a.targets.skp = Array.from({ length: 50 }, () => new Date());
    expect(checkPlainAppraisal(a)).toHaveLength(20);
    expect(problems(a)[0]).toEqual(['input-not-plain', '/targets/skp/0', expect.any(String)]);
  });
});
