// Validates the audits on simulated cohorts with injected biases: how often is an injected bias flagged
// (sensitivity), and how often is a fair supervisor / a fair rule flagged (false positives)?
// Runs on the BUILT package: `pnpm build` first, then `node packages/fairness/scripts/validate-audit.mjs [cohorts]`.
// Not a test: it prints rates; the README records them. The simulation model is fixed in src/audit/simulateCohort.ts.
import {
  extractRatings,
  groupDisparity,
  raterLeniency,
  simulateCohort,
  simulationRubric,
  supervisorDivergence,
} from '../dist/index.js';

const cohorts = Number(process.argv[2] ?? 200);
const rubric = simulationRubric();
const pct = (k, n) => `${((100 * k) / n).toFixed(1)}%`.padStart(6);

function raterScenario(label, options) {
  let divBiased = 0;
  let divFair = 0;
  let lenBiased = 0;
  let lenFair = 0;
  for (let i = 0; i < cohorts; i++) {
    const cohort = simulateCohort({ seed: 10_000 + i, biasedSupervisor: i % 10, rubric, ...options });
    const ratings = extractRatings(cohort);
    const div = supervisorDivergence(ratings);
    const len = raterLeniency(ratings);
    const { biasedSupervisor, fairSupervisor } = cohort.truth;
    if (div.supervisors.find((s) => s.supervisor === biasedSupervisor)?.flag === 'above-consensus')
      divBiased++;
    if (div.supervisors.find((s) => s.supervisor === fairSupervisor)?.flag) divFair++;
    if (len.raters.find((r) => r.rater === biasedSupervisor)?.flag === 'lenient') lenBiased++;
    if (len.raters.find((r) => r.rater === fairSupervisor)?.flag) lenFair++;
  }
  console.log(
    `${label.padEnd(58)} divergence: biased ${pct(divBiased, cohorts)} fair ${pct(divFair, cohorts)} | leniency: biased ${pct(lenBiased, cohorts)} fair ${pct(lenFair, cohorts)}`,
  );
}

function disparityScenario(label, access, supervisors) {
  let flagged = 0;
  for (let i = 0; i < cohorts; i++) {
    const cohort = simulateCohort({
      seed: 20_000 + i,
      rubric,
      supervisors,
      peersPerRatee: 2,
      trainingAccess: access,
    });
    const d = groupDisparity(cohort, { by: ['jenis_kelamin'], outcomes: ['kenaikan-pangkat'] });
    if (d.results[0]?.flagged) flagged++;
  }
  console.log(`${label.padEnd(58)} flagged ${pct(flagged, cohorts)}`);
}

console.log(
  `Kinerja audit validation: ${cohorts} simulated cohorts per scenario (seeded; see simulateCohort).`,
);
console.log('\nSupervisor bias (+0.5 point on favoured subordinates; 7 indicators on 1–5; default margins)');
raterScenario('10 supervisors × 8 ratees × 4 peers, all 8 favoured', {});
raterScenario('10 supervisors × 8 ratees × 4 peers, 4 of 8 favoured', { favouredShare: 0.5 });
raterScenario('10 supervisors × 16 ratees × 4 peers, all 16 favoured', { rateesPerSupervisor: 16 });
raterScenario('10 × 8 × 4, raters without normal leniency (b = 0)', { raterSd: 0 });
console.log('\nGroup disparity (promotion needs a training certificate; access by sex l/p)');
disparityScenario('320 people, access 0.9 / 0.45 (true impact ratio 0.5)', { l: 0.9, p: 0.45 }, 40);
disparityScenario('320 people, access 0.675 / 0.675 (no disparity)', { l: 0.675, p: 0.675 }, 40);
disparityScenario('80 people, access 0.9 / 0.45 (true impact ratio 0.5)', { l: 0.9, p: 0.45 }, 10);
disparityScenario('80 people, access 0.675 / 0.675 (no disparity)', { l: 0.675, p: 0.675 }, 10);
