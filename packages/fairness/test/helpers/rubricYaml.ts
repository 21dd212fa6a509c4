/** The header every inline test rubric shares. */
export const HEADER = `kinerja: 1
id: broken
version: 1.0.0
label: { id: Uji, en: Test }
`;

/** Two predicate levels, best first. */
export const LEVELS = `  levels:
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
`;

/**
 * A one-group rubric: `indicator` is the YAML of one indicator (indented under `indicators:`), scored into the
 * overall score, with predicate bands `bands` and any extra top-level YAML.
 */
export function oneIndicator(indicator: string, bands: string, extra = ''): string {
  return `${HEADER}groups:
  hasil:
    label: { id: Hasil, en: Results }
    indicators:
      layanan:
        label: { id: Layanan, en: Service }
${indicator}
score: { weights: { hasil: 1 } }
predicate:
${LEVELS}  bands:
${bands}
${extra}`;
}

/** Bands for the two levels: 80 and above is good. */
export const GOOD_FROM_80 = `    - { id: baik, range: "[80, inf)" }
    - { id: kurang, range: "(-inf, 80)" }`;

/** A ratio indicator with optional extra keys (direction, range…). */
export const ratio = (extra = '') =>
  `        measure: { kind: ratio, target: target, realisation: realisation }${extra ? `\n${extra}` : ''}`;
