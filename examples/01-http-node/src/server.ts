import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadRubricFile } from '@kinerja/core/node';
import { createKinerjaHandler } from '@kinerja/http';
import { type NodeServer, serveNode } from '@kinerja/http/node';

const here = dirname(fileURLToPath(import.meta.url));
/** The demo rubric shared by the examples. */
export const demoRubricPath = join(here, '../../data/demo-pp46.rubric.yaml');

/**
 * Loads the rubric once, builds the Fetch handler, and serves it on node:http (127.0.0.1 unless told otherwise).
 * Port 0 picks a free port; read it back from `server.port`.
 */
export async function startServer(options: { port?: number; host?: string } = {}): Promise<NodeServer> {
  const rubric = loadRubricFile(demoRubricPath);
  if (!rubric.ok) throw new Error(rubric.diagnostics.map((d) => `${d.code} ${d.message.en}`).join('\n'));
  const handler = createKinerjaHandler({
    rubrics: [rubric.value],
    onError: (error) => console.error('kinerja: internal error', error),
  });
  return serveNode(handler, { port: options.port ?? 8080, ...(options.host ? { host: options.host } : {}) });
}

// `pnpm serve`: run until Ctrl-C.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startServer({ port: Number(process.env.PORT ?? 8080) });
  console.log(`Listening on ${server.url}/v1`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
