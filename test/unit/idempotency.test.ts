import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PaymentInputError } from '../../core/errors';
import {
	customIdempotencyKey,
	deriveIdempotencyKey,
	isFinalRefusal,
	refuseAutomaticKeyInSubWorkflow,
} from '../../core/idempotency';
import type { PaymentErrorDetails } from '../../core/payments/types';
import { interpretStripeError } from '../../core/stripe/errors';

const base = {
	workflowId: 'wf_1',
	nodeId: 'node-uuid-1',
	operation: 'payment.create',
	itemIndex: 0,
	executionId: '901',
};

describe('deriveIdempotencyKey (Automatic)', () => {
	// Frozen answers: changing the derivation would make retries after an upgrade pay twice.
	it('gives the frozen known answers', () => {
		assert.equal(
			deriveIdempotencyKey({ ...base, triggerEventId: 'evt_123' }),
			'paywire-28a9b10c2a794e574b45461a5c4751e9185c395609479604fe841c709cc7d559',
		);
		assert.equal(
			deriveIdempotencyKey(base),
			'paywire-9e62fbbe2fd218732f27eb0efe9a11c02ea49800131eac002c196fb398e4814f',
		);
	});

	it('is stable for a re-delivered event, whatever execution runs it', () => {
		const first = deriveIdempotencyKey({ ...base, triggerEventId: 'evt_1', executionId: '10' });
		const redelivered = deriveIdempotencyKey({
			...base,
			triggerEventId: 'evt_1',
			executionId: '11',
		});
		assert.equal(first, redelivered);
	});

	it('uses the execution id when the item carries no event id', () => {
		assert.equal(
			deriveIdempotencyKey(base),
			deriveIdempotencyKey({ ...base, triggerEventId: null }),
		);
		assert.equal(
			deriveIdempotencyKey(base),
			deriveIdempotencyKey({ ...base, triggerEventId: ' ' }),
		);
		assert.notEqual(
			deriveIdempotencyKey(base),
			deriveIdempotencyKey({ ...base, executionId: '902' }),
		);
	});

	it('differs when any part differs, and an event id never collides with an equal execution id', () => {
		const keys = new Set([
			deriveIdempotencyKey(base),
			deriveIdempotencyKey({ ...base, workflowId: 'wf_2' }),
			deriveIdempotencyKey({ ...base, nodeId: 'node-uuid-2' }),
			deriveIdempotencyKey({ ...base, operation: 'refund.create' }),
			deriveIdempotencyKey({ ...base, itemIndex: 1 }),
			deriveIdempotencyKey({ ...base, executionId: null, triggerEventId: '901' }),
		]);
		assert.equal(keys.size, 6);
	});

	it('cannot be fooled by separators inside the parts', () => {
		assert.notEqual(
			deriveIdempotencyKey({ ...base, workflowId: 'a', nodeId: 'b:c' }),
			deriveIdempotencyKey({ ...base, workflowId: 'a:b', nodeId: 'c' }),
		);
	});

	it('is a prefixed sha256 well under the 255-character limit', () => {
		assert.match(deriveIdempotencyKey(base), /^paywire-[0-9a-f]{64}$/);
	});

	it('refuses to derive a key with neither event id nor execution id', () => {
		assert.throws(
			() => deriveIdempotencyKey({ ...base, executionId: undefined }),
			(error: unknown) => error instanceof PaymentInputError && error.field === 'Idempotency Key',
		);
	});
});

describe('customIdempotencyKey (Custom)', () => {
	it('gives the frozen known answer', () => {
		assert.equal(
			customIdempotencyKey('refund.create', 'order-42'),
			'paywire-8428d3ae396b8bbd0805c1203274435e63bccf2b703a3113c16a07346f32120b',
		);
	});

	it('does not collide when two operations use the same order id', () => {
		assert.notEqual(
			customIdempotencyKey('payment.create', 'order-42'),
			customIdempotencyKey('refund.create', 'order-42'),
		);
	});

	it('is the same for the same operation and value (surrounding spaces ignored)', () => {
		assert.equal(
			customIdempotencyKey('payment.create', 'order-42'),
			customIdempotencyKey('payment.create', ' order-42\n'),
		);
	});

	it('never collides with an Automatic key', () => {
		assert.notEqual(customIdempotencyKey('payment.create', '901'), deriveIdempotencyKey(base));
	});

	it('refuses an empty value and one over 255 characters, and accepts 255', () => {
		const field = (error: unknown) =>
			error instanceof PaymentInputError && error.field === 'Idempotency Key';
		assert.throws(() => customIdempotencyKey('payment.create', ''), field);
		assert.throws(() => customIdempotencyKey('payment.create', '   '), field);
		assert.throws(() => customIdempotencyKey('payment.create', 'x'.repeat(256)), /256 characters/);
		assert.match(customIdempotencyKey('payment.create', 'x'.repeat(255)), /^paywire-[0-9a-f]{64}$/);
	});
});

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

describe('Automatic keys in a sub-workflow: refused', () => {
	const refused = (error: unknown) =>
		error instanceof PaymentInputError &&
		error.field === 'Idempotency Key' &&
		/sub-workflow/.test(error.message) &&
		/Choose Custom/.test(error.fix);

	it('refuses to derive a key for a run another workflow started, whatever its scope', () => {
		for (const scope of [{}, { triggerEventId: 'evt_1' }, { runIndex: 2, attempt: 1 }]) {
			assert.throws(
				() => deriveIdempotencyKey({ ...base, ...scope, parentExecutionId: 'parent-7' }),
				refused,
			);
		}
		assert.throws(() => refuseAutomaticKeyInSubWorkflow('parent-7'), refused);
	});

	it('changes nothing for a run no workflow started', () => {
		assert.equal(
			deriveIdempotencyKey({ ...base, parentExecutionId: null }),
			deriveIdempotencyKey(base),
		);
		assert.doesNotThrow(() => refuseAutomaticKeyInSubWorkflow(undefined));
		assert.doesNotThrow(() => refuseAutomaticKeyInSubWorkflow(null));
	});

	it('leaves Custom keys alone (they carry the identity the sub-workflow cannot see)', () => {
		assert.match(customIdempotencyKey('refund.create', 'ref-1'), /^paywire-[0-9a-f]{64}$/);
	});
});
