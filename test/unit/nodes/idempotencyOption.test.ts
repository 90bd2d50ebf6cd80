import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	idempotencyKeyFor,
	resolveIdempotencyKey,
	triggerEventIdOf,
} from '../../../nodes/StripePayments/helpers/idempotency';
import type { IdempotencyScope } from '../../../nodes/StripePayments/helpers/idempotency';
import { fakeExecuteContext } from './fakeExecuteContext';

const scope: IdempotencyScope = {
	setting: {},
	operation: 'refund.create',
	itemIndex: 0,
	workflowId: 'wf-1',
	nodeId: 'node-1',
	executionId: 'exec-1',
};

describe('triggerEventIdOf', () => {
	it('finds the event id our trigger puts on an item, and a raw Stripe event id', () => {
		assert.equal(
			triggerEventIdOf({ event: { id: 'evt_123', type: 'payment_intent.succeeded' } }),
			'evt_123',
		);
		assert.equal(triggerEventIdOf({ id: 'evt_9', object: 'event' }), 'evt_9');
	});

	it('ignores ids that are not Stripe event ids', () => {
		assert.equal(triggerEventIdOf({ event: { id: 'order-42' } }), null);
		assert.equal(triggerEventIdOf({ id: 'evt_9', object: 'payment_intent' }), null);
		assert.equal(triggerEventIdOf({}), null);
	});
});

describe('resolveIdempotencyKey', () => {
	it('Automatic: the same event replays the same key across executions', () => {
		const item = { event: { id: 'evt_1' } };
		const first = resolveIdempotencyKey({ ...scope, itemJson: item, executionId: 'exec-1' });
		const redelivered = resolveIdempotencyKey({ ...scope, itemJson: item, executionId: 'exec-2' });
		assert.equal(first, redelivered);
		assert.ok(first.length <= 255);
	});

	it('Automatic without an event: scoped by execution, item and operation', () => {
		const base = resolveIdempotencyKey(scope);
		assert.equal(base, resolveIdempotencyKey({ ...scope }));
		assert.notEqual(base, resolveIdempotencyKey({ ...scope, executionId: 'exec-2' }));
		assert.notEqual(base, resolveIdempotencyKey({ ...scope, itemIndex: 1 }));
		assert.notEqual(base, resolveIdempotencyKey({ ...scope, operation: 'payment.charge' }));
		assert.notEqual(base, resolveIdempotencyKey({ ...scope, nodeId: 'node-2' }));
	});

	it('Custom: the builder value decides, per operation', () => {
		const custom = { keyMode: 'custom' as const, customKey: 'order-42' };
		const a = resolveIdempotencyKey({ ...scope, setting: custom, itemIndex: 0 });
		const b = resolveIdempotencyKey({ ...scope, setting: custom, itemIndex: 3, executionId: 'x' });
		assert.equal(a, b);
		assert.notEqual(
			a,
			resolveIdempotencyKey({ ...scope, setting: custom, operation: 'payment.charge' }),
		);
	});

	it('Custom with an empty key is refused with the fix', () => {
		assert.throws(
			() => resolveIdempotencyKey({ ...scope, setting: { keyMode: 'custom', customKey: ' ' } }),
			/Idempotency Key: is empty/,
		);
	});
});

describe('idempotencyKeyFor', () => {
	it('reads the Idempotency field and the item the node received', () => {
		const context = fakeExecuteContext({
			parameters: { idempotency: {} },
			items: [{ event: { id: 'evt_7' } }, {}],
		});
		const fromEvent = idempotencyKeyFor.call(context, 0, 'refund.create');
		assert.equal(
			fromEvent,
			resolveIdempotencyKey({
				...scope,
				itemJson: { event: { id: 'evt_7' } },
				executionId: 'other',
			}),
		);
		assert.equal(
			idempotencyKeyFor.call(context, 1, 'refund.create'),
			resolveIdempotencyKey({ ...scope, itemIndex: 1 }),
		);
	});
});
