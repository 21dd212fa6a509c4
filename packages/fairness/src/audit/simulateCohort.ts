import { type Appraisal, type CompiledRubric, loadRubricOrThrow } from '@kinerja/core';
import type { Cohort } from './Cohort.js';
import { simulationIndicators, simulationRubricYaml } from './simulationRubric.js';
import { seededRandom } from './stats/seededRandom.js';

/**
 * The model of a simulated cohort. Every rating of ratee i on indicator k by rater r is
 * clamp(round(base + θ_i + δ_ik + b_r + g_ri + e_rik [+ bias]), 1, 5), with θ (the person's level), δ (their
 * profile across indicators), b (the rater's own leniency: normal variation, not injected bias), g (the rater's
 * impression of that person) and e (noise) independent normals with the sds below. The defaults were fixed before
 * any detector was run against them (see the README).
 */
export interface SimulationOptions {
  /** PRNG seed. */
  seed: number;
  /** Supervisors (teams); default 10. */
  supervisors?: number;
  /** Ratees per supervisor; default 8. */
  rateesPerSupervisor?: number;
  /** Peers per ratee, drawn from the same team; default 4. */
  peersPerRatee?: number;
  /** base; default 3.3. */
  base?: number;
  /** sd of θ (person); default 0.6. */
  personSd?: number;
  /** sd of δ (person × indicator); default 0.3. */
  profileSd?: number;
  /** sd of b (rater leniency, normal variation); default 0.1. */
  raterSd?: number;
  /** sd of g (rater × person impression); default 0.2. */
  impressionSd?: number;
  /** sd of e (noise); default 0.4. */
  noiseSd?: number;
  /** Injected: this supervisor (index) rates favoured subordinates higher. */
  biasedSupervisor?: number;
  /** How much higher, in rating points; default 0.5. */
  bias?: number;
  /** Share of the biased supervisor's team that is favoured (the first ⌈share × team⌉); default 1. */
  favouredShare?: number;
  /** Probability of the training certificate (`diklat`) for men (`l`) and women (`p`); default 0.6 each. */
  trainingAccess?: { l: number; p: number };
  /** A compiled {@link simulationRubricYaml}, to save compiling it per cohort. */
  rubric?: CompiledRubric;
}

/** A simulated cohort with the truth that was injected. */
export interface SimulatedCohort extends Cohort {
  /** What was injected. */
  truth: {
    /** Rater id of the biased supervisor, when any. */
    biasedSupervisor?: string;
    /** Rater id of a supervisor with no injected bias (the first one that is not biased). */
    fairSupervisor: string;
    /** Ratees the biased supervisor favoured. */
    favoured: string[];
    /** Each rater's normal leniency b. */
    leniency: Record<string, number>;
  };
}

/** Compiles the simulation rubric. */
export function simulationRubric(): CompiledRubric {
  return loadRubricOrThrow(simulationRubricYaml, { source: 'simulasi-audit.rubric.yaml' });
}

/**
 * A seeded cohort of appraisals with injected biases, scored by the simulation rubric: supervisors × ratees, each
 * ratee rated on the seven BerAKHLAK values by their supervisor and by peers from their own team; sex (`l`/`p`,
 * protected) drawn 50/50; the training certificate drawn with `trainingAccess` by sex. Deterministic per seed.
 */
export function simulateCohort(options: SimulationOptions): SimulatedCohort {
  const random = seededRandom(options.seed);
  const S = options.supervisors ?? 10;
  const T = options.rateesPerSupervisor ?? 8;
  const P = Math.min(options.peersPerRatee ?? 4, T - 1);
  const base = options.base ?? 3.3;
  const sdOf = (v: number | undefined, d: number) => v ?? d;
  const personSd = sdOf(options.personSd, 0.6);
  const profileSd = sdOf(options.profileSd, 0.3);
  const raterSd = sdOf(options.raterSd, 0.1);
  const impressionSd = sdOf(options.impressionSd, 0.2);
  const noiseSd = sdOf(options.noiseSd, 0.4);
  const bias = options.bias ?? 0.5;
  const access = options.trainingAccess ?? { l: 0.6, p: 0.6 };
  const rubric = options.rubric ?? simulationRubric();
  const leniency: Record<string, number> = {};
  const lenient = (id: string) => {
    if (!(id in leniency)) leniency[id] = raterSd * random.normal();
    return leniency[id] as number;
  };
  const favoured: string[] = [];
  const appraisals: Appraisal[] = [];
  let seq = 0;
  for (let s = 0; s < S; s++) {
    const supervisor = `atasan-${s + 1}`;
    const team = Array.from({ length: T }, (_, t) => {
      seq += 1;
      const sex = random.next() < 0.5 ? ('l' as const) : ('p' as const);
      return {
        nip: `1985010120100${sex === 'l' ? 1 : 2}${String(seq).padStart(4, '0')}`,
        sex,
        theta: personSd * random.normal(),
        profile: simulationIndicators.map(() => profileSd * random.normal()),
        favoured: s === options.biasedSupervisor && t < Math.ceil((options.favouredShare ?? 1) * T),
        diklat: random.next() < access[sex],
      };
    });
    team.forEach((ratee, t) => {
      if (ratee.favoured) favoured.push(ratee.nip);
      const others = team.map((_, j) => j).filter((j) => j !== t);
      for (let i = others.length - 1; i > 0; i--) {
        const j = random.int(i + 1);
        [others[i], others[j]] = [others[j] as number, others[i] as number];
      }
      const raters = [
        { id: supervisor, role: 'supervisor' as const, extra: ratee.favoured ? bias : 0 },
        ...others.slice(0, P).map((j) => ({ id: `rekan-${team[j]?.nip}`, role: 'peer' as const, extra: 0 })),
      ];
      const ratings: NonNullable<Appraisal['ratings']> = [];
      for (const r of raters) {
        const g = impressionSd * random.normal();
        simulationIndicators.forEach((indicator, k) => {
          const latent =
            base +
            ratee.theta +
            (ratee.profile[k] as number) +
            lenient(r.id) +
            g +
            noiseSd * random.normal() +
            r.extra;
          ratings.push({
            rater: r.id,
            role: r.role,
            indicator,
            value: Math.min(5, Math.max(1, Math.round(latent))),
          });
        });
      }
      appraisals.push({
        id: ratee.nip,
        employee: { nip: ratee.nip, unit: `tim-${s + 1}`, position: 'Pelaksana', positionType: 'pelaksana' },
        period: { kind: 'annual', start: '2024-01-01', end: '2024-12-31' },
        ratings,
        facts: { diklat: ratee.diklat, 'jenis-kelamin': ratee.sex },
      });
    });
  }
  const fair = Array.from({ length: S }, (_, s) => s).find((s) => s !== options.biasedSupervisor) ?? 0;
  return {
    appraisals,
    evaluations: appraisals.map((a) => rubric.evaluate(a)),
    rubric,
    truth: {
      ...(options.biasedSupervisor !== undefined
        ? { biasedSupervisor: `atasan-${options.biasedSupervisor + 1}` }
        : {}),
      fairSupervisor: `atasan-${fair + 1}`,
      favoured,
      leniency,
    },
  };
}
