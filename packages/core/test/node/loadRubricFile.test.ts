import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Diagnostic, evaluateText } from '../../src/index.js';
import { fileResolver, loadRubricFile, loadRubricPack } from '../../src/node/index.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const demo = join(repo, 'examples/data/demo-pp46.rubric.yaml');
const demoText = readFileSync(demo, 'utf8');
const at = (d: { span?: { start: { line: number; column: number } } }) =>
  d.span ? `${d.span.start.line}:${d.span.start.column}` : undefined;

const child = (id: string, base: string, overrides = '') =>
  `kinerja: 1\nid: ${id}\nversion: 1.0.0\nlabel: { id: ${id}, en: ${id} }\nextends: ${base}\n${overrides}`;

let dir: string;
const write = (name: string, text: string) => {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-node-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadRubricFile', () => {
  it('loads the demo rubric and evaluates the demo appraisal', () => {
    const r = loadRubricFile(demo);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (!r.ok) throw new Error('demo failed to load');
    expect(r.value.id).toBe('demo-pp46');
    const e = evaluateText(r.value, readFileSync(join(repo, 'examples/data/demo-appraisal.json'), 'utf8'));
    expect(e.status).toBe('complete');
  });

  it('reads a path relative to cwd and keeps it as the source', () => {
    write('demo.rubric.yaml', `${demoText}\nbogus: 1\n`);
    const r = loadRubricFile('demo.rubric.yaml', { cwd: dir });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ source: 'demo.rubric.yaml', code: 'schema-unknown-property' });
    expect(at(r.diagnostics[0] ?? {})).toMatch(/^\d+:1$/);
  });

  it('reports a missing file as file-unreadable, never throwing', () => {
    const r = loadRubricFile('nope.rubric.yaml', { cwd: dir });
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toMatchObject([
      { code: 'file-unreadable', source: 'nope.rubric.yaml', received: 'nope.rubric.yaml' },
    ]);
    expect(r.diagnostics[0]?.message.en).toContain('not found');
  });

  it('reports a directory as file-unreadable', () => {
    mkdirSync(join(dir, 'folder.rubric.yaml'));
    const r = loadRubricFile('folder.rubric.yaml', { cwd: dir });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['file-unreadable']);
  });

  it('ignores a byte-order mark', () => {
    write('bom.rubric.yaml', `\ufeff${demoText}`);
    expect(loadRubricFile('bom.rubric.yaml', { cwd: dir }).ok).toBe(true);
  });
});

