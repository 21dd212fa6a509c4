import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { type HTMLElement, type HTMLSelectElement, type HTMLTextAreaElement, Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../build.mjs';
import type * as Page from '../main.js';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const coreDist = join(here, '../../packages/core/dist/index.js');
const demoRubric = readFileSync(join(here, '../data/demo-pp46.rubric.yaml'), 'utf8');

/** A static `import … from`, `import(…)`, `export … from` or `require(…)` of a Node built-in, in any spelling. */
const builtins = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/[/]/g, '\\/'));
const NODE_IMPORT = new RegExp(
  `(?:\\bfrom\\s*|\\bimport\\s*\\(\\s*|\\brequire\\s*\\(\\s*)["'](?:node:[\\w/]+|(?:${builtins.join('|')}))["']`,
);

/**
 * Code made from a string at run time (`new Function`, `Function(…)`, `eval(…)`): what a Content-Security-Policy
 * without 'unsafe-eval' refuses. Core's JSON Schema validators are generated ahead of time, so none may be left.
 */
const RUNTIME_CODEGEN = /\bnew\s+Function\b|\bFunction\s*\(|\beval\s*\(/;

/** line:column of the first occurrence of `needle` in `text`, 1-based. */
function positionOf(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

let outdir: string;
let built: Awaited<ReturnType<typeof build>>;

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'kinerja-browser-'));
  // Core from its TypeScript sources (the "source" condition): the test needs no `pnpm build` first.
  built = await build({ outdir, source: true });
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('(a) the browser bundle', () => {
  it('builds for platform browser with no externals and no Node built-in anywhere in it', () => {
    expect(built.warnings).toEqual([]);
    const inputs = Object.keys(built.metafile.inputs);
    expect(inputs.some((f) => f.includes('packages/core/src/index.ts'))).toBe(true);
    expect(inputs.filter((f) => f.includes('packages/core/src/node/'))).toEqual([]);
    expect(inputs.filter((f) => f.startsWith('node:') || f.includes('(disabled)'))).toEqual([]);
    expect(built.app).not.toMatch(NODE_IMPORT);
    // CSP-safe: no code made from strings, and no JSON Schema compiler in the page at all.
    expect(built.app).not.toMatch(RUNTIME_CODEGEN);
    expect(inputs.filter((f) => f.includes('node_modules/ajv/'))).toEqual([]);
    expect(built.app).toMatch(/\bexport\s*\{/); // an ES module
    // The page inlines the same module, so it runs when opened from disk (file://).
    expect(built.html).toContain('<script type="module">');
    expect(built.html).not.toContain('src="./app.js"');
    expect(built.html).toContain(built.app.slice(0, 2000));
  });

  it('the check has teeth: @kinerja/core/node does NOT build for the browser', async () => {
    // "…built into node. Are you trying to bundle for node?": what a node: import in core's "." would cause.
    const attempt = esbuild.build({
      stdin: { contents: "import '@kinerja/core/node';", resolveDir: here },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      conditions: ['source'],
      write: false,
      logLevel: 'silent',
    });
    await expect(attempt).rejects.toThrow(/node:/);
  });

  it('the CSP check has teeth: ajv compiling a schema in the page does NOT pass it', async () => {
    const ajvPage = await esbuild.build({
      stdin: {
        contents: "import Ajv from 'ajv'; export const v = new Ajv().compile({ type: 'string' });",
        resolveDir: join(here, '../../packages/core'),
      },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    expect(ajvPage.outputFiles[0]?.text).toMatch(RUNTIME_CODEGEN);
  });

  it.skipIf(!existsSync(coreDist))(
    'builds the same way from the built dist/ (the README command)',
    async () => {
      const fromDist = await build({ outdir: join(outdir, 'from-dist') });
      const inputs = Object.keys(fromDist.metafile.inputs);
      expect(inputs.some((f) => f.includes('packages/core/dist/index.js'))).toBe(true);
      expect(inputs.some((f) => f.includes('packages/core/src/'))).toBe(false);
      expect(fromDist.app).not.toMatch(NODE_IMPORT);
      expect(fromDist.app).not.toMatch(RUNTIME_CODEGEN);
    },
  );

  it('the ES module exports the page logic, which works without any DOM', async () => {
    const page = (await import(pathToFileURL(join(outdir, 'app.js')).href)) as typeof Page;
    const shown = page.check(page.DEMO_RUBRIC, page.DEMO_APPRAISAL, { lang: 'en' });
    expect(shown.kind).toBe('verdict');
    expect(shown.heading).toBe('Predicate: Very good (sangat-baik) · score 91');
  });
});

describe('(b) the page, in a window with only web globals', () => {
  let window: Window;
  let document: Window['document'];
  const $ = <T = HTMLElement>(id: string) => document.getElementById(id) as unknown as T;
  const press = (rubric: string, appraisal: string) => {
    $<HTMLTextAreaElement>('rubric').value = rubric;
    $<HTMLTextAreaElement>('appraisal').value = appraisal;
    $('evaluate').click();
    return {
      verdict: $('verdict').textContent,
      kind: $('verdict').dataset.kind,
      diagnostics: [...document.querySelectorAll('#diagnostics li')].map((li) => li.textContent),
      explanation: $('explanation').textContent,
    };
  };

  beforeAll(async () => {
    // happy-dom runs page scripts in a VM context whose globals are the window: no process, no require. Its own
    // ES-module loader is a source transform that cannot parse a minified 400 KB bundle, so the same bundle is
    // handed over as a classic script (esbuild converts the module's exports to one global, nothing else).
    const { code } = await esbuild.transform(built.app, { format: 'iife', globalName: 'KinerjaPage' });
    const markup = readFileSync(join(here, 'index.html'), 'utf8');
    expect(markup).toContain('<script type="module" src="./app.js"></script>');
    const html = markup.replace(
      '<script type="module" src="./app.js"></script>',
      () => `<script>${code.replace(/<\/script/gi, '<\\/script')}</script>`,
    );
    window = new Window({
      url: 'http://localhost/',
      settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
    });
    document = window.document;
    document.write(html);
    await window.happyDOM.waitUntilComplete();
  });
  afterAll(() => window.happyDOM.close());

  it('has no Node globals where the bundle runs', () => {
    expect(window.eval('[typeof process, typeof require, typeof module, typeof global].join()')).toBe(
      'undefined,undefined,undefined,undefined',
    );
    // …and the bundle did run there: it mounted itself on the page's #kinerja-app.
    expect(document.getElementById('verdict')?.textContent).not.toBe('');
  });

  it('prefills the demo rubric and appraisal and shows the verdict on load', () => {
    expect($<HTMLTextAreaElement>('rubric').value).toBe(demoRubric);
    expect(JSON.parse($<HTMLTextAreaElement>('appraisal').value)).toEqual(
      JSON.parse(readFileSync(join(here, '../data/demo-appraisal.json'), 'utf8')),
    );
    expect($('verdict').textContent).toBe('Predikat: Sangat Baik (sangat-baik) · nilai 91');
    expect($('explanation').textContent).toContain('Predikat: Sangat Baik ← [91, inf)');
  });

  it('evaluates what the user typed when the button is pressed', () => {
    const appraisal = $<HTMLTextAreaElement>('appraisal').value.replace('"quality": 90', '"quality": 60');
    const shown = press(demoRubric, appraisal);
    expect(shown.kind).toBe('verdict');
    expect(shown.verdict).toMatch(/^Predikat: Baik \(baik\) · nilai \d+/);
    // English, auditor's view.
    $<HTMLSelectElement>('lang').value = 'en';
    const en = press(demoRubric, appraisal);
    expect(en.verdict).toMatch(/^Predicate: Good \(baik\)/);
    $<HTMLSelectElement>('lang').value = 'id';
  });

  it('shows a broken rubric as diagnostics with line:column, and no verdict', () => {
    const broken = demoRubric.replace('    round:', '    rond:');
    expect(positionOf(broken, 'rond:')).toBe('22:5');
    const shown = press(broken, $<HTMLTextAreaElement>('appraisal').value);
    expect(shown.kind).toBe('rubric-invalid');
    expect(shown.verdict).toBe('Rubrik tidak dapat dimuat');
    expect(shown.diagnostics).toEqual([
      expect.stringMatching(/^rubric\.yaml:22:5 error schema-unknown-property — .*"rond"/),
    ]);
    expect(shown.explanation).toBe('');
  });

  it('shows a broken appraisal (JSON syntax, then a wrong type) with line:column', () => {
    const good = JSON.stringify(
      JSON.parse(readFileSync(join(here, '../data/demo-appraisal.json'), 'utf8')),
      null,
      2,
    );
    const syntax = press(demoRubric, good.replace('"quality": 90,', '"quality": 90'));
    expect(syntax.kind).toBe('appraisal-invalid');
    expect(syntax.diagnostics[0]).toMatch(/^appraisal\.json:\d+:\d+ error json-syntax/);

    const typed = good.replace('"quality": 90', '"quality": "sembilan puluh"');
    const at = positionOf(typed, '"sembilan puluh"');
    const wrong = press(demoRubric, typed);
    expect(wrong.kind).toBe('appraisal-invalid');
    expect(wrong.diagnostics.some((l) => l.startsWith(`appraisal.json:${at} error `))).toBe(true);
  });

  it('never turns typed text into markup', () => {
    const shown = press(demoRubric.replace('id: Demo', 'id: <img src=x onerror=alert(1)>'), '{}');
    expect(document.querySelector('#diagnostics img, #verdict img, #explanation img')).toBeNull();
    expect(shown.kind).toBe('appraisal-invalid');
  });
});
