import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	pacedRequestsPerSecond,
	RequestRateLimiter,
	STRIPE_REQUESTS_PER_SECOND,
} from '../../../nodes/shared/requestRateLimit';

/**
 * A clock that moves only when the limiter waits (plus an optional one-off stall). Time advances on
 * a macrotask, after the continuations of callers released before the wait, as a real timer does.
 */
function fakeClock(stallOnceMs = 0) {
	let now = 1_000_000;
	let stall = stallOnceMs;
	return {
		now: () => now,
		wait: (ms: number) =>
			new Promise<void>((resolve) =>
				setImmediate(() => {
					now += ms + stall;
					stall = 0;
					resolve();
				}),
			),
		advance: (ms: number) => {
			now += ms;
		},
	};
}

async function claimTimes(limiter: RequestRateLimiter, clock: { now: () => number }, n: number) {
	const times: number[] = [];
	await Promise.all(
		Array.from({ length: n }, async () => {
			await limiter.acquire();
			times.push(clock.now());
		}),
	);
	return times;
}

function mostInAnyWindow(times: number[], windowMs: number): number {
	let most = 0;
	for (const start of times) {
		most = Math.max(most, times.filter((t) => t >= start && t < start + windowMs).length);
	}
	return most;
}

describe('RequestRateLimiter', () => {
	it('paces many simultaneous callers at the rate, never more than rate + 1.5 in any second', async () => {
		const clock = fakeClock();
		const limiter = new RequestRateLimiter(20, clock.now, clock.wait);
		const times = await claimTimes(limiter, clock, 61);
		assert.equal(times.length, 61);
		assert.ok(
			mostInAnyWindow(times, 1000) <= 21,
			`most in a second: ${mostInAnyWindow(times, 1000)}`,
		);
		const elapsed = times[times.length - 1] - times[0];
		assert.ok(elapsed >= 60 * 50 - 25 && elapsed <= 60 * 50, `elapsed ${elapsed}`);
	});

	it('does not make a request wait when the last one was long enough ago', async () => {
		const clock = fakeClock();
		let waited = false;
		const limiter = new RequestRateLimiter(10, clock.now, async () => {
			waited = true;
		});
		await limiter.acquire();
		clock.advance(500);
		await limiter.acquire();
		assert.equal(waited, false);
	});

	it('after a stall, waiting callers still leave spaced out, not all at once', async () => {
		const clock = fakeClock(400);
		const limiter = new RequestRateLimiter(20, clock.now, clock.wait);
		const times = await claimTimes(limiter, clock, 12);
		const gaps = times.slice(1).map((t, i) => t - times[i]);
		assert.ok(
			gaps.every((gap) => gap >= 25),
			`gaps ${gaps.join(',')}`,
		);
	});
});

describe('pacedRequestsPerSecond', () => {
	it('stays under Stripe’s limit for the key mode, and follows an explicit rate', () => {
		assert.ok(pacedRequestsPerSecond('test') < STRIPE_REQUESTS_PER_SECOND.test);
		assert.ok(pacedRequestsPerSecond('test') >= 0.9 * STRIPE_REQUESTS_PER_SECOND.test);
		assert.ok(pacedRequestsPerSecond('live') < STRIPE_REQUESTS_PER_SECOND.live);
		assert.ok(pacedRequestsPerSecond('live') >= 0.9 * STRIPE_REQUESTS_PER_SECOND.live);
		assert.equal(pacedRequestsPerSecond(null), pacedRequestsPerSecond('test'));
		assert.equal(pacedRequestsPerSecond('live', 7), 7);
		assert.equal(pacedRequestsPerSecond('live', 0), pacedRequestsPerSecond('live'));
	});
});
