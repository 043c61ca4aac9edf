// Order statistics for the latency and hydration samples.

/** Nearest-rank percentile (q in 0..1) of `values`; NaN for none. */
export function percentile(values, q) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** p50 and p95 of `values`. */
export function summarize(values) {
  return { p50: percentile(values, 0.5), p95: percentile(values, 0.95), n: values.length };
}
