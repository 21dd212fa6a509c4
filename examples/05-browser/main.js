// @kinerja/core in the browser: paste a rubric (YAML) and an appraisal (JSON), press the button, read the verdict,
// the explanation, or the diagnostics with line:column. Everything runs in the page: no server, no network.
// Bundled by build.mjs (esbuild, platform browser). The YAML is imported as text by esbuild's text loader.
import { evaluateText, explainEvaluation, loadRubric } from '@kinerja/core';
import demoAppraisal from '../data/demo-appraisal.json';
import demoRubric from '../data/demo-pp46.rubric.yaml';

export const DEMO_RUBRIC = demoRubric;
export const DEMO_APPRAISAL = `${JSON.stringify(demoAppraisal, null, 2)}\n`;

/** `rubric.yaml:8:5 error code message` — the diagnostic as an editor would show it. */
export function formatDiagnostic(d, lang = 'id') {
  const at = d.span ? `:${d.span.start.line}:${d.span.start.column}` : '';
  return `${d.source ?? ''}${at} ${d.severity} ${d.code} — ${d.message[lang]}`;
}

/**
 * The whole job, without the DOM: load the rubric text, evaluate the appraisal text, explain. Returns what the page
 * shows. Never throws for anything a user can type.
 */
export function check(rubricText, appraisalText, { lang = 'id', view = 'employee' } = {}) {
  const loaded = loadRubric(rubricText, { source: 'rubric.yaml' });
  if (!loaded.ok) {
    return {
      kind: 'rubric-invalid',
      heading: headings[lang].rubric,
      lines: loaded.diagnostics.map((d) => formatDiagnostic(d, lang)),
    };
  }
  const result = evaluateText(loaded.value, appraisalText, { source: 'appraisal.json' });
  const problems = result.diagnostics.map((d) => formatDiagnostic(d, lang));
  if (result.status === 'invalid') {
    return { kind: 'appraisal-invalid', heading: headings[lang].appraisal, lines: problems };
  }
  const predicate = result.predicate ? `${result.predicate.label[lang]} (${result.predicate.id})` : '—';
  return {
    kind: 'verdict',
    heading: `${headings[lang].predicate}: ${predicate}${result.score !== undefined ? ` · ${headings[lang].score} ${result.score}` : ''}`,
    status: result.status,
    lines: problems,
    explanation: explainEvaluation(result, lang, { view }).trimEnd(),
  };
}

const headings = {
  id: {
    rubric: 'Rubrik tidak dapat dimuat',
    appraisal: 'Penilaian tidak sah',
    predicate: 'Predikat',
    score: 'nilai',
  },
  en: {
    rubric: 'The rubric does not load',
    appraisal: 'The appraisal is invalid',
    predicate: 'Predicate',
    score: 'score',
  },
};

/** Shows a {@link check} result in the page. Only textContent: nothing typed by the user is parsed as HTML. */
export function render(doc, shown) {
  const verdict = doc.getElementById('verdict');
  const diagnostics = doc.getElementById('diagnostics');
  const explanation = doc.getElementById('explanation');
  verdict.textContent = shown.heading;
  verdict.dataset.kind = shown.kind;
  diagnostics.replaceChildren(
    ...shown.lines.map((line) => {
      const li = doc.createElement('li');
      li.textContent = line;
      return li;
    }),
  );
  explanation.textContent = shown.explanation ?? '';
}

/** Wires the page: prefills the two editors with the demo and evaluates on every press of the button. */
export function mount(doc) {
  const rubric = doc.getElementById('rubric');
  const appraisal = doc.getElementById('appraisal');
  const lang = doc.getElementById('lang');
  const view = doc.getElementById('view');
  if (!rubric.value) rubric.value = DEMO_RUBRIC;
  if (!appraisal.value) appraisal.value = DEMO_APPRAISAL;
  const go = () => render(doc, check(rubric.value, appraisal.value, { lang: lang.value, view: view.value }));
  doc.getElementById('evaluate').addEventListener('click', go);
  doc.getElementById('reset').addEventListener('click', () => {
    rubric.value = DEMO_RUBRIC;
    appraisal.value = DEMO_APPRAISAL;
    go();
  });
  go();
}

if (typeof document !== 'undefined' && document.getElementById('kinerja-app')) mount(document);
