/**
 * The rater roles in Bahasa Indonesia, as the glossary words them (architecture.md): one table for the
 * diagnostics and the explanation, so a reader meets the same word for a role in both.
 */
export const ROLE_WORDS_ID: Readonly<Record<string, string>> = {
  supervisor: 'atasan',
  peer: 'rekan kerja',
  subordinate: 'bawahan',
  'third-party': 'pihak ketiga',
  self: 'diri sendiri',
};

/** A role's Indonesian word; a role the table does not know (never a schema-checked one) is shown as given. */
export function roleWordId(role: string): string {
  return Object.hasOwn(ROLE_WORDS_ID, role) ? (ROLE_WORDS_ID[role] as string) : role;
}
