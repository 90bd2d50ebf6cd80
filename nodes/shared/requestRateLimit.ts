import { sleep } from 'n8n-workflow';

/** Stripe's default limits per account (GUIDE §5). */
export const STRIPE_REQUESTS_PER_SECOND = { test: 25, live: 100 } as const;

/** We pace a little under Stripe's limit: arrival times jitter, and Stripe counts arrivals. */
const HEADROOM = 0.95;

/** The requests per second to pace at: an explicit rate the builder set, or by key mode. */
export function pacedRequestsPerSecond(mode: 'test' | 'live' | null, override?: number): number {
	if (override !== undefined && override > 0) return override;
	return STRIPE_REQUESTS_PER_SECOND[mode ?? 'test'] * HEADROOM;
}

/**
 * Even spacing (GCRA, the "virtual scheduling" form of a token bucket): a request may start once
 * the clock reaches its theoretical start minus half an interval of tolerance. Waiting requests
 * queue in order and one pump releases them one per slot, claiming the slot when it actually runs:
 * after an event-loop stall they still leave one interval apart instead of all at once, so in any
 * second at most rate + 1.5 requests start, and no waiter spins.
 */
export class RequestRateLimiter {
	private readonly intervalMs: number;
	private readonly toleranceMs: number;
	private theoreticalStart = -Infinity;
	private readonly waiting: Array<() => void> = [];
	private pumping = false;

	constructor(
		requestsPerSecond: number,
		private readonly now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {
		this.intervalMs = 1000 / requestsPerSecond;
		this.toleranceMs = this.intervalMs / 2;
	}

	async acquire(): Promise<void> {
		if (this.waiting.length === 0 && this.tryClaim()) return;
		await new Promise<void>((release) => {
			this.waiting.push(release);
			if (!this.pumping) void this.pump();
		});
	}

	private tryClaim(): boolean {
		const now = this.now();
		if (now < this.theoreticalStart - this.toleranceMs) return false;
		this.theoreticalStart = Math.max(this.theoreticalStart, now) + this.intervalMs;
		return true;
	}

	private async pump(): Promise<void> {
		this.pumping = true;
		while (this.waiting.length > 0) {
			if (this.tryClaim()) {
				this.waiting.shift()?.();
			} else {
				const earliest = this.theoreticalStart - this.toleranceMs;
				await this.wait(Math.max(1, earliest - this.now()));
			}
		}
		this.pumping = false;
	}
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
