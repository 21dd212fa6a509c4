/**
 * Solves A x = rhs for a symmetric positive-definite n × n matrix A (row-major, lower triangle read), by Cholesky
 * decomposition in place: `a` is overwritten by the factor. NaNs when A is not numerically positive definite.
 */
export function choleskySolve(a: Float64Array, n: number, rhs: Float64Array): Float64Array {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j] as number;
    for (let k = 0; k < j; k++) d -= (a[j * n + k] as number) ** 2;
    if (!(d > 0)) return new Float64Array(n).fill(Number.NaN);
    const root = Math.sqrt(d);
    a[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (a[i * n + k] as number) * (a[j * n + k] as number);
      a[i * n + j] = s / root;
    }
  }
  const x = Float64Array.from(rhs);
  for (let i = 0; i < n; i++) {
    let s = x[i] as number;
    for (let k = 0; k < i; k++) s -= (a[i * n + k] as number) * (x[k] as number);
    x[i] = s / (a[i * n + i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i] as number;
    for (let k = i + 1; k < n; k++) s -= (a[k * n + i] as number) * (x[k] as number);
    x[i] = s / (a[i * n + i] as number);
  }
  return x;
}
