import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { checkedApiPath } from '../../../nodes/StripePayments/actions/customApiCall/apiPath';
import {
	paramsFromEntries,
	paramsFromJson,
} from '../../../nodes/StripePayments/actions/customApiCall/parameters';

describe('Custom API Call › path and parameters (pure)', () => {
	it('builds nested params from bracket names; [] appends', () => {
		assert.deepEqual(
			paramsFromEntries([
				{ name: 'email', value: 'a@b.co' },
				{ name: 'metadata[order_id]', value: '42' },
				{ name: 'expand[]', value: 'customer' },
				{ name: 'expand[]', value: 'invoice' },
				{ name: 'line_items[0][price]', value: 'price_1' },
				{ name: ' ', value: 'ignored' },
			]),
			{
				email: 'a@b.co',
				metadata: { order_id: '42' },
				expand: ['customer', 'invoice'],
				line_items: { 0: { price: 'price_1' } },
			},
		);
	});

	for (const names of [
		['metadata', 'metadata[order_id]'],
		['expand[]', 'expand[0]'],
		['email', 'email'],
	]) {
		it(`refuses conflicting names ${names.join(' + ')}`, () => {
			assert.throws(
				() => paramsFromEntries(names.map((name) => ({ name, value: 'x' }))),
				/conflicts with another parameter/,
			);
		});
	}

	it('refuses names outside the bracket notation and JSON that is not an object', () => {
		assert.throws(() => paramsFromEntries([{ name: 'a]b', value: '' }]), /bracket notation/);
		assert.throws(() => paramsFromJson('[1,2]'), /must be a JSON object/);
		assert.throws(() => paramsFromJson('{"a":'), /is not valid JSON/);
		assert.deepEqual(paramsFromJson({ a: 1 }), { a: 1 });
		assert.deepEqual(paramsFromJson('  '), {});
	});

	it('keeps a Stripe path, re-encodes its query, reduces a Stripe URL to its path', () => {
		assert.equal(checkedApiPath(' /v1/customers '), '/v1/customers');
		assert.equal(checkedApiPath('/v1/customers?email=a@b.co'), '/v1/customers?email=a%40b.co');
		assert.equal(checkedApiPath('https://api.stripe.com/v1/balance'), '/v1/balance');
		assert.throws(() => checkedApiPath('https://api.stripe.com:8443/v1/balance'), /points to/);
		assert.throws(() => checkedApiPath('https://api.stripe.com.evil.example/v1/x'), /points to/);
		assert.throws(() => checkedApiPath('v1/customers'), /must start with \/v1\/ or \/v2\//);
		assert.throws(() => checkedApiPath('/v1/customers/%2e%2e/x'), /not allowed/);
	});
});
