/**
 * Two-proportion z-test and Benjamini-Hochberg adjustment, used to flag
 * products whose share of negative reviews rose. With ~1,200 products tested
 * at once, plain p < 0.05 would flag ~60 by chance: the report flags by the
 * BH q-value (false discovery rate) and shows z and p as well.
 */

/** Complementary error function (Numerical Recipes erfcc: fractional error < 1.2e-7 everywhere, so tiny tails stay positive). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const ans = t * Math.exp(poly);
  return x >= 0 ? ans : 2 - ans;
}

/** P(Z > z) for a standard normal Z. */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

export interface ZTestResult {
  /** Share in the first group (x1 / n1) and in the second (x2 / n2). */
  p1: number;
  p2: number;
  z: number;
  /** One-sided p-value for "the first share is larger". */
  pGreater: number;
  pTwoSided: number;
}

/**
 * Pooled two-proportion z-test of x1/n1 against x2/n2.
 * @example twoProportionZTest(30, 100, 20, 200).z ≈ 4.38
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): ZTestResult {
  if (!(n1 > 0 && n2 > 0)) throw new RangeError(`both groups need at least one observation (n1=${n1}, n2=${n2})`);
  if (x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) throw new RangeError(`counts must lie in [0, n] (x1=${x1}/${n1}, x2=${x2}/${n2})`);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = se === 0 ? 0 : (p1 - p2) / se;
  return { p1, p2, z, pGreater: normalUpperTail(z), pTwoSided: Math.min(1, 2 * normalUpperTail(Math.abs(z))) };
}

/** Benjamini-Hochberg q-values for `pValues` (same order). */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const q = new Array<number>(m).fill(1);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const [p, i] = order[rank - 1]!;
    running = Math.min(running, (p * m) / rank);
    q[i] = running;
  }
  return q;
}
