/** Exit codes of `kinerja`, stable so scripts and CI can tell a bad rubric from a bad command line. */
export const ExitCode = {
  /** Everything asked for was valid (pending evaluations included). */
  ok: 0,
  /** The input was read but is invalid: rubric errors, an invalid evaluation. */
  invalid: 1,
  /**
   * The command line is wrong, an input file cannot be read, or the output cannot be written (standard output
   * or `--out`: a full disk, a closed pipe other than one closed by its reader).
   */
  usage: 2,
  /** A bug in Kinerja. */
  internal: 3,
} as const;