describe('extends across files', () => {
  it('resolves a chain of relative files, applying overrides', () => {
    write('base/base.rubric.yaml', demoText);
    write(
      'mid/mid.rubric.yaml',
      child(
        'mid',
        '../base/base.rubric.yaml',
        'overrides: { score: { weights: { skp: 0.7, perilaku: 0.3 } } }\n',
      ),
    );
    write('agency.rubric.yaml', child('agency', './mid/mid.rubric.yaml'));
    const r = loadRubricFile('agency.rubric.yaml', { cwd: dir });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.value.id).toBe('agency');
    expect(r.value.rubric.score).toMatchObject({ weights: { skp: 0.7, perilaku: 0.3 } });
  });

  it('points a problem in an override at the file that wrote it', () => {
    write('base.rubric.yaml', demoText);
    write(
      'agency.rubric.yaml',
      child('agency', 'base.rubric.yaml', 'overrides:\n  score: { weights: { skp: 0.7, perilaku: 0.4 } }\n'),
    );
    const r = loadRubricFile('agency.rubric.yaml', { cwd: dir });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: 'weight-sum', source: 'agency.rubric.yaml' });
    expect(r.diagnostics[0]?.span?.start.line).toBe(7);
  });

  it('finds a pack by id in rubrics/<id>/ above the extending file', () => {
    write('rubrics/demo-pp46/demo-pp46.rubric.yaml', demoText);
    write('rubrics/agency/agency.rubric.yaml', child('agency', 'demo-pp46'));
    const r = loadRubricFile('rubrics/agency/agency.rubric.yaml', { cwd: dir });
    expect(r.ok).toBe(true);
  });

  it('finds an installed @kinerja/rubric-<id> package, honouring kinerja.rubric', () => {
    write(
      'node_modules/@kinerja/rubric-base/package.json',
      JSON.stringify({ name: '@kinerja/rubric-base', kinerja: { rubric: './rubric/main.rubric.yaml' } }),
    );
    write('node_modules/@kinerja/rubric-base/rubric/main.rubric.yaml', demoText);
    write(
      'node_modules/@kinerja/rubric-plain/package.json',
      JSON.stringify({ name: '@kinerja/rubric-plain' }),
    );
    write('node_modules/@kinerja/rubric-plain/plain.rubric.yaml', demoText);
    write('app/a.rubric.yaml', child('a', 'base'));
    write('app/b.rubric.yaml', child('b', 'plain'));
    write('app/c.rubric.yaml', child('c', '"@kinerja/rubric-plain"'));
    for (const f of ['app/a.rubric.yaml', 'app/b.rubric.yaml', 'app/c.rubric.yaml']) {
      const r = loadRubricFile(f, { cwd: dir });
      expect(r.diagnostics, f).toEqual([]);
    }
  });

  it('reports a missing base as extends-not-found at the extends line', () => {
    write('agency.rubric.yaml', child('agency', './missing.rubric.yaml'));
    const r = loadRubricFile('agency.rubric.yaml', { cwd: dir });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'extends-not-found',
      source: 'agency.rubric.yaml',
      pointer: '/extends',
      received: './missing.rubric.yaml',
    });
    expect(at(r.diagnostics[0] ?? {})).toBe('5:10');
  });

  it('refuses ids that are not rubric ids instead of walking the file system with them', () => {
    const resolve = fileResolver({ cwd: dir });
    expect(resolve('../../etc/passwd', undefined)).toBeUndefined();
    expect(resolve('Not An Id', undefined)).toBeUndefined();
  });

  it('reports a cycle at the extends that closes it', () => {
    write('a.rubric.yaml', child('a', './b.rubric.yaml'));
    write('b.rubric.yaml', `# b closes the loop\n${child('b', './a.rubric.yaml')}`);
    const d = loadRubricFile('a.rubric.yaml', { cwd: dir }).diagnostics[0] ?? {};
    expect(d).toMatchObject({ code: 'extends-cycle', pointer: '/extends', source: 'b.rubric.yaml' });
    expect(at(d)).toBe('6:10');
    expect((d as { message?: { en: string } }).message?.en).toContain('a → b → a');
  });
});

