import { resolve } from 'node:path';
import { statPath } from './statPath.js';
import { UsageError } from './UsageError.js';

/** A file the command reads, and what it is to the user. */
export interface ReadFile {
  path: string;
  role: 'input' | 'rubric' | 'mapping';
}

const roleWords = {
  input: { id: 'masukan', en: 'input' },
  rubric: { id: 'rubrik', en: 'rubric' },
  mapping: { id: 'pemetaan', en: 'mapping' },
};

function identity(path: string, cwd: string): string | undefined {
  try {
    // stat follows symlinks; device and inode also see through other spellings of the path and hard links.
    const s = statPath(resolve(cwd, path));
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Refuses an `--out` that is one of the files the command reads. The output file is truncated when it is opened,
 * before the input is read, so writing results over an input, the rubric or the mapping would destroy it.
 */
export function checkOutTarget(out: string, reads: readonly ReadFile[], cwd: string, command: string): void {
  const target = identity(out, cwd);
  if (target === undefined) return;
  for (const read of reads) {
    if (read.path === '-' || identity(read.path, cwd) !== target) continue;
    const role = roleWords[read.role];
    throw new UsageError(
      {
        id: `--out "${out}" adalah berkas ${role.id} "${read.path}": menulis hasil ke sana akan menimpanya; pilih berkas lain`,
        en: `--out "${out}" is the ${role.en} file "${read.path}": writing results there would destroy it; choose another file`,
      },
      command,
    );
  }
}
