import { type CliIo, processIo } from './CliIo.js';
import type { Command } from './commands/Command.js';
import { langFromArgs } from './detectLang.js';
import { ExitCode } from './exitCodes.js';
import { OutputError, UsageError } from './UsageError.js';
import { version } from './version.js';

/** A subcommand as the top-level help lists it; its module is imported only when it runs. */
interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

// Each command's module is loaded on demand: `kinerja evaluate` should not pay, in start-up time or in memory
// held for a whole batch, for the fairness laws (fast-check) or the HTTP server it does not use.
const commands: readonly CommandEntry[] = [
  {
    name: 'validate',
    summary: 'check rubric files and print their problems with line:column',
    load: async () => (await import('./commands/validate.js')).validateCommand,
  },
  {
    name: 'evaluate',
    summary: 'evaluate appraisals (JSON, or JSON/NDJSON/CSV/XLSX batches) against a rubric',
    load: async () => (await import('./commands/evaluate.js')).evaluateCommand,
  },
  {
    name: 'explain',
    summary: 'explain how one appraisal reached its verdict',
    load: async () => (await import('./commands/explain.js')).explainCommand,
  },
  {
    name: 'schema',
    summary: 'print the JSON Schema of rubrics or appraisals',
    load: async () => (await import('./commands/schema.js')).schemaCommand,
  },
  {
    name: 'check',
    summary: 'run the fairness laws on rubrics or packs',
    load: async () => (await import('./commands/check.js')).checkCommand,
  },
  {
    name: 'audit',
    summary: 'audit a scored cohort for rater bias, disparity and the distribution curve',
    load: async () => (await import('./commands/audit.js')).auditCommand,
  },
  {
    name: 'serve',
    summary: 'serve the HTTP API (evaluate, validate, rubrics) on 127.0.0.1',
    load: async () => (await import('./commands/serve.js')).serveCommand,
  },
];

const help = `Usage: kinerja <command> [options]

Scores Indonesian civil-servant (ASN) appraisals against rubrics written in YAML.

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)}${c.summary}`).join('\n')}

Options:
  -h, --help     show help (also after a command: kinerja evaluate --help, or kinerja help evaluate)
  -v, --version  print the version

Exit codes: 0 ok, 1 invalid input, 2 usage error, unreadable input or unwritable output (e.g. a full disk),
3 internal error.`;

const helpHint = {
  id: (command: string) => `Jalankan "kinerja ${command}--help" untuk cara pakai.`,
  en: (command: string) => `Run "kinerja ${command}--help" for usage.`,
};

function reportInternal(error: unknown, io: CliIo): number {
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`kinerja: internal error: ${message}\n`);
  io.stderr.write('This is a bug in Kinerja; please report it with the command you ran and its inputs.\n');
  if (io.env.KINERJA_DEBUG === '1' && error instanceof Error && error.stack) {
    io.stderr.write(`${error.stack}\n`);
  } else {
    io.stderr.write('Run again with KINERJA_DEBUG=1 to print the stack trace.\n');
  }
  return ExitCode.internal;
}

/**
 * Runs `kinerja` with the arguments after the program name (`process.argv.slice(2)`) and resolves to the exit
 * code. Never throws and never calls `process.exit`, so it can run in-process (tests, other tools): a user's
 * mistake is one line on stderr and code 1 or 2; anything else is reported as an internal error, code 3.
 *
 * @example
 * process.exitCode = await main(['validate', 'skp.rubric.yaml']);
 */
export async function main(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = args;
  const lang = langFromArgs(args, io.env);
  let running: string | undefined;
  try {
    if (name === 'help' && rest.length > 0) {
      // `kinerja help evaluate` is how git and npm spell `kinerja evaluate --help`.
      const [topic, ...extra] = rest;
      const command = commands.find((c) => c.name === topic);
      if (!command || extra.length > 0)
        throw new UsageError({
          id: `tidak ada bantuan untuk "${rest.join(' ')}"; perintah: ${commands.map((c) => c.name).join(', ')}`,
          en: `no help for "${rest.join(' ')}"; commands: ${commands.map((c) => c.name).join(', ')}`,
        });
      io.stdout.write(`${(await command.load()).help}\n`);
      return ExitCode.ok;
    }
    if (name === '-h' || name === '--help' || name === 'help') {
      io.stdout.write(`${help}\n`);
      return ExitCode.ok;
    }
    if (name === '-v' || name === '--version') {
      io.stdout.write(`${version}\n`);
      return ExitCode.ok;
    }
    if (name === undefined) {
      io.stderr.write(`${help}\n`);
      return ExitCode.usage;
    }
    const command = commands.find((c) => c.name === name);
    if (!command) {
      throw new UsageError(
        name.startsWith('-')
          ? {
              id: `opsi "${name}" tidak dikenal sebelum perintah`,
              en: `unknown option "${name}" before the command`,
            }
          : { id: `perintah "${name}" tidak dikenal`, en: `unknown command "${name}"` },
      );
    }
    running = command.name;
    return await (await command.load()).run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`kinerja: ${error.texts[lang]}\n`);
      // Helpers shared by commands (flag checks, reading inputs) do not know which command called them.
      const command = error.command ?? running;
      io.stderr.write(`${helpHint[lang](command ? `${command} ` : '')}\n`);
      return ExitCode.usage;
    }
    if (error instanceof OutputError) {
      io.stderr.write(`kinerja: ${error.texts()[lang]}\n`);
      return ExitCode.usage;
    }
    return reportInternal(error, io);
  }
}
