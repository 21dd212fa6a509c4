import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Evaluation } from '@kinerja/core';
import { startServer } from './server.js';

const here = dirname(fileURLToPath(import.meta.url));
const appraisalPath = join(here, '../../data/demo-appraisal.json');

/**
 * Starts the server on a free loopback port, calls it with fetch the way any client would (health, one
 * evaluation, one malformed request), prints what came back, and stops the server.
 */
export async function run(log: (line: string) => void = console.log): Promise<void> {
  const server = await startServer({ port: 0 });
  try {
    const api = `${server.url}/v1`;
    log(`server: ${api}`);

    const health = await fetch(`${api}/health`);
    log(`GET /v1/health -> ${health.status} ${JSON.stringify(await health.json())}`);

    const res = await fetch(`${api}/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: readFileSync(appraisalPath, 'utf8'),
    });
    const evaluation = (await res.json()) as Evaluation;
    log(
      `POST /v1/evaluate -> ${res.status} status=${evaluation.status} score=${evaluation.score} ` +
        `predikat=${evaluation.predicate?.label.id}`,
    );

    const bad = await fetch(`${api}/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{\n  "employee": {,\n}',
    });
    const { diagnostics } = (await bad.json()) as { diagnostics: Evaluation['diagnostics'] };
    const d = diagnostics[0];
    log(
      `POST /v1/evaluate (malformed) -> ${bad.status} ${d?.code} at ${d?.span?.start.line}:${d?.span?.start.column}`,
    );
  } finally {
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
