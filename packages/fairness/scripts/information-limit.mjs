// How well can ANY detector tell the injected lenient supervisor from a fair one, under the simulation model?
// An oracle that knows the model — the exact distribution of a fair supervisor's statistic — sets its threshold at
// that distribution's quantile (no estimation error at all) and we count how often the biased supervisor passes it.
// The statistic is the supervisor − peer-mean difference averaged over all 7 indicators and all ratees: under the
// model's normal approximation it is the generalised-least-squares estimate of the supervisor's shift, hence the
// Neyman–Pearson optimal test between "fair" and "+0.5"; nothing in the data can separate them better.
// Also prints the analytic normal approximation (see the README, "Information limit").
// Runs on the BUILT package; `node packages/fairness/scripts/information-limit.mjs [--pairs 4000]`.
import { parseArgs } from 'node:util';
import { extractRatings, simulateCohort, simulationRubric } from '../dist/index.js';

const { values } = parseArgs({
  options: { pairs: { type: 'string', default: '4000' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(`Usage: node packages/fairness/scripts/information-limit.mjs [--pairs N]

Per team size, simulates N seeded cohorts of two teams (one with a supervisor biased by +0.5, one fair; 4 peers per
ratee) and prints the oracle's power at a false-positive rate of 5% one-sided and of 2.5% per side.`);
  process.exit(0);
}
const pairs = Number(values.pairs);
const rubric = simulationRubric();

/** Per supervisor: mean over ratees of mean over indicators of (supervisor − mean of peers). */
function statistics(cohort) {
  const units = new Map();
  for (const r of extractRatings(cohort)) {
    const key = `${r.ratee}\u0000${r.indicator}`;
    const unit = units.get(key) ?? { ratee: r.ratee, supervisor: undefined, value: 0, peers: [] };
    if (r.role === 'supervisor') {
      unit.supervisor = r.rater;
      unit.value = r.value;
    } else unit.peers.push(r.value);
    units.set(key, unit);
  }
  const bySupervisor = new Map();
  for (const u of units.values()) {
    const d = u.value - u.peers.reduce((a, b) => a + b, 0) / u.peers.length;
    const list = bySupervisor.get(u.supervisor) ?? [];
    list.push(d);
    bySupervisor.set(u.supervisor, list);
  }
  return new Map([...bySupervisor].map(([s, d]) => [s, d.reduce((a, b) => a + b, 0) / d.length]));
}

const mean = (x) => x.reduce((a, b) => a + b, 0) / x.length;
const sd = (x) => Math.sqrt(x.reduce((a, b) => a + (b - mean(x)) ** 2, 0) / (x.length - 1));
const pct = (x) => `${(100 * x).toFixed(1)}%`.padStart(6);
/** Standard normal CDF (Abramowitz & Stegun 7.1.26 through erf; |error| < 1.5e-7). */
function phi(z) {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

console.log(
  `Oracle separation of a +0.5 supervisor from a fair one: ${pairs} seeded pairs per team size, 4 peers.`,
);
console.log(
  'Analytic: var(fair) = σb²(1 + 1/n) + (σg² + σe′²/7)(1 + 1/4)/n, σe′² = 0.4² + 1/12 (rounding); shift = mean.',
);
for (const n of [4, 8, 12, 16, 24]) {
  const fair = [];
  const biased = [];
  for (let i = 0; i < pairs; i++) {
    const cohort = simulateCohort({
      seed: 90_000 + i,
      rubric,
      supervisors: 2,
      rateesPerSupervisor: n,
      biasedSupervisor: i % 2,
    });
    for (const [s, v] of statistics(cohort)) (s === cohort.truth.biasedSupervisor ? biased : fair).push(v);
  }
  fair.sort((a, b) => a - b);
  const quantile = (p) => fair[Math.min(fair.length - 1, Math.floor(p * fair.length))];
  const power = (t) => biased.filter((b) => b > t).length / biased.length;
  const shift = mean(biased) - mean(fair);
  const peers = Math.min(4, n - 1);
  const analyticSd = Math.sqrt(0.01 * (1 + 1 / n) + ((0.04 + (0.16 + 1 / 12) / 7) * (1 + 1 / peers)) / n);
  console.log(
    `${String(n).padStart(2)} ratees: fair sd ${sd(fair).toFixed(3)} (analytic ${analyticSd.toFixed(3)}), shift ${shift.toFixed(3)} | oracle power at 5% one-sided ${pct(power(quantile(0.95)))} (analytic ${pct(phi(shift / analyticSd - 1.6449))}), at 2.5% a side ${pct(power(quantile(0.975)))} (analytic ${pct(phi(shift / analyticSd - 1.96))})`,
  );
}
