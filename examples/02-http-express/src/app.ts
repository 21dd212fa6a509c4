import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRubricFile } from '@kinerja/core/node';
import { createKinerjaHandler } from '@kinerja/http';
import express, { type Express } from 'express';
import { mountFetchHandler } from './fetchAdapter.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * An Express app as a government portal might already have one (its own routes, its own pages), with Kinerja
 * mounted under `/api/kinerja`: its endpoints are `/api/kinerja/v1/evaluate`, `/api/kinerja/v1/rubrics`, ….
 */
export function createApp(options: { maxBodyBytes?: number } = {}): Express {
  const rubric = loadRubricFile(join(here, '../../data/demo-pp46.rubric.yaml'));
  if (!rubric.ok) throw new Error(rubric.diagnostics.map((d) => d.code).join(', '));
  const kinerja = createKinerjaHandler({
    rubrics: [rubric.value],
    basePath: '/api/kinerja/v1',
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
  });

  const app = express();
  app.disable('x-powered-by');
  // The portal's own routes.
  app.get('/', (_req, res) => {
    res.type('text/plain').send('Portal kepegawaian\n');
  });
  // Kinerja, before any body parser.
  app.use('/api/kinerja', mountFetchHandler(kinerja));
  // The portal's own JSON API may use express.json() after it.
  app.use(express.json());
  app.post('/api/portal/echo', (req, res) => {
    res.json(req.body);
  });
  return app;
}
