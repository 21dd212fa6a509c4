/**
 * Kinerja benchmark. `pnpm bench` at the repository root builds the packages, then runs this file:
 *   node run.mjs [--full] [--sizes=1000,10000] [--reps=5] [--seed=N] [--no-profile] [--no-compile] [--out=file.md]
 * 1. checks every peer's verdicts against Kinerja's on the whole of the largest cohort (disagreements are
 *    counted, one example printed: nothing is hidden, nothing is asserted);
 * 2. times each engine × pack × size in its own child process (cell.mjs): warm-up, repetitions, min / median
 *    throughput, peak RSS; ratios to the hand-written function of the same run;
 * 3. times compiling synthetic rubrics of 10 / 100 / 1,000 indicators and the two packs;
 * 4. profiles Kinerja's full evaluation (node --cpu-prof) and summarises the top self-time functions;
 * 5. writes results/latest.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRubric } from '@kinerja/core';
import { chunks, DEFAULT_SEED } from './lib/cohorts.mjs';
import { createEngine, ENGINE_LABEL, ENGINES, zenAvailable } from './lib/engines.mjs';
import { summarise } from './lib/profile-summary.mjs';
import { PACKS, packText } from './lib/rubrics.mjs';
import { syntheticRubric } from './lib/synthetic.mjs';
import { differences, kinerjaVerdict } from './lib/verdict.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const sizes = opt('sizes')
  ? opt('sizes').split(',').map(Number)
  : flag('full')
    ? [1_000, 10_000, 100_000, 1_000_000]
    : [1_000, 10_000, 100_000];
const seed = opt('seed') ? Number(opt('seed')) : DEFAULT_SEED;
const repsFor = (n) => (opt('reps') ? Number(opt('reps')) : n >= 1_000_000 ? 2 : n >= 100_000 ? 3 : 5);
const started = new Date();
const log = (...xs) => console.log(...xs);

const pkgVersion = (name) => {
  try {
    const dir = join(HERE, 'node_modules', ...name.split('/'));
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
};
const zen = await zenAvailable();
const engines = ENGINES.filter((e) => e !== 'zen' || zen.ok);
if (!zen.ok) log(`@gorules/zen-engine does not load here (${zen.error}); its rows are left out, not faked.`);

const git = (...a) => {
  try {
    return execFileSync('git', a, { cwd: HERE, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};
const coreDirty = git(
  'status',
  '--porcelain',
  '--',
  '../packages/core/src',
  '../rubrics/permenpanrb-6-2022',
  '../rubrics/pp-46-2011',
);
const commit = `${git('rev-parse', '--short', 'HEAD') || 'unknown'}${coreDirty ? ' (core or packs modified in the working tree)' : ''}`;
const machine = {
  commit,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  os: `${os.type()} ${os.release()} (${os.arch()})`,
  node: process.version,
  load: os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / '),
  core: pkgVersion('@kinerja/core'),
  jre: pkgVersion('json-rules-engine'),
  zen: pkgVersion('@gorules/zen-engine'),
};
log('machine', machine);

// 1. Equality check, before anything is timed.
const maxSize = Math.max(...sizes);
const checks = {};
for (const pack of PACKS) {
  const kin = await createEngine('kinerja', pack);
  const trusted = await createEngine('kinerja-trusted', pack);
  const scoreOnly = await createEngine('kinerja-score', pack);
  const peers = {};
  for (const e of engines) if (!e.startsWith('kinerja')) peers[e] = await createEngine(e, pack);
  const result = {};
  for (const e of ['kinerja-trusted', 'kinerja-score', ...Object.keys(peers)])
    result[e] = { checked: 0, disagree: 0, paths: {} };
  const statuses = {};
  const predicates = {};
  const t0 = Date.now();
  for (const as of chunks(pack, maxSize, 10_000, seed)) {
    for (const a of as) {
      const expected = kinerjaVerdict(kin.evaluate(a));
      statuses[expected.status] = (statuses[expected.status] ?? 0) + 1;
      predicates[expected.predicate] = (predicates[expected.predicate] ?? 0) + 1;
      const got = {
        'kinerja-trusted': kinerjaVerdict(trusted.evaluate(a)),
        'kinerja-score': kinerjaVerdict(scoreOnly.evaluate(a)),
      };
      for (const [e, p] of Object.entries(peers)) got[e] = p.async ? await p.evaluate(a) : p.evaluate(a);
      for (const [e, v] of Object.entries(got)) {
        const r = result[e];
        r.checked++;
        const d = differences(expected, v);
        if (d.length === 0) continue;
        r.disagree++;
        for (const path of d) r.paths[path] = (r.paths[path] ?? 0) + 1;
        r.example ??= { id: a.id, paths: d, kinerja: expected, peer: v, appraisal: a };
      }
    }
  }
  checks[pack] = { result, statuses, predicates, seconds: (Date.now() - t0) / 1000 };
  log(`check ${pack} (${maxSize} appraisals, ${checks[pack].seconds.toFixed(0)} s):`);
  for (const [e, r] of Object.entries(result)) {
    log(`  ${e}: ${r.disagree} of ${r.checked} differ`, r.disagree ? r.paths : '');
    if (r.example)
      log(
        `    e.g. ${r.example.id}: ${JSON.stringify({ kinerja: r.example.kinerja, peer: r.example.peer })}`,
      );
  }
}

// 2. Throughput, one child process per cell.
const cells = [];
for (const pack of PACKS) {
  for (const size of sizes) {
    for (const engine of engines) {
      const out = execFileSync(
        process.execPath,
        [join(HERE, 'cell.mjs'), engine, pack, String(size), String(repsFor(size)), String(seed)],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      const cell = JSON.parse(out.trim().split('\n').pop());
      cells.push(cell);
      log(
        `${pack} ${size} ${engine}: min ${cell.min.toFixed(0)}/s median ${cell.median.toFixed(0)}/s ` +
          `(${cell.reps} reps) peak RSS ${cell.peakRssMiB.toFixed(0)} MiB`,
      );
    }
  }
}

// 3. Compile time.
const compile = [];
if (!flag('no-compile')) {
  const timeLoad = (text, reps) => {
    for (let i = 0; i < 2; i++) loadRubric(text);
    const ms = [];
    for (let i = 0; i < reps; i++) {
      const t0 = process.hrtime.bigint();
      const r = loadRubric(text);
      ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (!r.ok) throw new Error(r.diagnostics[0].message.en);
    }
    ms.sort((a, b) => a - b);
    return { min: ms[0], median: ms[Math.floor(ms.length / 2)], reps };
  };
  for (const n of [10, 100, 1000]) {
    const text = syntheticRubric(n);
    const t = timeLoad(text, n >= 1000 ? 10 : 30);
    compile.push({ what: `synthetic, ${n} indicators`, n, bytes: text.length, ...t });
    log(
      `compile ${n} indicators: median ${t.median.toFixed(2)} ms (${((t.median * 1000) / n).toFixed(0)} µs/indicator)`,
    );
  }
  for (const pack of PACKS) {
    const text = packText(pack);
    const t = timeLoad(text, 30);
    compile.push({ what: pack, bytes: text.length, ...t });
    log(`compile ${pack}: median ${t.median.toFixed(2)} ms`);
  }
}

// 4. Profile.
const profiles = {};
if (!flag('no-profile')) {
  const dir = join(HERE, 'results', 'profiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const pack of PACKS) {
    const sub = join(dir, pack);
    execFileSync(process.execPath, [
      '--cpu-prof',
      `--cpu-prof-dir=${sub}`,
      join(HERE, 'profile.mjs'),
      pack,
      '2',
    ]);
    const file = readdirSync(sub).find((f) => f.endsWith('.cpuprofile'));
    profiles[pack] = summarise(join(sub, file), 20);
    log(
      `profile ${pack}:`,
      profiles[pack].byFunction
        .slice(0, 8)
        .map((f) => `${f.name} ${f.pct.toFixed(1)}%`)
        .join(', '),
    );
  }
}

// 5. Report.
const fmt = (x) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(x >= 10 ? 1 : 2));
const ratio = (x) => (x >= 0.1 ? `${x.toFixed(2)}×` : `${(x * 100).toFixed(x >= 0.001 ? 2 : 3)} %`);
const md = [];
md.push('# Kinerja benchmark — latest results', '');
md.push(
  `Generated by \`pnpm bench\` (bench/run.mjs) on ${started.toISOString()}; sizes ${sizes.join(', ')}; seed ${seed}.`,
  'Figures are printed, never asserted. See bench/README.md for how each peer is written.',
  '',
);
md.push('## Machine', '', '| | |', '| --- | --- |');
md.push(`| CPU | ${machine.cpu} |`, `| cores | ${machine.cores} |`, `| memory | ${machine.memory} |`);
md.push(`| OS | ${machine.os} |`, `| Node | ${machine.node} |`);
md.push(
  `| load average at start (1 / 5 / 15 min) | ${machine.load} (other work on the machine skews figures) |`,
);
md.push(`| commit | ${machine.commit} |`);
md.push(`| @kinerja/core | ${machine.core} (built dist) |`, `| json-rules-engine | ${machine.jre} |`);
md.push(`| @gorules/zen-engine | ${zen.ok ? machine.zen : `not loadable here: ${zen.error}`} |`, '');
md.push('## Verdict equality (checked before timing)', '');
md.push(
  `Every appraisal of the largest cohort (${maxSize.toLocaleString('en-US')}) is evaluated by Kinerja and by every peer; the`,
  'verdicts (status, score, predikat, group score / rating / suggested rating, outcome met / value, flags) are',
  'compared exactly. A disagreement is counted and one example shown; timing goes on regardless.',
  '',
);
for (const pack of PACKS) {
  const c = checks[pack];
  md.push(`### ${pack}`, '');
  md.push(
    `Kinerja statuses: ${JSON.stringify(c.statuses)}; predikat: ${JSON.stringify(c.predicates)}.`,
    '',
    '| engine | checked | differ | fields that differ |',
    '| --- | ---: | ---: | --- |',
  );
  for (const [e, r] of Object.entries(c.result)) {
    const paths = Object.entries(r.paths)
      .map(([p, n]) => `${p} (${n})`)
      .join(', ');
    md.push(`| ${ENGINE_LABEL[e]} | ${r.checked} | ${r.disagree} | ${paths || '—'} |`);
  }
  md.push('');
  for (const [e, r] of Object.entries(c.result)) {
    if (!r.example) continue;
    md.push(
      `Example (${ENGINE_LABEL[e]}), appraisal \`${r.example.id}\`, differing at ${r.example.paths.join(', ')}:`,
      '',
    );
    const pick = (v) =>
      Object.fromEntries(r.example.paths.map((p) => [p, p.split('.').reduce((o, k) => o?.[k], v)]));
    md.push(
      '```json',
      JSON.stringify({ kinerja: pick(r.example.kinerja), peer: pick(r.example.peer) }),
      '```',
      '',
    );
  }
}
md.push('## Throughput (appraisals per second, one process per cell)', '');
md.push(
  'Warm-up ≥ 1 s, then repetitions over the whole cohort (5 for ≤ 10k, 3 for 100k, 2 for 1M; a cell stops early',
  'once it has used 90 s, after at least 2 repetitions, or 1 at 1M). Only evaluation is timed. Ratio = median ÷',
  'the hand-written median of the',
  'same pack and size in this run. Peak RSS = the child process’s maxRSS, which includes the cohort held in',
  'memory (up to 100k; 1M is generated in 10k chunks); “RSS before” is measured after generating, before timing.',
  '',
);
for (const pack of PACKS) {
  md.push(`### ${pack}`, '');
  md.push('| size | engine | reps | min /s | median /s | ratio to hand-written | RSS before | peak RSS |');
  md.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const size of sizes) {
    const base = cells.find((c) => c.pack === pack && c.size === size && c.engine === 'handwritten');
    for (const c of cells.filter((x) => x.pack === pack && x.size === size)) {
      md.push(
        `| ${size.toLocaleString('en-US')} | ${ENGINE_LABEL[c.engine]} | ${c.reps} | ${fmt(c.min)} | ${fmt(c.median)} | ${ratio(c.median / base.median)} | ${c.rssBeforeMiB.toFixed(0)} MiB | ${c.peakRssMiB.toFixed(0)} MiB |`,
      );
    }
  }
  md.push('');
}
md.push('### Acceptance targets of the issue (at the largest size run)', '');
md.push(
  '| pack | Kinerja full ÷ hand-written (target ≥ 25 %) | Kinerja full ÷ json-rules-engine (target ≥ 50×) | Kinerja full ÷ zen (target ≥ 50×) | score-only ÷ hand-written (target ≥ 50 %) | trusted ÷ hand-written |',
);
md.push('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const pack of PACKS) {
  const at = (e) => cells.find((c) => c.pack === pack && c.size === maxSize && c.engine === e)?.median;
  const k = at('kinerja');
  const zenR = at('zen') ? `${(k / at('zen')).toFixed(2)}×` : 'n/a';
  md.push(
    `| ${pack} | ${((100 * k) / at('handwritten')).toFixed(3)} % | ${(k / at('jre')).toFixed(2)}× | ${zenR} | ${at('kinerja-score') ? `${((100 * at('kinerja-score')) / at('handwritten')).toFixed(3)} %` : 'n/a'} | ${((100 * at('kinerja-trusted')) / at('handwritten')).toFixed(3)} % |`,
  );
}
md.push(
  '',
  'Score-only is `evaluate(a, { scoreOnly: true })`: validated like the full evaluation, explanation left out.',
  '',
);
if (compile.length) {
  md.push('## Compile time (`loadRubric(text)`: parse → validate → resolve → compile)', '');
  md.push('| rubric | YAML bytes | reps | min ms | median ms | median µs per indicator |');
  md.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const c of compile) {
    md.push(
      `| ${c.what} | ${c.bytes.toLocaleString('en-US')} | ${c.reps} | ${c.min.toFixed(2)} | ${c.median.toFixed(2)} | ${c.n ? ((c.median * 1000) / c.n).toFixed(0) : '—'} |`,
    );
  }
  md.push('');
}
for (const [pack, p] of Object.entries(profiles)) {
  md.push(`## Profile: Kinerja \`evaluate(a)\`, ${pack} (10k cohort × 2 passes, node --cpu-prof)`, '');
  md.push(
    `Total sampled time ${fmt(p.totalMs)} ms (includes loading the rubric and generating the cohort).`,
    '',
  );
  md.push(
    '| self % | self ms | function | source (mapped through the dist source map) |',
    '| ---: | ---: | --- | --- |',
  );
  for (const f of p.byFunction)
    md.push(`| ${f.pct.toFixed(1)} | ${fmt(f.ms)} | \`${f.name}\` | ${f.file}:${f.line} |`);
  md.push('', '| self % | source file |', '| ---: | --- |');
  for (const f of p.byFile) md.push(`| ${f.pct.toFixed(1)} | ${f.file} |`);
  md.push('');
}
const outFile = opt('out') ?? join(HERE, 'results', 'latest.md');
writeFileSync(outFile, `${md.join('\n')}\n`);
log(`wrote ${outFile} in ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s`);
