/**
 * Summarises a V8 .cpuprofile: self time per function, mapped back to packages/core/src through the dist source
 * map when the function lives in @kinerja/core's dist, and self time per source file.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const maps = new Map();
function sourceMapFor(url) {
  if (!maps.has(url)) {
    let m;
    try {
      const file = fileURLToPath(url);
      m = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      m = undefined;
    }
    maps.set(url, m);
  }
  return maps.get(url);
}

/** '@scope/name' or 'name' of the package a node_modules URL lies in; 'core' for @kinerja/core's dist. */
function packageOf(url) {
  if (/packages\/core\/dist\//.test(url)) return '@kinerja/core';
  const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  return m ? m[1] : undefined;
}

function where(cf) {
  const url = cf.url || '';
  if (!url) return { file: `(${cf.functionName || 'native'})`, line: 0 };
  const map = url.startsWith('file:') ? sourceMapFor(url) : undefined;
  if (map) {
    const e = map.findEntry(cf.lineNumber, cf.columnNumber);
    if (e?.originalSource) {
      const pkg = packageOf(url);
      let src = e.originalSource.replace(/^(\.\.\/)+/, '');
      if (pkg === '@kinerja/core') {
        // tsup bundles dependencies' sources too: name them by package.
        const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(e.originalSource);
        src = dep ? `${dep[1]}: ${dep[2]}` : `packages/core/${src}`;
      } else if (pkg) src = `${pkg}: ${src}`;
      return { file: src, line: e.originalLine + 1 };
    }
  }
  const short = url.includes('node_modules/')
    ? url.replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '')
    : url.startsWith('node:')
      ? url
      : join(basename(dirname(url)), basename(url));
  return { file: short, line: cf.lineNumber + 1 };
}

/** Returns { totalMs, byFunction: [{ name, file, line, ms, pct }], byFile: [{ file, ms, pct }] }. */
export function summarise(path, top = 25) {
  const prof = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = prof.timeDeltas;
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
  }
  let total = 0;
  const fn = new Map();
  const files = new Map();
  for (const [id, us] of self) {
    const n = byId.get(id);
    const name = n.callFrame.functionName || '(anonymous)';
    if (name === '(idle)' || name === '(program)') continue;
    total += us;
    const w = where(n.callFrame);
    const key = `${name}\u0000${w.file}:${w.line}`;
    const cur = fn.get(key) ?? { name, file: w.file, line: w.line, us: 0 };
    cur.us += us;
    fn.set(key, cur);
    files.set(w.file, (files.get(w.file) ?? 0) + us);
  }
  const pct = (us) => (100 * us) / total;
  return {
    totalMs: total / 1000,
    byFunction: [...fn.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, file: f.file, line: f.line, ms: f.us / 1000, pct: pct(f.us) })),
    byFile: [...files.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([file, us]) => ({ file, ms: us / 1000, pct: pct(us) })),
  };
}
