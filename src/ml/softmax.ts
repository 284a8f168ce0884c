/** Softmax in place, shifted by the maximum so large logits cannot overflow. */
export function softmaxInPlace<T extends Float32Array | Float64Array>(v: T): T {
  let max = -Infinity;
  for (let k = 0; k < v.length; k++) max = Math.max(max, v[k]!);
  let sum = 0;
  for (let k = 0; k < v.length; k++) {
    v[k] = Math.exp(v[k]! - max);
    sum += v[k]!;
  }
  for (let k = 0; k < v.length; k++) v[k]! /= sum;
  return v;
}

/** Log-softmax in place (log-sum-exp shifted by the maximum). */
export function logSoftmaxInPlace<T extends Float32Array | Float64Array>(v: T): T {
  let max = -Infinity;
  for (let k = 0; k < v.length; k++) max = Math.max(max, v[k]!);
  let sum = 0;
  for (let k = 0; k < v.length; k++) sum += Math.exp(v[k]! - max);
  const log = max + Math.log(sum);
  for (let k = 0; k < v.length; k++) v[k]! -= log;
  return v;
}
