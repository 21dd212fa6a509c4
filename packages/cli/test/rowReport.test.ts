import { createDiagnostic, type Evaluation } from '@kinerja/core';
import { describe, expect, it } from 'vitest';
import { rowReport } from '../src/batch/rowReport.js';

const evaluation = (diagnostics: Evaluation['diagnostics']): Evaluation => ({
  rubric: { id: 'r', version: '1.0.0', fingerprint: 'sha256:0' },
  appraisal: {},
  status: 'invalid',
  groups: {},
  outcomes: {},
  flags: [],
  diagnostics,
});

describe('row reports', () => {
  const columns = new Map([['/employee/unit', 'Unit Kerja']]);

  it('names the portal column of an engine error found at a mapped pointer', () => {
    const d = createDiagnostic({ code: 'missing-input', pointer: '/employee/unit', source: 'x.csv:4' });
    const text = rowReport({ ref: 'x.csv:4', row: 4, evaluation: evaluation([d]), columns }, 'en');
    expect(text).toContain('[column "Unit Kerja"]');
  });

  it('does not name the column twice when the message already names it', () => {
    const d = createDiagnostic({
      code: 'group-disagrees',
      pointer: '/employee/unit',
      source: 'x.csv:4',
      received: 'Dinas B',
      expected: 'Dinas A',
      params: { column: 'Unit Kerja', first: 'x.csv:2' },
    });
    const text = rowReport({ ref: 'x.csv:4', row: 4, evaluation: evaluation([d]), columns }, 'en');
    expect(text.match(/Unit Kerja/g)).toHaveLength(1);
  });
});
