import { fairnessSuite } from '@kinerja/fairness/vitest';

// Every rubric of the pack, variants included, must pass every fairness law before it reaches anyone's career.
fairnessSuite(new URL('../pp-30-2019-360.rubric.yaml', import.meta.url), { seed: 2026 });
fairnessSuite(new URL('../pp-30-2019.rubric.yaml', import.meta.url), { seed: 2026 });
