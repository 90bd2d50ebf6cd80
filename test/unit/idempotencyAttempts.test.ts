import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { deriveIdempotencyKey, isFinalRefusal } from '../../core/idempotency';
import type { PaymentErrorDetails } from '../../core/payments/types';
import { interpretStripeError } from '../../core/stripe/errors';

const base = {
	workflowId: 'wf_1',
	nodeId: 'node-uuid-1',
	operation: 'payment.create',
	itemIndex: 0,
	executionId: '901',
};

describe('deriveIdempotencyKey: loop passes and attempts', () => {
	it('pass 0, attempt 0 is the key 0.1.0 derived (frozen), with or without the fields', () => {
		const frozen = 'paywire-9e62fbbe2fd218732f27eb0efe9a11c02ea49800131eac002c196fb398e4814f';
		assert.equal(deriveIdempotencyKey(base), frozen);
		assert.equal(deriveIdempotencyKey({ ...base, runIndex: 0, attempt: 0 }), frozen);
	});

	// Checked independently: sha256 of the JSON array
	// ["automatic","wf_1","node-uuid-1","payment.create",0,"event","evt_123","pass",2,"attempt",1].
	it('gives the frozen known answer for a later pass and attempt', () => {
		assert.equal(
			deriveIdempotencyKey({ ...base, triggerEventId: 'evt_123', runIndex: 2, attempt: 1 }),
			'paywire-ce0e4ddcc5db88840d9b448bed4ff0ad30f1d70851519d7c27c9f3da99d8f719',
		);
	});

	it('every pass of a loop (item index 0 each time) and every attempt gets its own key', () => {
		const keys = new Set<string>();
		for (let runIndex = 0; runIndex < 4; runIndex++) {
			for (let attempt = 0; attempt < 3; attempt++) {
				keys.add(deriveIdempotencyKey({ ...base, runIndex, attempt }));
				keys.add(deriveIdempotencyKey({ ...base, runIndex, attempt, triggerEventId: 'evt_1' }));
			}
		}
		assert.equal(keys.size, 24);
	});

	it('the same event, pass and attempt is the same key whatever execution runs it', () => {
		const input = { ...base, triggerEventId: 'evt_1', runIndex: 3, attempt: 1 };
		assert.equal(
			deriveIdempotencyKey({ ...input, executionId: '10' }),
			deriveIdempotencyKey({ ...input, executionId: '11' }),
		);
	});

	it('refuses a pass or attempt that is not a whole number ≥ 0', () => {
		assert.throws(() => deriveIdempotencyKey({ ...base, runIndex: -1 }), /runIndex/);
		assert.throws(() => deriveIdempotencyKey({ ...base, attempt: 1.5 }), /attempt/);
	});
});

describe('isFinalRefusal: which answers give the next attempt a new key', () => {
	const answer = (status: number, error: Record<string, unknown>): PaymentErrorDetails =>
		interpretStripeError({ status, body: { error } });

	it('a decline, a 3-D Secure demand and an impossible request: final, no money moved', () => {
		assert.equal(
			isFinalRefusal(
				answer(402, {
					type: 'card_error',
					code: 'card_declined',
					decline_code: 'insufficient_funds',
				}),
			),
			true,
		);
		assert.equal(
			isFinalRefusal(answer(402, { type: 'card_error', code: 'authentication_required' })),
			true,
		);
		assert.equal(
			isFinalRefusal(
				answer(400, { type: 'invalid_request_error', code: 'charge_already_refunded' }),
			),
			true,
		);
		assert.equal(
			isFinalRefusal(answer(404, { type: 'invalid_request_error', code: 'resource_missing' })),
			true,
		);
	});

	it('never where money may have moved under the key, or the outcome is unknown', () => {
		assert.equal(isFinalRefusal(answer(400, { type: 'idempotency_error' })), false);
		assert.equal(
			isFinalRefusal(
				answer(409, { type: 'invalid_request_error', code: 'idempotency_key_in_use' }),
			),
			false,
		);
		assert.equal(
			isFinalRefusal(
				answer(400, { type: 'invalid_request_error', code: 'idempotency_key_in_use' }),
			),
			false,
		);
		assert.equal(
			isFinalRefusal(answer(429, { type: 'invalid_request_error', code: 'rate_limit' })),
			false,
		);
		assert.equal(isFinalRefusal(answer(500, { type: 'api_error' })), false);
		assert.equal(isFinalRefusal(answer(401, { type: 'invalid_request_error' })), false);
		assert.equal(isFinalRefusal(undefined), false);
	});
});
