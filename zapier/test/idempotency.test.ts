import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Bundle } from 'zapier-platform-core';

import { hashOfInputs, stepIdempotencyKey } from '../src/idempotency';

const bundleFor = (zapId?: string) =>
	({ meta: zapId ? { zap: { id: zapId } } : {} }) as unknown as Bundle;

describe('step idempotency keys', () => {
	it('hash the input independently of key order, and ignore absent values', () => {
		const a = hashOfInputs({ amount: '10', currency: 'usd', metadata: { a: '1', b: '2' } });
		const b = hashOfInputs({
			metadata: { b: '2', a: '1' },
			currency: 'usd',
			amount: '10',
			note: undefined,
		});
		assert.equal(a, b);
		assert.notEqual(
			a,
			hashOfInputs({ amount: '10.0', currency: 'usd', metadata: { a: '1', b: '2' } }),
		);
	});

	it('tell apart values that only differ in type or nesting', () => {
		assert.notEqual(hashOfInputs({ quantity: '1' }), hashOfInputs({ quantity: 1 }));
		assert.notEqual(hashOfInputs({ a: ['x', 'y'] }), hashOfInputs({ a: 'x,y' }));
	});

	it('are stable for one Zap, action and input, and change with any of them', () => {
		const input = { amount: '10', currency: 'usd' };
		const key = stepIdempotencyKey(bundleFor('1'), 'create_refund', input);
		assert.match(key, /^paywire-[0-9a-f]{64}$/);
		assert.equal(stepIdempotencyKey(bundleFor('1'), 'create_refund', { ...input }), key);
		assert.notEqual(stepIdempotencyKey(bundleFor('2'), 'create_refund', input), key);
		assert.notEqual(stepIdempotencyKey(bundleFor('1'), 'create_customer', input), key);
		assert.notEqual(
			stepIdempotencyKey(bundleFor('1'), 'create_refund', { ...input, amount: '11' }),
			key,
		);
	});

	it('follow the reference, not the rest of the input, when one is given', () => {
		const first = stepIdempotencyKey(bundleFor('1'), 'charge', { amount: '10' }, 'order-42');
		assert.equal(
			stepIdempotencyKey(bundleFor('1'), 'charge', { amount: '99' }, ' order-42 '),
			first,
		);
		assert.notEqual(
			stepIdempotencyKey(bundleFor('1'), 'charge', { amount: '10' }, 'order-43'),
			first,
		);
		assert.notEqual(stepIdempotencyKey(bundleFor('1'), 'charge', { amount: '10' }), first);
	});

	it('still work outside a Zap (editor tests), scoped to no Zap', () => {
		const key = stepIdempotencyKey(bundleFor(), 'create_customer', { email: 'a@b.c' });
		assert.notEqual(key, stepIdempotencyKey(bundleFor('1'), 'create_customer', { email: 'a@b.c' }));
	});
});
