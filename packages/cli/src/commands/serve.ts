import type { CompiledRubric, Diagnostic } from '@kinerja/core';
import { loadRubricFile, loadRubricPack } from '@kinerja/core/node';
import { createKinerjaHandler, defaultMaxBodyBytes } from '@kinerja/http';
import { serveNode } from '@kinerja/http/node';
import type { CliIo } from '../CliIo.js';
import { detectLang } from '../detectLang.js';
import { ExitCode } from '../exitCodes.js';
import { formatDiagnostic } from '../formatDiagnostic.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { UsageError } from '../UsageError.js';
import type { Command } from './Command.js';

const help = `Usage: kinerja serve --rubric <file|pack>... [options]

Serves the Kinerja HTTP API (POST /v1/evaluate, POST /v1/validate, GET /v1/rubrics, /v1/health,
/v1/openapi.json) until SIGINT (Ctrl-C) or SIGTERM. Binds 127.0.0.1 unless --host says otherwise.

Options:
  -r, --rubric <file|pack>  a rubric file (*.rubric.yaml) or a pack (id such as pp-46-2011, or a folder);
                            repeat for several (required)
  -p, --port <n>            TCP port, 0 for any free one (default 8080)
  --host <address>          interface to bind (default 127.0.0.1; 0.0.0.0 exposes it to the network)
  --max-body-bytes <n>      largest request body (default ${defaultMaxBodyBytes})
  --lang id|en              language of start-up messages (default: from LANG)
  -h, --help                show this help

Prints "Listening on <url>" ("Mendengarkan di <url>" with --lang id) once ready. Exit codes: 0 stopped by a signal, 1 a rubric is invalid,
2 usage error, unreadable rubric or port in use.`;

function parseServeArgs(args: readonly string[]) {
  return parseCommandArgs('serve', args, {
    rubric: { type: 'string', short: 'r', multiple: true },
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    'max-body-bytes': { type: 'string' },
    lang: { type: 'string' },
  });
}

function integer(
  flag: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(
      {
        id: `${flag} harus bilangan bulat dari ${min} sampai ${max}, bukan "${value}"`,
        en: `${flag} must be a whole number from ${min} to ${max}, not "${value}"`,
      },
      'serve',
    );
  }
  return n;
}

/**
 * Runs `kinerja serve` until `signal` aborts; resolves to the exit code once the server has closed. The command
 * wires SIGINT/SIGTERM to the signal; tests and embedders pass their own.
 */
export async function runServe(args: readonly string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parseServeArgs(args);
  if (values.help) {
    io.stdout.write(`${help}\n`);
    return ExitCode.ok;
  }
  const lang = detectLang(values.lang, io.env);
  if (positionals.length > 0) {
    throw new UsageError(
      {
        id: `argumen "${positionals[0]}" tidak terduga (rubrik ditulis setelah --rubric)`,
        en: `unexpected argument "${positionals[0]}" (rubrics go after --rubric)`,
      },
      'serve',
    );
  }
  const sources = values.rubric ?? [];
  if (sources.length === 0)
    throw new UsageError(
      { id: '--rubric <berkas|paket> wajib diisi', en: '--rubric <file|pack> is required' },
      'serve',
    );
  const port = integer('--port', values.port, 8080, 0, 65535);
  const host = values.host ?? '127.0.0.1';
  const maxBodyBytes = integer('--max-body-bytes', values['max-body-bytes'], defaultMaxBodyBytes, 1, 2 ** 31);

  const rubrics: CompiledRubric[] = [];
  const from = new Map<string, string>();
  let invalid = false;
  let unreadable = false;
  for (const source of sources) {
    const isFile = /\.ya?ml$/i.test(source);
    const loaded = isFile ? loadRubricFile(source, { cwd: io.cwd }) : loadRubricPack(source, { cwd: io.cwd });
    const diagnostics: Diagnostic[] = loaded.diagnostics;
    for (const d of diagnostics) io.stderr.write(`${formatDiagnostic(d, lang)}\n`);
    if (!loaded.ok) {
      if (diagnostics.some((d) => d.code === 'file-unreadable')) unreadable = true;
      else invalid = true;
      continue;
    }
    for (const r of Array.isArray(loaded.value) ? loaded.value : [loaded.value]) {
      const seen = from.get(r.id);
      if (seen !== undefined) {
        throw new UsageError(
          {
            id: `rubrik "${r.id}" dimuat dua kali (dari ${seen} dan ${source})`,
            en: `rubric id "${r.id}" is loaded twice (from ${seen} and ${source})`,
          },
          'serve',
        );
      }
      from.set(r.id, source);
      rubrics.push(r);
    }
  }
  if (unreadable) return ExitCode.usage;
  if (invalid) return ExitCode.invalid;

  const debug = io.env.KINERJA_DEBUG === '1';
  const report = (error: unknown) => {
    const text =
      error instanceof Error ? (debug && error.stack ? error.stack : error.message) : String(error);
    io.stderr.write(`kinerja serve: internal error: ${text}\n`);
  };
  const handler = createKinerjaHandler({ rubrics, maxBodyBytes, onError: report });
  if (signal.aborted) return ExitCode.ok;
  let server: Awaited<ReturnType<typeof serveNode>>;
  try {
    server = await serveNode(handler, { port, host, maxBodyBytes, onError: report });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      io.stderr.write(
        lang === 'id'
          ? `kinerja: tidak dapat mendengarkan di ${host}:${port}: ${code}\n`
          : `kinerja: cannot listen on ${host}:${port}: ${code}\n`,
      );
      return ExitCode.usage;
    }
    throw error;
  }
  const ids = rubrics.map((r) => r.id).join(', ');
  // The URL stays whole and unquoted in both languages, so a script can take it from the first line.
  io.stdout.write(
    lang === 'id'
      ? `Mendengarkan di ${server.url}/v1 (rubrik: ${ids})\nCoba: curl ${server.url}/v1/health\n`
      : `Listening on ${server.url}/v1 (${rubrics.length === 1 ? 'rubric' : 'rubrics'}: ${ids})\nTry: curl ${server.url}/v1/health\n`,
  );
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.close();
  io.stderr.write(lang === 'id' ? 'kinerja serve: berhenti\n' : 'kinerja serve: stopped\n');
  return ExitCode.ok;
}

/** `kinerja serve`: the HTTP API on node:http, until SIGINT or SIGTERM. */
export const serveCommand: Command = {
  name: 'serve',
  help,
  async run(args, io) {
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      return await runServe(args, io, controller.signal);
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  },
};
