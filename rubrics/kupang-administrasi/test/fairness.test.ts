import { fairnessSuite } from '@kinerja/fairness/vitest';

// The agency pack, like the national one it extends, must pass every fairness law.
fairnessSuite(new URL('../kupang-administrasi.rubric.yaml', import.meta.url), { seed: 2026 });
