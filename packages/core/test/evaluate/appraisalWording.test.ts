/**
 * The words a user gets for a mistake in an appraisal: a wrong key is named the same way whichever check finds
 * it, with the ids the rubric reads there and the one most likely meant; a value in the wrong form is described in
 * words, not as a regular expression; a rater role is the Indonesian word in Indonesian.
 */
import { describe, expect, it } from 'vitest';
import { evaluateText } from '../../src/index.js';
import { appraisal, load } from '../golden/helpers.js';
import { appraisalOf, loadRaters, NIP } from '../raters/helpers.js';

const rubric = load(`
kinerja: 1
id: wording
version: 1.0.0
label: { id: Uji kata, en: Wording test }
facts:
  golongan: { type: string, required: false }
groups:
  perilaku:
    label: { id: Perilaku, en: Behaviour }
    indicators:
      disiplin: { label: { id: Disiplin, en: Discipline }, measure: { kind: value, input: score } }
      komitmen: { label: { id: Komitmen, en: Commitment }, measure: { kind: value, input: score } }
score:
  weights: { perilaku: 1 }
predicate:
  levels:
    - { id: ada, label: { id: Ada, en: Present } }
    - { id: lain, label: { id: Lain, en: Other } }
  bands:
    - { id: ada, range: "(-inf, inf)" }
`);

const scored = { disiplin: { score: 80 } };

describe('a key under inputs or facts the rubric does not read', () => {
  it.each([
    ['Komitmen', 'case'],
    ['komitmen\u200b', 'a zero-width space'],
    ['bogus', 'a plain unknown id'],
  ])('%j (%s) is an unknown indicator listing the ids read there', (key) => {
    const e = rubric.evaluate(appraisal({ inputs: { ...scored, [key]: { score: 80 } } }));
    const d = e.diagnostics.find((x) => x.pointer === `/inputs/${key}`);
    expect(d).toMatchObject({ code: 'unknown-indicator', received: key, expected: ['disiplin', 'komitmen'] });
    expect(d?.message.en).toContain('known: ["disiplin","komitmen"]');
    expect(d?.message.id).toContain('yang ada: ["disiplin","komitmen"]');
  });

  it('suggests the id a wrong case or an invisible character hides, and none for a stranger', () => {
    const message = (key: string) =>
      rubric.evaluate(appraisal({ inputs: { ...scored, [key]: { score: 80 } } })).diagnostics[0]?.message;
    expect(message('Komitmen')?.en).toBe(
      'Indicator "Komitmen" is not in the rubric; did you mean "komitmen"; known: ["disiplin","komitmen"].',
    );
    expect(message('komitmen\u200b')?.id).toBe(
      'Indikator "komitmen\\u200b" tidak ada dalam rubrik; mungkin maksudnya "komitmen"; yang ada: ["disiplin","komitmen"].',
    );
    expect(message('komitmn')?.en).toContain('did you mean "komitmen"');
    expect(message('bogus')?.en).not.toContain('did you mean');
  });

  it('names __proto__ as a key like any other (JSON.parse makes it an own property)', () => {
    const input = JSON.parse(
      `{"employee":{"nip":"${NIP}","unit":"u","position":"p"},"period":{"kind":"annual","start":"2023-01-01","end":"2023-12-31"},"inputs":{"__proto__":{"score":1}}}`,
    );
    expect(rubric.evaluate(input).diagnostics).toMatchObject([
      { code: 'unknown-indicator', pointer: '/inputs/__proto__', expected: ['disiplin', 'komitmen'] },
    ]);
  });

  it('under facts, is an unknown fact with the declared facts and the nearest one, at the key in the text', () => {
    const text = JSON.stringify(appraisal({ inputs: scored, facts: { Golongan: 'III/a' } }), null, 1);
    const e = evaluateText(rubric, text, { source: 'a.json' });
    expect(e.diagnostics).toMatchObject([
      {
        code: 'unknown-fact',
        pointer: '/facts/Golongan',
        received: 'Golongan',
        expected: ['golongan'],
        span: { start: { line: text.split('\n').findIndex((l) => l.includes('"Golongan"')) + 1 } },
      },
    ]);
    expect(e.diagnostics[0]?.message.en).toContain('did you mean "golongan"');
  });
});

describe('a value in the wrong form is described in words', () => {
  it('a malformed date, in both languages', () => {
    const e = rubric.evaluate({
      ...appraisal({ inputs: scored }),
      period: { kind: 'annual', start: '2023-1-01', end: '2023-12-31' },
    });
    expect(e.diagnostics).toMatchObject([{ code: 'schema-pattern', pointer: '/period/start' }]);
    expect(e.diagnostics[0]?.message).toEqual({
      id: 'Teks "2023-1-01" tidak sesuai bentuk tanggal YYYY-MM-DD.',
      en: 'Text "2023-1-01" does not have the form a date YYYY-MM-DD.',
    });
  });

  it('no pattern-checked appraisal field shows its regular expression', () => {
    const bad = {
      ...appraisal({ inputs: scored }, { rankSince: '2020/01/01', nip: '12345' }),
      ratings: [{ rater: 'r', role: 'peer', indicator: 'Disiplin', value: 3 }],
    };
    const e = rubric.evaluate(bad);
    expect(e.diagnostics.map((d) => d.pointer).sort()).toEqual([
      '/employee/nip',
      '/employee/rankSince',
      '/ratings/0/indicator',
    ]);
    for (const d of e.diagnostics) {
      expect(d.code).toBe('schema-pattern');
      expect(`${d.message.id} ${d.message.en}`).not.toMatch(/[\\^$]/);
    }
  });
});

describe('rater roles in Indonesian messages', () => {
  it('are the Indonesian words, as the explanation uses them', () => {
    const short = loadRaters(
      '{ kind: raters, roles: { supervisor: { weight: 0.5 }, subordinate: { weight: 0.5, min: 3 } }, whenShort: renormalise }',
    ).evaluate(
      appraisalOf([
        ['s', 'supervisor', 4],
        ['b', 'subordinate', 4],
      ]),
    );
    const roleShort = short.diagnostics.find((d) => d.code === 'role-short');
    expect(roleShort?.message.id).toMatch(/^Peran bawahan hanya memiliki 1 penilaian/);
    expect(roleShort?.message.en).toMatch(/^Role subordinate has 1 ratings/);

    const self = loadRaters(
      '{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.5 } } }',
    ).evaluate(
      appraisalOf([
        ['s', 'supervisor', 4],
        [NIP, 'peer', 4],
      ]),
    );
    const selfRating = self.diagnostics.find((d) => d.code === 'self-rating');
    expect(selfRating?.message.id).toBe(`Pegawai "${NIP}" menilai dirinya sendiri sebagai rekan kerja.`);
    expect(selfRating?.message.en).toBe(`Employee "${NIP}" rates themselves as peer.`);
  });
});
