import { fairnessSuite } from '@kinerja/fairness/vitest';

// Every rubric of the pack, variants included, must pass every fairness law before it reaches anyone's career.
fairnessSuite(new URL('../permenpanrb-6-2022.rubric.yaml', import.meta.url), { seed: 2026 });
