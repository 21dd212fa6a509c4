/** What {@link conjugateGradient} found. */
export interface ConjugateGradientResult {
  /** The solution (any solution, for a singular system: the caller fixes the free part, e.g. by centring). */
  x: Float64Array;
  /** Iterations taken. */
  iterations: number;
  /** Whether the residual met the tolerance within the iteration cap. */
  converged: boolean;
}

/**
 * Solves M x = b for a symmetric positive semi-definite M given only as a product (`apply(p, out)` writes M p into
 * `out`), by conjugate gradients with the diagonal of M as preconditioner (Hestenes & Stiefel 1952; Jacobi
 * preconditioning as in Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., §9.2). A singular M is fine
 * when b lies in its range: each step then stays in the range, and the iterate converges to a solution.
 *
 * Why not alternating least squares or Gauss–Seidel: their steps needed grows with the square of how far apart
 * (in links) the unknowns are; conjugate gradients with linear. Deterministic: the same operations in the same
 * order for the same input.
 *
 * @param tolerance Stop when ‖residual‖₂ ≤ tolerance · ‖b‖₂.
 */
export function conjugateGradient(
  apply: (p: Float64Array, out: Float64Array) => void,
  b: Float64Array,
  diagonal: Float64Array,
  tolerance: number,
  maxIterations: number,
): ConjugateGradientResult {
  const n = b.length;
  const x = new Float64Array(n);
  const r = Float64Array.from(b);
  const z = new Float64Array(n);
  const p = new Float64Array(n);
  const q = new Float64Array(n);
  const precondition = () => {
    for (let i = 0; i < n; i++) {
      const d = diagonal[i] as number;
      z[i] = d > 0 ? (r[i] as number) / d : 0;
    }
  };
  const norm2 = (v: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += (v[i] as number) * (v[i] as number);
    return s;
  };
  const limit = tolerance * tolerance * norm2(b);
  if (limit === 0) return { x, iterations: 0, converged: true };
  precondition();
  p.set(z);
  let rz = 0;
  for (let i = 0; i < n; i++) rz += (r[i] as number) * (z[i] as number);
  for (let k = 0; k < maxIterations; k++) {
    apply(p, q);
    let pq = 0;
    for (let i = 0; i < n; i++) pq += (p[i] as number) * (q[i] as number);
    // p in the null space of M: the residual left there cannot be reduced (b was not in M's range).
    if (!(pq > 0)) return { x, iterations: k, converged: norm2(r) <= limit };
    const alpha = rz / pq;
    for (let i = 0; i < n; i++) {
      x[i] = (x[i] as number) + alpha * (p[i] as number);
      r[i] = (r[i] as number) - alpha * (q[i] as number);
    }
    if (norm2(r) <= limit) return { x, iterations: k + 1, converged: true };
    precondition();
    let next = 0;
    for (let i = 0; i < n; i++) next += (r[i] as number) * (z[i] as number);
    const beta = next / rz;
    rz = next;
    for (let i = 0; i < n; i++) p[i] = (z[i] as number) + beta * (p[i] as number);
  }
  return { x, iterations: maxIterations, converged: norm2(r) <= limit };
}
