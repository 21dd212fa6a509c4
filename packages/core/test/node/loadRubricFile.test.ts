import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateText } from '../../src/index.js';
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
