import { appraisalJsonSchema, publishedRubricSchema } from '@kinerja/core';
import { ExitCode } from '../exitCodes.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { UsageError } from '../UsageError.js';
import type { Command } from './Command.js';

const help = `Usage: kinerja schema rubric|appraisal

Prints the published JSON Schema, e.g. for yaml-language-server:
  kinerja schema rubric > rubric.schema.json
  # yaml-language-server: $schema=./rubric.schema.json

Options:
  -h, --help   show this help`;

/** `kinerja schema`: prints the JSON Schema of rubrics or appraisals. */
export const schemaCommand: Command = {
  name: 'schema',
  help,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('schema', args, {});
    if (values.help) {
      io.stdout.write(`${help}\n`);
      return ExitCode.ok;
    }
    const [kind, ...extra] = positionals;
    if (extra.length > 0 || (kind !== 'rubric' && kind !== 'appraisal')) {
      throw new UsageError(
        kind === undefined
          ? { id: 'sebutkan skemanya: rubric atau appraisal', en: 'say which schema: rubric or appraisal' }
          : {
              id: `skema "${positionals.join(' ')}" tidak dikenal (rubric atau appraisal)`,
              en: `unknown schema "${positionals.join(' ')}" (rubric or appraisal)`,
            },
        'schema',
      );
    }
    const schema = kind === 'rubric' ? publishedRubricSchema() : appraisalJsonSchema;
    io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
    return ExitCode.ok;
  },
};
