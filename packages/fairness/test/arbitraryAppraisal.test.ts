import type { Appraisal } from '@kinerja/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryAppraisal } from '../src/index.js';
import { demo, load, mustLoad, RICH_PATH, SEED } from './helpers/load.js';
import { oneIndicator } from './helpers/rubricYaml.js';

const rich = load(RICH_PATH);
const sample = (n: number, quality?: number): Appraisal[] =>
  fc.sample(arbitraryAppraisal(rich, quality === undefined ? {} : { quality }), { seed: SEED, numRuns: n });

describe('arbitraryAppraisal', () => {
  it('generates appraisals the demo rubric evaluates to a complete verdict', () => {
    const compiled = demo();
    fc.assert(
      fc.property(arbitraryAppraisal(compiled), (a) => {
        const e = compiled.evaluate(a);
        expect(e.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(e.status).toBe('complete');
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('generates complete appraisals for every measure kind, raters, supervisor ratings and facts', () => {
    for (const a of sample(100)) {
      const e = rich.evaluate(a);
      // A supervisor may depart from the suggested rating (a warning by design); nothing else may be noticed.
      const noticed = e.diagnostics.filter((d) => d.severity !== 'info' && d.code !== 'rating-departs');
      expect(noticed, JSON.stringify(a)).toEqual([]);
      expect(e.status).toBe('complete');
    }
  });

  it('gives ratings only to a one-of record that takes its raters alternative', () => {
    // A service score given directly, or by peers: the two must never come together (ambiguous-input).
    const compiled = mustLoad(
      oneIndicator(
        `        measure: { kind: one-of, of: [
          { kind: value, input: nilai },
          { kind: raters, roles: { peer: { weight: 1, min: 1 } } } ] }`,
        '    - { id: baik, range: "[50, inf)" }\n    - { id: kurang, range: "(-inf, 50)" }',
      ),
    );
    let direct = 0;
    let rated = 0;
    for (const a of fc.sample(arbitraryAppraisal(compiled), { seed: SEED, numRuns: 60 })) {
      const e = compiled.evaluate(a);
      expect(
        e.diagnostics.filter((d) => d.severity === 'error'),
        JSON.stringify(a),
      ).toEqual([]);
      expect(e.status).toBe('complete');
      if (a.inputs?.layanan?.nilai !== undefined) direct++;
      if (a.ratings?.some((r) => r.indicator === 'layanan')) rated++;
    }
    // Both alternatives drawn, each record with exactly one of them.
    expect(direct).toBeGreaterThan(10);
    expect(rated).toBeGreaterThan(10);
    expect(direct + rated).toBe(60);
  });

  it.each([
    ['(0, 5]', 0, 5],
    ['[500, 1000)', 500, 1000],
    ['(-inf, -10]', -Infinity, -10],
  ])('keeps a value inside its own range %s, clamped or not (else input-out-of-range)', (range, lo, hi) => {
    for (const clamp of ['', ', clamp: { max: 3 }']) {
      const compiled = mustLoad(
        oneIndicator(
          `        measure: { kind: value, input: nilai, range: "${range}"${clamp} }`,
          '    - { id: baik, range: "[50, inf)" }\n    - { id: kurang, range: "(-inf, 50)" }',
        ),
      );
      const seen: number[] = [];
      for (const a of fc.sample(arbitraryAppraisal(compiled), { seed: SEED, numRuns: 60 })) {
        const e = compiled.evaluate(a);
        expect(
          e.diagnostics.filter((d) => d.severity === 'error'),
          JSON.stringify(a),
        ).toEqual([]);
        seen.push(a.inputs?.layanan?.nilai as number);
      }
      expect(Math.min(...seen)).toBeGreaterThanOrEqual(lo);
      expect(Math.max(...seen)).toBeLessThanOrEqual(hi);
      expect(new Set(seen).size).toBeGreaterThan(10);
    }
  });

  it('gives a real employee and period', () => {
    for (const a of sample(100)) {
      expect(a.employee.nip).toMatch(/^\d{18}$/);
      const { start, end, kind } = a.period;
      expect(new Date(`${start}T00:00:00Z`).toISOString().slice(0, 10)).toBe(start);
      expect(new Date(`${end}T00:00:00Z`).toISOString().slice(0, 10)).toBe(end);
      expect(Number(end.slice(0, 4))).toBeGreaterThanOrEqual(2022);
      expect(Number(end.slice(0, 4))).toBeLessThanOrEqual(2026);
      if (kind === 'annual') expect([start.slice(5), end.slice(5)]).toEqual(['01-01', '12-31']);
      const years = (a.employee.history ?? []).map((h) => h.year);
      expect(new Set(years).size).toBe(years.length);
      for (const y of years) expect(y).toBeLessThan(Number(end.slice(0, 4)));
    }
  });

  it('covers every lookup row, scale label, rating label and supervisor rating spelling', () => {
    const counts = new Set<unknown>();
    const labels = new Set<unknown>();
    const rated = new Set<unknown>();
    const supervisor = new Set<unknown>();
    for (const a of sample(200)) {
      const c = a.inputs?.['tugas-tambahan']?.count as number;
      counts.add(c === 0 ? 'row0' : c <= 3 ? 'row1' : 'row2');
      labels.add(a.inputs?.akuntabel?.rating);
      for (const r of a.ratings ?? []) rated.add(r.value);
      supervisor.add(a.supervisorRatings?.['hasil-kerja']);
    }
    expect([...counts].sort()).toEqual(['row0', 'row1', 'row2']);
    expect([...labels].sort()).toEqual(['A', 'B', 'C']);
    expect([...rated].sort()).toEqual(['baik', 'cukup', 'kurang', 'sangat baik']);
    expect([...supervisor].sort()).toEqual([
      'Diatas Ekspektasi',
      'Dibawah Ekspektasi',
      'di-atas',
      'di-bawah',
      'sesuai',
    ]);
  });

  it('gives every declared role between its minimum and three more raters, unique ids, self only as the employee', () => {
    for (const a of sample(100)) {
      const rs = a.ratings ?? [];
      const by = (role: string) => rs.filter((r) => r.role === role).length;
      expect(by('supervisor')).toBeGreaterThanOrEqual(1);
      expect(by('supervisor')).toBeLessThanOrEqual(4);
      expect(by('peer')).toBeGreaterThanOrEqual(2);
      expect(by('peer')).toBeLessThanOrEqual(5);
      expect(by('self')).toBe(1);
      expect(new Set(rs.map((r) => r.rater)).size).toBe(rs.length);
      // Only the employee rates themself; nobody else rates under their NIP.
      for (const r of rs) expect(r.rater === a.employee.nip).toBe(r.role === 'self');
    }
  });

  it('gives 1–5 targets with positive targets, decimals of at most 6 places and some main ones', () => {
    let main = 0;
    for (const a of sample(100)) {
      const list = a.targets?.['hasil-kerja'] ?? [];
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(5);
      for (const t of list) {
        if (t.main) main++;
        expect((t as Record<string, unknown>).target as number).toBeGreaterThan(0);
        for (const v of Object.values(t)) {
          if (typeof v === 'number') expect(String(v)).toMatch(/^-?\d+(\.\d{1,6})?$/);
        }
      }
    }
    expect(main).toBeGreaterThan(0);
  });

  it('gives facts by type, within min/max, protected ones included', () => {
    const seen = new Set<string>();
    for (const a of sample(100)) {
      const f = a.facts ?? {};
      for (const k of Object.keys(f)) seen.add(k);
      expect(f.coefficient as number).toBeGreaterThanOrEqual(0.5);
      expect(f.coefficient as number).toBeLessThanOrEqual(1.5);
      if (f.origin !== undefined) expect(['ntt', 'luar-ntt']).toContain(f.origin);
      if (f.masa_kerja !== undefined) expect(Number.isInteger(f.masa_kerja)).toBe(true);
    }
    expect([...seen].sort()).toEqual([
      'coefficient',
      'innovation',
      'joined',
      'masa_kerja',
      'origin',
      'religion',
    ]);
  });

  it('tilts toward good or bad appraisals with a quality', () => {
    const predicates = (q: number) => sample(60, q).map((a) => rich.evaluate(a).predicate?.id);
    expect(predicates(1)).toContain('sangat-baik');
    expect(predicates(0)).toContain('sangat-kurang');
  });
});
