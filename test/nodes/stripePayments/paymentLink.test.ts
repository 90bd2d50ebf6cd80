import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import { byId, runStripePayments, stripeMock, useStripeTestHooks } from './support';

const link = (overrides: IDataObject = {}): IDataObject => ({
	...stripeFixture('payment_link'),
	...overrides,
});

describe('Stripe Payments › Payment Link (workflow through n8n-core)', () => {
	useStripeTestHooks();

	it('create from a price, redirecting after payment', async () => {
		const { scope, requests } = stripeMock();
		scope
			.post('/v1/payment_links')
			.reply(200, link({ id: 'plink_1', url: 'https://buy.stripe.com/test_1' }));
		const { output } = await runStripePayments({
			resource: 'paymentLink',
			operation: 'create',
			priceSource: 'price',
			price: byId('price_1'),
			quantity: 3,
			afterCompletion: 'redirect',
			redirectUrl: 'https://example.com/thanks?session_id={CHECKOUT_SESSION_ID}',
		});
		assert.deepEqual(requests[0].form, {
			'line_items[0][price]': 'price_1',
			'line_items[0][quantity]': '3',
			'after_completion[type]': 'redirect',
			'after_completion[redirect][url]':
				'https://example.com/thanks?session_id={CHECKOUT_SESSION_ID}',
		});
		assert.equal(output[0].json.url, 'https://buy.stripe.com/test_1');
		assert.equal((output[0].json.payment as IDataObject).kind, 'payment_link');
		assert.match(String(output[0].json.idempotencyKey), /^paywire-/);
	});

	it('create from an ad-hoc amount with metadata copied to its payments', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/payment_links').reply(200, link({ id: 'plink_2' }));
		await runStripePayments({
			resource: 'paymentLink',
			operation: 'create',
			priceSource: 'adHoc',
			productName: 'Consultation',
			amount: '1.250',
			currency: 'KWD',
			quantity: 1,
			metadata: { entries: [{ key: 'campaign', value: 'spring' }] },
		});
		assert.deepEqual(requests[0].form, {
			'line_items[0][quantity]': '1',
			'line_items[0][price_data][currency]': 'kwd',
			'line_items[0][price_data][unit_amount]': '1250',
			'line_items[0][price_data][product_data][name]': 'Consultation',
			'metadata[campaign]': 'spring',
			'payment_intent_data[metadata][campaign]': 'spring',
		});
	});

	it('get and deactivate', async () => {
		const { scope, requests } = stripeMock();
		scope.get('/v1/payment_links/plink_1').reply(200, link({ id: 'plink_1' }));
		scope.post('/v1/payment_links/plink_1').reply(200, link({ id: 'plink_1', active: false }));
		const got = await runStripePayments({
			resource: 'paymentLink',
			operation: 'get',
			paymentLinkId: 'plink_1',
		});
		assert.equal(got.output[0].json.id, 'plink_1');
		const off = await runStripePayments({
			resource: 'paymentLink',
			operation: 'deactivate',
			paymentLinkId: 'plink_1',
		});
		assert.equal(requests[1].rawBody, 'active=false');
		assert.equal(off.output[0].json.active, false);
	});

	it('failure: an unknown price is a fix_request error, not retried', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/payment_links').reply(400, {
			error: {
				type: 'invalid_request_error',
				code: 'resource_missing',
				param: 'line_items[0][price]',
				message: "No such price: 'price_nope'",
			},
		});
		const { output } = await runStripePayments(
			{
				resource: 'paymentLink',
				operation: 'create',
				priceSource: 'price',
				price: byId('price_nope'),
			},
			{ continueOnFail: true },
		);
		assert.equal(requests.length, 1);
		const error = output[0].json.error as IDataObject;
		assert.equal(error.nextStep, 'fix_request');
		assert.equal(error.code, 'resource_missing');
	});
});
