import { fairnessSuite } from '@kinerja/fairness/vitest';

// Every rubric of the pack, variants included, must pass every fairness law before it reaches anyone's career.
fairnessSuite(new URL('../pp-46-2011-cost-realisation.rubric.yaml', import.meta.url), { seed: 2026 });
fairnessSuite(new URL('../pp-46-2011-gap-lower.rubric.yaml', import.meta.url), { seed: 2026 });
fairnessSuite(new URL('../pp-46-2011-gap-round.rubric.yaml', import.meta.url), { seed: 2026 });
fairnessSuite(new URL('../pp-46-2011-kreativitas-level.rubric.yaml', import.meta.url), { seed: 2026 });
fairnessSuite(new URL('../pp-46-2011-quality-cap.rubric.yaml', import.meta.url), { seed: 2026 });
fairnessSuite(new URL('../pp-46-2011-truncate.rubric.yaml', import.meta.url), { seed: 2026 });
fairnessSuite(new URL('../pp-46-2011.rubric.yaml', import.meta.url), { seed: 2026 });
