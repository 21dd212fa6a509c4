import { fileURLToPath } from 'node:url';
import { loadRubric } from '@kinerja/core';
import { fileResolver } from '@kinerja/core/node';
import { describe, expect, it } from 'vitest';

const packDir = fileURLToPath(new URL('..', import.meta.url));

// UU 20/2023 tentang ASN, prinsip meritokrasi: suku, ras, warna kulit, agama, asal-usul, jenis kelamin, status
// pernikahan, umur (and the date of birth it is computed from), berkebutuhan khusus.
const MERIT_ATTRIBUTES = [
  'agama',
  'asal-usul',
  'berkebutuhan-khusus',
  'jenis-kelamin',
  'ras',
  'status-pernikahan',
  'suku',
  'tanggal-lahir',
  'umur',
  'warna-kulit',
];

/** An agency rubric built on the pack, as the Kupang packs are, with these override lines. */
function agency(...overrides: string[]) {
  const text = [
    'kinerja: 1',
    'id: agency-test',
    'version: 0.0.1',
    'label: { id: Uji, en: Test }',
    'extends: ./permenpanrb-6-2022.rubric.yaml',
    ...(overrides.length > 0 ? ['overrides:', ...overrides] : []),
    '',
  ].join('\n');
  return loadRubric(text, {
    source: `${packDir}agency.rubric.yaml`,
    resolve: fileResolver({ cwd: packDir }),
  });
}

/** Its award outcome reads one attribute (line 9), as a biased edit would. */
function agencyReading(fact: string) {
  return agency(
    '  outcomes:',
    '    suksesi:',
    `      when: { fact: facts, path: $.${fact}, operator: equal, value: x }`,
  );
}

describe('protected attributes of permenpanrb-6-2022', () => {
  it('declares every attribute of the merit principle protected and optional, inherited by an agency rubric', () => {
    const loaded = agency();
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const facts = loaded.value.rubric.facts ?? {};
    const declared = Object.keys(facts)
      .filter((k) => facts[k]?.protected === true)
      .sort();
    expect(declared).toEqual(MERIT_ATTRIBUTES);
    for (const k of declared) expect(facts[k]?.required, k).toBe(false);
  });

  it.each(MERIT_ATTRIBUTES)('refuses an agency rubric whose rule reads %s, at the reading line', (fact) => {
    const loaded = agencyReading(fact);
    expect(loaded.ok).toBe(false);
    const found = loaded.diagnostics.find((d) => d.code === 'protected-fact');
    expect(found?.received).toBe(`facts.${fact}`);
    expect(found?.source).toBe(`${packDir}agency.rubric.yaml`);
    expect(found?.span?.start.line).toBe(9);
    expect(found?.message.id).toContain(`facts.${fact}`);
  });
});
