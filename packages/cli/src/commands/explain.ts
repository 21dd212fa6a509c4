import { explainEvaluation } from '@kinerja/core';
import { detectLang } from '../detectLang.js';
import { ExitCode } from '../exitCodes.js';
import { loadRubricOrReport } from '../loadRubricOrReport.js';
import { oneOf } from '../oneOf.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { evaluateRead, readInput } from '../readInput.js';
import { UsageError } from '../UsageError.js';
import type { Command } from './Command.js';

/** Whose view `--view` gives, as core's `explainEvaluation` names them. */
const views = ['auditor', 'employee'] as const;

const help = `Usage: kinerja explain --rubric <rubric.yaml> <appraisal.json> [options]

Explains one evaluation in words: every indicator, band, predicate and outcome, as an employee
appealing the verdict would read it. Use - to read the appraisal from standard input.

Options:
  -r, --rubric <file>      the rubric (required)
  --lang id|en             language (default: id when LANG is Indonesian, else en)
  --view auditor|employee  auditor (default): every rater by id with raw and counted values;
                           employee: the copy to give the employee, without rater ids, peer and
                           subordinate ratings only aggregated per role, and only from k raters on
  -h, --help               show this help (in Bahasa Indonesia with --lang id)

Exit codes: 0 complete or pending, 1 the evaluation or the rubric is invalid, 2 usage error or unreadable file.`;

const helpId = `Pemakaian: kinerja explain --rubric <rubrik.yaml> <penilaian.json> [opsi]

Menjelaskan satu hasil penilaian dengan kata-kata: setiap indikator, band, predikat dan tindak
lanjut, sebagaimana dibaca pegawai yang mengajukan keberatan. Pakai - untuk membaca penilaian dari
masukan standar.

Opsi:
  -r, --rubric <berkas>    rubrik (wajib)
  --lang id|en             bahasa (bawaan: id bila LANG berbahasa Indonesia, selain itu en)
  --view auditor|employee  auditor (bawaan): setiap penilai dengan id-nya, nilai mentah dan yang
                           dihitung; employee: salinan untuk pegawai, tanpa id penilai, penilaian
                           rekan dan bawahan hanya teragregasi per peran, dan baru bila penilainya
                           paling sedikit k orang
  -h, --help               tampilkan bantuan ini (dalam bahasa Inggris dengan --lang en)

Kode keluar: 0 lengkap atau menunggu, 1 penilaian atau rubrik tidak sah, 2 salah pemakaian atau
berkas tidak dapat dibaca.`;

/** `kinerja explain`: one appraisal's evaluation, explained in Bahasa Indonesia or English. */
export const explainCommand: Command = {
  name: 'explain',
  help,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('explain', args, {
      rubric: { type: 'string', short: 'r' },
      lang: { type: 'string' },
      view: { type: 'string' },
    });
    const lang = detectLang(values.lang, io.env);
    if (values.help) {
      io.stdout.write(`${lang === 'id' ? helpId : help}\n`);
      return ExitCode.ok;
    }
    const view = oneOf('--view', values.view, views, 'auditor');
    if (values.rubric === undefined)
      throw new UsageError(
        { id: '--rubric <berkas> wajib diberikan', en: '--rubric <file> is required' },
        'explain',
      );
    const [path, ...extra] = positionals;
    if (path === undefined)
      throw new UsageError({ id: 'tidak ada berkas penilaian', en: 'no appraisal file given' }, 'explain');
    if (extra.length > 0)
      throw new UsageError(
        { id: 'explain menerima tepat satu penilaian', en: 'explain takes exactly one appraisal' },
        'explain',
      );
    const loaded = loadRubricOrReport(values.rubric, io, lang);
    if (!loaded.ok) return loaded.exitCode;
    const evaluation = evaluateRead(loaded.rubric, await readInput(path, io));
    const ratings = loaded.rubric.rubric.ratings;
    const explanation = explainEvaluation(evaluation, lang, { view, ...(ratings ? { ratings } : {}) });
    io.stdout.write(explanation.endsWith('\n') ? explanation : `${explanation}\n`);
    return evaluation.status === 'invalid' ? ExitCode.invalid : ExitCode.ok;
  },
};
