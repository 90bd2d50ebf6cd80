import { sleep } from 'n8n-workflow';

/** Stripe's default limits per account (GUIDE §5); we pace a little under them. */
export const STRIPE_REQUESTS_PER_SECOND = { test: 25, live: 100 } as const;
const HEADROOM = 0.95;

/**
 * Paces requests evenly (a token bucket of size `burst`, kept as the time the next slot frees up).
 * Each caller reserves its slot synchronously before waiting, so concurrent workers never share one.
 */
export class RequestRateLimiter {
	private nextSlotAt = 0;
	private readonly intervalMs: number;

	constructor(
		requestsPerSecond: number,
		private readonly burst = 1,
		private readonly now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {
		this.intervalMs = 1000 / requestsPerSecond;
	}

	async acquire(): Promise<void> {
		const now = this.now();
		const earliest = now - (this.burst - 1) * this.intervalMs;
		const slot = Math.max(earliest, this.nextSlotAt);
		this.nextSlotAt = slot + this.intervalMs;
		const delayMs = slot - now;
		if (delayMs > 0) await this.wait(delayMs);
	}
}

/** The paced rate for a key mode, or an explicit rate the builder set (0 or less: by mode). */
export function pacedRequestsPerSecond(mode: 'test' | 'live' | null, override?: number): number {
	if (override !== undefined && override > 0) return override;
	return STRIPE_REQUESTS_PER_SECOND[mode ?? 'test'] * HEADROOM;
}

/**
 * One limiter per node execution, found from the n8n context object the transport is called with:
 * runPerItem registers it, so every request of a batch (retries and pages included) is paced.
 */
const limiters = new WeakMap<object, RequestRateLimiter>();

export function useRateLimiter(context: object, limiter: RequestRateLimiter): void {
	limiters.set(context, limiter);
}

export async function acquireRequestSlot(context: object): Promise<void> {
	await limiters.get(context)?.acquire();
}
