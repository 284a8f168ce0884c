/** Small dense linear algebra on typed arrays (row-major) for matrix factorisation. */

/** Dot product of a[aOff..aOff+n) and b[bOff..bOff+n). */
export function dot(a: ArrayLike<number>, aOff: number, b: ArrayLike<number>, bOff: number, n: number): number {
  let s = 0;
  for (let f = 0; f < n; f++) s += a[aOff + f]! * b[bOff + f]!;
  return s;
}

/**
 * Solves A x = b for a symmetric positive-definite k x k matrix in place
 * (A is overwritten by its Cholesky factor, b by x).
 * @returns false when A is not positive definite (x is then left unspecified).
 */
export function choleskySolve(a: Float64Array, b: Float64Array, k: number): boolean {
  for (let j = 0; j < k; j++) {
    let d = a[j * k + j]!;
    for (let m = 0; m < j; m++) d -= a[j * k + m]! * a[j * k + m]!;
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = a[i * k + j]!;
      for (let m = 0; m < j; m++) s -= a[i * k + m]! * a[j * k + m]!;
      a[i * k + j] = s / ljj;
    }
  }
  for (let i = 0; i < k; i++) {
    let s = b[i]!;
    for (let m = 0; m < i; m++) s -= a[i * k + m]! * b[m]!;
    b[i] = s / a[i * k + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let m = i + 1; m < k; m++) s -= a[m * k + i]! * b[m]!;
    b[i] = s / a[i * k + i]!;
  }
  return true;
}

/** Gram matrix F^T F (k x k, float64) of `rows` factor rows of size k. */
export function gram(factors: Float32Array, rows: number, k: number): Float64Array {
  const g = new Float64Array(k * k);
  for (let r = 0; r < rows; r++) {
    const o = r * k;
    for (let i = 0; i < k; i++) {
      const fi = factors[o + i]!;
      if (fi === 0) continue;
      for (let j = i; j < k; j++) g[i * k + j]! += fi * factors[o + j]!;
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) g[i * k + j] = g[j * k + i]!;
  return g;
}

/** out[r] = F[r] . x for every row of F. */
export function matVec(factors: Float32Array, rows: number, k: number, x: Float64Array, out: Float32Array): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    const o = r * k;
    for (let f = 0; f < k; f++) s += factors[o + f]! * x[f]!;
    out[r] = s;
  }
}
