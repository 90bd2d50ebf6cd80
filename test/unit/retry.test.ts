import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { GatewayRequest, GatewayResponse } from '../../core/http';
import { scriptedGateway } from '../helpers/scriptedGateway';
import {
	backoffDelayMs,
	connectionErrorCode,
	decideRetry,
	DEFAULT_RETRY_POLICY,
	parseRetryAfterMs,
	sendWithRetries,
	type AttemptOutcome,
} from '../../core/stripe/retry';

const response = (status: number, headers: Record<string, string> = {}): AttemptOutcome => ({
	kind: 'response',
	status,
	headers,
});

describe('decideRetry decision table (first attempt, nothing elapsed, random 0)', () => {
	const table: Array<[string, AttemptOutcome, boolean]> = [
		['200 success', response(200), false],
		['201 created', response(201), false],
		['400 invalid request', response(400), false],
		['401 bad key', response(401), false],
		['402 card declined', response(402), false],
		['403 permission', response(403), false],
		['404 not found', response(404), false],
		['409 conflict', response(409), true],
		['429 rate limited', response(429), true],
		['500 server error', response(500), true],
		['502 bad gateway', response(502), true],
		['503 unavailable', response(503), true],
		['504 gateway timeout', response(504), true],
		[
			'500 with Stripe-Should-Retry: false',
			response(500, { 'stripe-should-retry': 'false' }),
			false,
		],
		[
			'409 with Stripe-Should-Retry: false',
			response(409, { 'stripe-should-retry': 'false' }),
			false,
		],
		['400 with Stripe-Should-Retry: true', response(400, { 'stripe-should-retry': 'true' }), true],
		['402 with Stripe-Should-Retry: true', response(402, { 'stripe-should-retry': 'true' }), true],
		['200 with Stripe-Should-Retry: true', response(200, { 'stripe-should-retry': 'true' }), false],
		['ECONNRESET', { kind: 'connection', code: 'ECONNRESET' }, true],
		['ETIMEDOUT', { kind: 'connection', code: 'ETIMEDOUT' }, true],
		['ECONNREFUSED', { kind: 'connection', code: 'ECONNREFUSED' }, true],
		['EAI_AGAIN (temporary DNS)', { kind: 'connection', code: 'EAI_AGAIN' }, true],
		['connection error without a code', { kind: 'connection' }, true],
		['ENOTFOUND (wrong host)', { kind: 'connection', code: 'ENOTFOUND' }, false],
		['expired certificate', { kind: 'connection', code: 'CERT_HAS_EXPIRED' }, false],
	];
	for (const [name, outcome, retry] of table) {
		it(`${name} → ${retry ? 'retry' : 'stop'}`, () => {
			const decision = decideRetry({ outcome, attemptsSoFar: 1, elapsedMs: 0, random: 0 });
			assert.equal(decision.retry, retry, decision.reason);
		});
	}
});

describe('decideRetry bounds and delays', () => {
	it('stops once maxAttempts attempts were made', () => {
		const outcome = response(503);
		assert.equal(decideRetry({ outcome, attemptsSoFar: 3, elapsedMs: 0, random: 0 }).retry, true);
		const last = decideRetry({ outcome, attemptsSoFar: 4, elapsedMs: 0, random: 0 });
		assert.equal(last.retry, false);
		assert.match(last.reason, /gave up after 4 attempts/);
	});

	it('stops when the next sleep would pass the total time budget', () => {
		const outcome = response(503);
		assert.equal(
			decideRetry({ outcome, attemptsSoFar: 1, elapsedMs: 19_500, random: 0 }).retry,
			true,
		);
		assert.equal(
			decideRetry({ outcome, attemptsSoFar: 1, elapsedMs: 19_501, random: 0 }).retry,
			false,
		);
	});

	it('obeys Retry-After, capped at the maximum delay', () => {
		const withRetryAfter = (value: string) =>
			decideRetry({
				outcome: response(429, { 'retry-after': value }),
				attemptsSoFar: 1,
				elapsedMs: 0,
				random: 0,
			});
		assert.deepEqual(withRetryAfter('2'), {
			retry: true,
			delayMs: 2_000,
			reason: 'status 429 rate limited',
		});
		assert.equal((withRetryAfter('3600') as { delayMs: number }).delayMs, 5_000);
		assert.equal((withRetryAfter('0') as { delayMs: number }).delayMs, 500);
		assert.equal((withRetryAfter('soon') as { delayMs: number }).delayMs, 500);
	});
});

