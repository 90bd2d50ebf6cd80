import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	pacedRequestsPerSecond,
	RequestRateLimiter,
	STRIPE_REQUESTS_PER_SECOND,
} from '../../../nodes/shared/requestRateLimit';

/** A clock that only moves when the limiter waits: the slots it hands out are exact. */
function fakeClock() {
	let now = 1_000_000;
	return {
		now: () => now,
		wait: async (ms: number) => {
			now += ms;
		},
		advance: (ms: number) => {
			now += ms;
		},
	};
}

describe('RequestRateLimiter', () => {
	it('spaces requests at the paced rate, even when many ask at once', async () => {
		const clock = fakeClock();
		const waits: number[] = [];
		const limiter = new RequestRateLimiter(20, 1, clock.now, async (ms) => {
			waits.push(ms);
		});
		await Promise.all(Array.from({ length: 5 }, () => limiter.acquire()));
		assert.deepEqual(waits, [50, 100, 150, 200]);
	});

	it('does not make a request wait when the last one was long enough ago', async () => {
		const clock = fakeClock();
		const waits: number[] = [];
		const limiter = new RequestRateLimiter(10, 1, clock.now, async (ms) => {
			waits.push(ms);
		});
		await limiter.acquire();
		clock.advance(500);
		await limiter.acquire();
		assert.deepEqual(waits, []);
	});

	it('lets a burst through at once, then paces', async () => {
		const clock = fakeClock();
		const waits: number[] = [];
		const limiter = new RequestRateLimiter(10, 3, clock.now, async (ms) => {
			waits.push(ms);
		});
		await Promise.all(Array.from({ length: 5 }, () => limiter.acquire()));
		assert.deepEqual(waits, [100, 200]);
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
