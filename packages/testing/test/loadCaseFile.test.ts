import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCaseFile } from '../src/loadCaseFile.js';

const dir = mkdtempSync(join(tmpdir(), 'kinerja-cases-'));
let n = 0;
const write = (text: string) => {
  const p = join(dir, `c${n++}.cases.yaml`);
  writeFileSync(p, text);
  return p;
};
const good = `
  - name: a
    note: 100/100 = 100, band [91, inf)
    appraisal: { id: x1 }
    expect: { predicate: baik }`;

describe('loadCaseFile polices its cases', () => {
  it('loads a good file and merges defaults', () => {
    const f = loadCaseFile(
      write(
        `rubric: r.rubric.yaml\ndefaults: { appraisal: { id: base, period: { kind: annual } } }\ncases:${good}`,
      ),
    );
    expect(f.cases).toHaveLength(1);
    expect(f.cases[0]?.appraisal).toEqual({ id: 'x1', period: { kind: 'annual' } });
    expect(f.rubric).toBe(join(dir, 'r.rubric.yaml'));
  });
  it('refuses an empty suite', () => {
    expect(() => loadCaseFile(write('rubric: r.yaml\ncases: []'))).toThrow(/no cases/);
  });
  it('refuses duplicate names', () => {
    expect(() =>
      loadCaseFile(write(`rubric: r.yaml\ncases:${good}${good.replace('id: x1', 'id: x2')}`)),
    ).toThrow(/duplicate case name "a"/);
  });
  it('refuses duplicate appraisals under different names', () => {
    expect(() =>
      loadCaseFile(write(`rubric: r.yaml\ncases:${good}${good.replace('name: a', 'name: b')}`)),
    ).toThrow(/same appraisal as "a"/);
  });
  it('refuses unknown fields, with line numbers', () => {
    expect(() =>
      loadCaseFile(write(`rubric: r.yaml\ncases:${good.replace('predicate:', 'predikat:')}`)),
    ).toThrow(/c\d+\.cases\.yaml:6:\d+ unknown expectation "predikat"/);
    expect(() => loadCaseFile(write(`rubric: r.yaml\ncases:${good}\n    expected: {}`))).toThrow(
      /unknown key "expected"/,
    );
  });
  it('refuses a case without a note or without expectations', () => {
    expect(() => loadCaseFile(write(`rubric: r.yaml\ncases:${good.replace(/note: .*/, 'note: x')}`))).toThrow(
      /needs a note/,
    );
    expect(() =>
      loadCaseFile(write(`rubric: r.yaml\ncases:${good.replace(/expect: .*/, 'expect: {}')}`)),
    ).toThrow(/expects nothing/);
  });
});
