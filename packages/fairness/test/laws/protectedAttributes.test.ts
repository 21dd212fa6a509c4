import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundaries, formatLawResult, protectedAttributes } from '../../src/index.js';
import { mustLoad, SEED } from '../helpers/load.js';

const SIM = readFileSync(new URL('../fixtures/simulasi.rubric.yaml', import.meta.url), 'utf8');
const PERMENPAN = readFileSync(
  new URL('../../../../rubrics/permenpanrb-6-2022/permenpanrb-6-2022.rubric.yaml', import.meta.url),
  'utf8',
);

describe('protectedAttributes: proxies and skips', () => {
  // A non-protected copy of gender, read by the promotion rule: only naming it as protected can catch it.
  const proxy = SIM.replace(
    'facts:\n',
    'facts:\n  gender: { type: enum, values: [l, p], required: false }\n',
  ).replace(
    '        - { fact: facts, path: $.diklat, operator: equal, value: true }',
    '        - { fact: facts, path: $.diklat, operator: equal, value: true }\n        - { fact: facts, path: $.gender, operator: notEqual, value: p }',
  );

  it('catches a rule reading a proxy of gender once the proxy is named in protectedFacts', () => {
    expect(proxy).toContain('$.gender');
    const compiled = mustLoad(proxy);
    const blind = protectedAttributes(compiled, { seed: SEED, numRuns: 30 });
    expect(blind.ok, formatLawResult(blind)).toBe(true);
    const r = protectedAttributes(compiled, { seed: SEED, numRuns: 30, protectedFacts: ['gender'] });
    expect(r.ok).toBe(false);
    expect(r.message).toContain('gender at /outcomes/kenaikan-pangkat/when/all/2');
  });

  it('reports a rubric with no protected fact as skipped, never as passed', () => {
    const unprotected = SIM.replace('protected: true, ', '');
    expect(unprotected).not.toContain('protected: true');
    const r = protectedAttributes(mustLoad(unprotected), { seed: 9 });
    expect(r).toMatchObject({ ok: true, skipped: true, runs: 0, seed: 9 });
    expect(formatLawResult(r)).toMatch(
      /^– protectedAttributes skipped \(0 runs\): no protected facts declared/,
    );
  });

  it('reports a rubric with no band list as skipped by boundaries', () => {
    const noBands = PERMENPAN.replace(/\n {6}rating:\n {8}bands:\n(?: {10}- .*\n){3}/, '\n').replace(
      /\n {6}bands:\n(?: {8}- .*\n){3}/,
      '\n',
    );
    const r = boundaries(mustLoad(noBands));
    expect(r).toMatchObject({ ok: true, skipped: true, runs: 0 });
  });
});

describe('protectedAttributes: a readable counterexample', () => {
  it('names only the protected facts that moved, each from → to', () => {
    const proxy = SIM.replace(
      'facts:\n',
      'facts:\n  gender: { type: enum, values: [l, p], required: false }\n',
    ).replace(
      '        - { fact: facts, path: $.diklat, operator: equal, value: true }',
      '        - { fact: facts, path: $.diklat, operator: equal, value: true }\n        - { fact: facts, path: $.gender, operator: notEqual, value: p }',
    );
    const r = protectedAttributes(mustLoad(proxy), { seed: SEED, numRuns: 30, protectedFacts: ['gender'] });
    expect(r.ok).toBe(false);
    const ce = r.counterexample as {
      appraisal: { facts?: Record<string, unknown> };
      change: { facts: Record<string, unknown> };
    };
    const before = ce.appraisal.facts ?? {};
    const moved = Object.entries(ce.change.facts);
    expect(moved.length).toBeGreaterThan(0);
    // A fact listed as changed really changed: an absent fact left absent is noise.
    for (const [k, to] of moved) expect(Object.hasOwn(before, k) ? before[k] : '<absent>').not.toEqual(to);
    expect(r.message).toMatch(/changing only protected facts \S+: "[^"]*" → "[^"]*"/);
    expect(r.message).not.toMatch(/"<absent>" → "<absent>"/);
  });
});

describe('protectedAttributes: a minimal counterexample', () => {
  // Reads one protected fact (a proxy of gender named in protectedFacts) and declares three more it never reads:
  // the shrunk counterexample must change the one it reads and leave the others as they were.
  const broken = SIM.replace(
    'facts:\n',
    [
      'facts:',
      '  gender: { type: enum, values: [l, p], required: false }',
      '  agama: { type: enum, values: [islam, protestan, katolik, hindu, buddha, khonghucu], protected: true }',
      '  usia: { type: integer, min: 18, max: 60, protected: true }',
      '  disabilitas: { type: boolean, protected: true, required: false }',
      '',
    ].join('\n'),
  ).replace(
    '        - { fact: facts, path: $.diklat, operator: equal, value: true }',
    '        - { fact: facts, path: $.diklat, operator: equal, value: true }\n        - { fact: facts, path: $.gender, operator: notEqual, value: p }',
  );

  for (const seed of [SEED, 1, 2, 3]) {
    it(`changes only the protected fact the rubric depends on (seed ${seed}), and the seed replays it`, () => {
      const compiled = mustLoad(broken);
      const r = protectedAttributes(compiled, { seed, numRuns: 100, protectedFacts: ['gender'] });
      expect(r.ok).toBe(false);
      const ce = r.counterexample as {
        appraisal: { facts?: Record<string, unknown> };
        change: { facts: Record<string, unknown> };
      };
      expect(Object.keys(ce.change.facts), JSON.stringify(ce.change)).toEqual(['gender']);
      expect(r.message).toMatch(
        /; changing only protected facts gender: "[^"]*" → "[^"]*" changed the evaluation$/,
      );
      const replay = protectedAttributes(compiled, {
        seed: r.seed,
        path: r.path,
        protectedFacts: ['gender'],
      });
      expect(replay.counterexample).toEqual(r.counterexample);
      expect(replay.message).toBe(r.message);
    });
  }
});