describe('backoffDelayMs', () => {
	it('doubles from 0.5 s and caps at 5 s, with jitter between half and all of it', () => {
		const policy = DEFAULT_RETRY_POLICY;
		assert.deepEqual(
			[1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(n, policy, 0.999999)),
			[500, 1_000, 2_000, 4_000, 5_000, 5_000],
		);
		assert.deepEqual(
			[1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(n, policy, 0)),
			[500, 500, 1_000, 2_000, 2_500, 2_500],
		);
		assert.equal(backoffDelayMs(3, policy, 0.5), 1_500);
	});
});

describe('parseRetryAfterMs', () => {
	it('reads delta-seconds and HTTP dates, and ignores garbage', () => {
		assert.equal(parseRetryAfterMs('7'), 7_000);
		assert.equal(parseRetryAfterMs('1.5'), 1_500);
		const now = Date.UTC(2026, 10, 23, 21, 0, 0);
		assert.equal(parseRetryAfterMs('Mon, 23 Nov 2026 21:00:03 GMT', now), 3_000);
		assert.equal(parseRetryAfterMs('Mon, 23 Nov 2026 20:59:00 GMT', now), 0);
		assert.equal(parseRetryAfterMs(undefined), null);
		assert.equal(parseRetryAfterMs('later'), null);
	});
});

describe('sendWithRetries', () => {
	const request: GatewayRequest = {
		method: 'POST',
		url: 'https://api.stripe.com/v1/refunds',
		headers: { 'Idempotency-Key': 'paywire-abc' },
		body: 'payment_intent=pi_123',
	};

	const reply = (status: number, headers: Record<string, string> = {}): GatewayResponse => ({
		status,
		headers,
		body: {},
	});
	const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

	it('retries a reset and a 503 with the same idempotency key, then returns the success', async () => {
		const { io, sent, slept } = scriptedGateway([reset(), reply(503), reply(200)]);
		const result = await sendWithRetries(request, io);
		assert.equal('response' in result && result.response.status, 200);
		assert.equal(result.attempts, 3);
		assert.deepEqual(slept, [500, 500]);
		assert.equal(sent.length, 3);
		for (const attempt of sent) assert.deepEqual(attempt, request);
	});

	it('never retries a 402 decline', async () => {
		const { io, sent } = scriptedGateway([reply(402), reply(200)]);
		const result = await sendWithRetries(request, io);
		assert.equal('response' in result && result.response.status, 402);
		assert.equal(sent.length, 1);
	});

	it('returns the last 429 after four attempts', async () => {
		const { io, slept } = scriptedGateway([
			reply(429),
			reply(429),
			reply(429),
			reply(429),
			reply(200),
		]);
		const result = await sendWithRetries(request, io);
		assert.equal('response' in result && result.response.status, 429);
		assert.equal(result.attempts, 4);
		assert.deepEqual(slept, [500, 500, 1_000]);
	});

	it('hands back the connection error when retries run out', async () => {
		const { io } = scriptedGateway([reset(), reset(), reset(), reset()]);
		const result = await sendWithRetries(request, io);
		assert.ok('connectionError' in result);
		assert.equal(connectionErrorCode(result.connectionError), 'ECONNRESET');
		assert.equal(result.attempts, 4);
	});

	it('stops on Stripe-Should-Retry: false', async () => {
		const { io, sent } = scriptedGateway([
			reply(500, { 'stripe-should-retry': 'false' }),
			reply(200),
		]);
		await sendWithRetries(request, io);
		assert.equal(sent.length, 1);
	});
});

describe('connectionErrorCode', () => {
	it('finds the code on the error or on its cause (fetch wraps it)', () => {
		assert.equal(
			connectionErrorCode(Object.assign(new Error('x'), { code: 'ETIMEDOUT' })),
			'ETIMEDOUT',
		);
		const fetchFailure = new TypeError('fetch failed', {
			cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
		});
		assert.equal(connectionErrorCode(fetchFailure), 'ECONNREFUSED');
		assert.equal(connectionErrorCode(new Error('plain')), undefined);
		assert.equal(connectionErrorCode('text'), undefined);
	});
});
