#!/usr/bin/env node
import { langFromArgs } from './detectLang.js';
import { main } from './main.js';
import { onStdoutError } from './stdoutError.js';

const args = process.argv.slice(2);
process.stdout.on('error', (error: NodeJS.ErrnoException) =>
  onStdoutError(
    error,
    langFromArgs(args, process.env),
    process.stderr,
    (code) => process.exit(code),
    typeof process.exitCode === 'number' ? process.exitCode : undefined,
  ),
);

process.exitCode = await main(args);
