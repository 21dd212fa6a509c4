/**
 * The property name a resolved YAML scalar key becomes in the JSON-like result.
 *
 * YAML 1.2 lets `1:`, `true:` and `null:` be non-string keys; JSON cannot, so they take the
 * same name JavaScript would give them (`String(value)`), which is also how the locator and
 * the duplicate check must spell them to agree with the built value.
 */
export function scalarKeyToString(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}
