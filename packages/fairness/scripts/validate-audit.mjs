// Validates the audits on simulated cohorts with injected biases: how often is an injected bias flagged
// (sensitivity), and how often is a fair supervisor / a fair rule flagged (false positives)?
// Runs on the BUILT package: `pnpm --filter @kinerja/core build && pnpm --filter @kinerja/fairness build`, then
// `node packages/fairness/scripts/validate-audit.mjs [--cohorts 200] [--only raters|disparity|reference]`.
// Not a test (minutes, not milliseconds): it prints rates; the README records them. The simulation model is fixed in
// src/audit/simulateCohort.ts; every cohort is seeded (raters 10 000 + i, disparity 20 000 + i).
import { parseArgs } from 'node:util';
import {
  extractRatings,
  groupDisparity,
  raterLeniency,
  simulateCohort,
  simulationRubric,
  supervisorDivergence,
} from '../dist/index.js';

const { values } = parseArgs({
  options: {
    cohorts: { type: 'string', default: '200' },
    only: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`Usage: node packages/fairness/scripts/validate-audit.mjs [--cohorts N] [--only raters|disparity|reference]

Simulates N seeded cohorts per scenario (default 200) and prints how often the audits flag the injected lenient
supervisor, a fair supervisor and fair peers (raterLeniency, supervisorDivergence, default options), and how often
groupDisparity flags a rule with true impact ratio 0.5 or a fair one (default Fisher exact test; mid-p alongside).
Ends with the issue's criterion (>= 95% of injected biases flagged, <= 5% of fair ones) judged on the reference
cohorts (README "Reference cohorts"); --only reference runs just those.
Needs the built packages: pnpm --filter @kinerja/core build && pnpm --filter @kinerja/fairness build.`);
  process.exit(0);
}
const cohorts = Number(values.cohorts);
if (!Number.isInteger(cohorts) || cohorts < 1) {
  console.error(`--cohorts must be a positive integer, got ${JSON.stringify(values.cohorts)}`);
  process.exit(2);
}
if (values.only !== undefined && !['raters', 'disparity', 'reference'].includes(values.only)) {
  console.error(`--only must be raters, disparity or reference, got ${JSON.stringify(values.only)}`);
  process.exit(2);
}
const rubric = simulationRubric();
const pct = (k, n) => `${((100 * k) / n).toFixed(1)}%`.padStart(6);

function raterScenario(label, simulation, audit = {}) {
  const n = {
    biased: 0,
    divBiased: 0,
    fair: 0,
    fairFlags: 0,
    fairLenient: 0,
    divFair: 0,
    peers: 0,
    peerFlags: 0,
  };
  // The shift each fair supervisor's leniency test would catch 95% of the time, as the audit itself reports it.
  const detectable = [];
  for (let i = 0; i < cohorts; i++) {
    const cohort = simulateCohort({ seed: 10_000 + i, biasedSupervisor: i % 10, rubric, ...simulation });
    const ratings = extractRatings(cohort);
    const div = supervisorDivergence(ratings, audit);
    const len = raterLeniency(ratings, audit);
    const biased = cohort.truth.biasedSupervisor;
    if (len.raters.find((r) => r.rater === biased)?.flag === 'lenient') n.biased++;
    if (div.supervisors.find((s) => s.supervisor === biased)?.flag === 'above-consensus') n.divBiased++;
    // Every fair supervisor of the cohort counts: the rate per fair supervisor, on nine times the sample.
    for (const r of len.raters) {
      if (r.roles.includes('supervisor') && r.rater !== biased) {
        n.fair++;
        if (r.test) detectable.push(r.test.detectable);
        if (r.flag) n.fairFlags++;
        if (r.flag === 'lenient') n.fairLenient++;
      } else if (r.roles.includes('peer')) {
        n.peers++;
        if (r.flag) n.peerFlags++;
      }
    }
    for (const s of div.supervisors) if (s.supervisor !== biased && s.flag) n.divFair++;
  }
  detectable.sort((a, b) => a - b);
  const median = detectable.length > 0 ? detectable[Math.floor(detectable.length / 2)].toFixed(2) : '–';
  const result = { biased: n.biased / cohorts, fair: n.fairFlags / n.fair };
  console.log(
    `${label.padEnd(44)} leniency: biased ${pct(n.biased, cohorts)}  fair ${pct(n.fairFlags, n.fair)} (lenient ${pct(n.fairLenient, n.fair)})  peers ${pct(n.peerFlags, n.peers)} | divergence: biased ${pct(n.divBiased, cohorts)}  fair ${pct(n.divFair, n.fair)} | detectable ${median}`,
  );
  return result;
}

function disparityScenario(label, people, access) {
  let fisher = 0;
  let midP = 0;
  for (let i = 0; i < cohorts; i++) {
    const cohort = simulateCohort({
      seed: 20_000 + i,
      rubric,
      supervisors: people / 8,
      peersPerRatee: 2,
      trainingAccess: access,
    });
    const options = { by: ['jenis-kelamin'], outcomes: ['kenaikan-pangkat'] };
    if (groupDisparity(cohort, options).results[0]?.flagged) fisher++;
    if (groupDisparity(cohort, { ...options, test: 'mid-p' }).results[0]?.flagged) midP++;
  }
  console.log(`${label.padEnd(58)} flagged ${pct(fisher, cohorts)} (mid-p: ${pct(midP, cohorts)})`);
  return fisher / cohorts;
}

console.log(
  `Kinerja audit validation: ${cohorts} simulated cohorts per scenario (seeded; see simulateCohort).`,
);
// The reference cohorts the criterion is judged on (README "Reference cohorts": why these sizes).
const REFERENCE_RATEES = 16;
const REFERENCE_PEOPLE = 1000;
const unfair = { l: 0.9, p: 0.45 };
const fairAccess = { l: 0.675, p: 0.675 };
const reference = {};
if (values.only === undefined || values.only === 'raters') {
  console.log(
    '\nSupervisor bias: +0.5 point on favoured subordinates; 7 indicators on 1–5; 10 supervisors, 4 peers per ratee;',
  );
  console.log(
    'default options (alpha 0.05 per rater: one-sided 0.025 each way). "biased" = flagged lenient; "fair" = any of the',
  );
  console.log(
    '9 fair supervisors flagged either way (lenient: flagged lenient); "peers" = peer raters flagged either way;',
    '"detectable" = the median over fair supervisors of the shift their leniency test catches 95% of the time.',
  );
  for (const t of [4, 8, 12, 16, 24]) {
    const r = raterScenario(`${t} ratees per supervisor, all favoured`, { rateesPerSupervisor: t });
    if (t === REFERENCE_RATEES) reference.raters = r;
  }
  raterScenario('8 ratees, alpha 0.10 (0.05 a side)', {}, { alpha: 0.1 });
  raterScenario('8 ratees per supervisor, 4 of 8 favoured', { favouredShare: 0.5 });
  raterScenario('8 ratees, raters without normal leniency', { raterSd: 0 });
}
if (values.only === undefined || values.only === 'disparity') {
  console.log(
    '\nGroup disparity: promotion needs Baik and a training certificate; access by sex l/p; alpha 0.05',
  );
  for (const people of [80, 160, 320, 640, 1000]) {
    const biased = disparityScenario(
      `${people} people, access 0.9 / 0.45 (true impact ratio 0.5)`,
      people,
      unfair,
    );
    const fair = disparityScenario(
      `${people} people, access 0.675 / 0.675 (no disparity)`,
      people,
      fairAccess,
    );
    if (people === REFERENCE_PEOPLE) reference.disparity = { biased, fair };
  }
}
if (values.only === 'reference') {
  console.log('\nReference cohorts only:');
  reference.raters = raterScenario(`${REFERENCE_RATEES} ratees per supervisor, all favoured`, {
    rateesPerSupervisor: REFERENCE_RATEES,
  });
  reference.disparity = {
    biased: disparityScenario(
      `${REFERENCE_PEOPLE} people, access 0.9 / 0.45 (true impact ratio 0.5)`,
      REFERENCE_PEOPLE,
      unfair,
    ),
    fair: disparityScenario(
      `${REFERENCE_PEOPLE} people, access 0.675 / 0.675 (no disparity)`,
      REFERENCE_PEOPLE,
      fairAccess,
    ),
  };
}

/** One line of the verdict: the rate, the bound it must meet, and whether it does. */
function verdict(label, rate, bound, atLeast) {
  const met = atLeast ? rate >= bound : rate <= bound;
  const sign = atLeast ? '≥' : '≤';
  // The criterion counts only over at least 200 cohorts: a quicker run shows the rates but does not judge them.
  const judged = cohorts < 200 ? 'not judged (< 200 cohorts)' : met ? 'met' : 'NOT met';
  return `  ${label.padEnd(60)} ${pct(rate * cohorts, cohorts)} ${sign} ${bound * 100}%  ${judged}`;
}
if (reference.raters || reference.disparity) {
  console.log(
    `\nIssue criterion on the reference cohorts (${cohorts} cohorts each; ≥ 200 required): injected bias flagged ≥ 95%, fair ≤ 5%.`,
  );
  if (reference.raters) {
    const label = `lenient supervisor, ${REFERENCE_RATEES} ratees, flagged lenient`;
    console.log(verdict(label, reference.raters.biased, 0.95, true));
    console.log(
      verdict(
        `fair supervisors, ${REFERENCE_RATEES} ratees, flagged either way`,
        reference.raters.fair,
        0.05,
        false,
      ),
    );
  }
  if (reference.disparity) {
    console.log(
      verdict(
        `rule with impact ratio 0.5, ${REFERENCE_PEOPLE} people, flagged`,
        reference.disparity.biased,
        0.95,
        true,
      ),
    );
    console.log(
      verdict(`fair rule, ${REFERENCE_PEOPLE} people, flagged`, reference.disparity.fair, 0.05, false),
    );
  }
}