describe('an override spelt close to an inherited id', () => {
  const pack = (id: string) => {
    const file = join(repo, 'rubrics', id, `${id}.rubric.yaml`);
    write(`rubrics/${id}/${id}.rubric.yaml`, readFileSync(file, 'utf8'));
  };
  const load = (base: string, overrides: string) => {
    write('rubrics/agency/agency.rubric.yaml', child('agency', base, `overrides:\n${overrides}`));
    return loadRubricFile('rubrics/agency/agency.rubric.yaml', { cwd: dir });
  };
  const seen = (r: ReturnType<typeof load>) =>
    r.diagnostics.map((d) => `${d.code} ${d.pointer} ${at(d)} ${d.source}`);

  it('a misspelt indicator is named at its key in the agency file, with the inherited id it meant', () => {
    pack('permenpanrb-6-2022');
    const r = load(
      'permenpanrb-6-2022',
      '  groups:\n    perilaku:\n      indicators:\n        kolaboratf:\n          measure: { kind: raters, roles: { peer: { weight: 1 } }, map: { baik: 4 } }\n',
    );
    expect(seen(r)).toEqual([
      'override-misspelt-key /overrides/groups/perilaku/indicators/kolaboratf 10:9 rubrics/agency/agency.rubric.yaml',
    ]);
    const d = r.diagnostics[0] as Diagnostic;
    expect(d.received).toBe('kolaboratf');
    expect(d.expected).toEqual([
      'berorientasi-pelayanan',
      'akuntabel',
      'kompeten',
      'harmonis',
      'loyal',
      'adaptif',
      'kolaboratif',
    ]);
    expect(d.message.en).toContain('"kolaboratf" is not an indicator of the base rubric');
    expect(d.message.en).toContain('it lacks "label". Did you mean "kolaboratif"?');
    expect(d.message.id).toContain('"kolaboratf" bukan indikator rubrik induk');
    expect(d.message.id).toContain('"label" tidak ada. Mungkin maksudnya "kolaboratif"?');
  });

  it('likewise a group, an outcome and a fact, each named as what it is', () => {
    pack('permenpanrb-6-2022');
    const r = load(
      'permenpanrb-6-2022',
      [
        '  facts:',
        '    agam: { required: true }',
        '  groups:',
        '    perilak: { description: { id: x, en: x } }',
        '  outcomes:',
        '    pembinan: { label: { id: Pembinaan, en: Coaching } }',
        '',
      ].join('\n'),
    );
    expect(seen(r)).toEqual([
      'override-misspelt-key /overrides/facts/agam 8:5 rubrics/agency/agency.rubric.yaml',
      'override-misspelt-key /overrides/groups/perilak 10:5 rubrics/agency/agency.rubric.yaml',
      'override-misspelt-key /overrides/outcomes/pembinan 12:5 rubrics/agency/agency.rubric.yaml',
    ]);
    const [fact, group, outcome] = r.diagnostics as [Diagnostic, Diagnostic, Diagnostic];
    expect(fact.message.en).toContain('"agam" is not a fact of the base rubric');
    expect(fact.message.en).toContain('lacks "type". Did you mean "agama"?');
    expect(fact.message.id).toContain('"agam" bukan fakta rubrik induk');
    expect(group.message.en).toContain('Did you mean "perilaku"?');
    expect(group.message.id).toContain('bukan grup rubrik induk');
    expect(outcome.message.en).toContain('lacks "kind", "when" and "event". Did you mean "pembinaan"?');
    expect(outcome.message.id).toContain('"kind", "when" dan "event" tidak ada');
    expect(outcome.message.id).toContain('bukan tindak lanjut rubrik induk');
  });

  it('likewise an addition (tugas tambahan, kreativitas)', () => {
    pack('pp-46-2011');
    const r = load(
      'pp-46-2011',
      '  groups:\n    skp:\n      additions:\n        kreatifitas: { weight: 1 }\n',
    );
    expect(seen(r)).toEqual([
      'override-misspelt-key /overrides/groups/skp/additions/kreatifitas 10:9 rubrics/agency/agency.rubric.yaml',
    ]);
    expect(r.diagnostics[0]?.message.en).toContain('not an addition of the base rubric');
    expect(r.diagnostics[0]?.message.en).toContain('Did you mean "kreativitas"?');
  });

  it('a new indicator far from every inherited id, or complete, is added as before', () => {
    pack('permenpanrb-6-2022');
    const indicator = (id: string) =>
      `        ${id}:\n          label: { id: ${id}, en: ${id} }\n          measure: { kind: raters, roles: { peer: { weight: 1 } }, optional: true, map: { baik: 4 }, range: "[1, 5]" }\n`;
    const r = load(
      'permenpanrb-6-2022',
      `  groups:\n    perilaku:\n      indicators:\n${indicator('inovatif')}${indicator('adaptif-2')}`,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (!r.ok) throw new Error('the agency rubric did not load');
    const ids = Object.keys(r.value.rubric.groups.perilaku?.indicators ?? {});
    expect(ids.slice(-3)).toEqual(['kolaboratif', 'inovatif', 'adaptif-2']);
    // Far from every id but incomplete: a new indicator missing its parts, as the schema says.
    const far = load(
      'permenpanrb-6-2022',
      '  groups:\n    perilaku:\n      indicators:\n        inovatif: { description: { id: x, en: x } }\n',
    );
    expect(far.diagnostics.map((d) => d.code)).toEqual(['schema-required', 'schema-required']);
  });
});

describe('loadRubricPack', () => {
  it('loads every rubric of a pack folder by id', () => {
    write('rubrics/demo/demo-pp46.rubric.yaml', demoText);
    write('rubrics/demo/agency.rubric.yaml', child('agency', './demo-pp46.rubric.yaml'));
    const r = loadRubricPack('demo', { cwd: join(dir, 'rubrics') });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.value.map((x) => x.id)).toEqual(['agency', 'demo-pp46']);
  });

  it('reports a pack that is not there', () => {
    const r = loadRubricPack('nothing-here', { cwd: dir });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['file-unreadable']);
  });
});
