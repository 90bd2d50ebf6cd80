/** Small statistics shared by the end-to-end benchmarks (printed, never asserted). */

export const round2 = (value: number) => Math.round(value * 100) / 100;

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** p50 / p99 / mean of latency samples in milliseconds. */
export function latencySummary(samples: number[]) {
	const sorted = [...samples].sort((a, b) => a - b);
	return {
		count: sorted.length,
		p50Ms: round2(percentile(sorted, 50)),
		p99Ms: round2(percentile(sorted, 99)),
		meanMs: round2(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
	};
}
