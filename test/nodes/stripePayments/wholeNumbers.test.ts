import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	byId,
	EACH_ITEMS_PAYMENT_INTENT,
	fullRefundParameters,
	runStripePayments,
	stripeMock,
	useStripeTestHooks,
} from './support';

/**
 * Whole-number fields are never rounded: 2.9 used to become 2 (a Checkout or Payment Link quantity
 * under-charging by 0.9 units). Each is refused before any request, naming the field.
 */
async function refusedBeforeAnyRequest(parameters: INodeParameters, field: RegExp) {
	const { requests } = stripeMock();
	const { output } = await runStripePayments(parameters, { continueOnFail: true });
	assert.equal(requests.length, 0, 'nothing sent to Stripe');
	const error = output[0].json.error as IDataObject;
	assert.equal(error.nextStep, 'fix_request');
	assert.match(String(error.message), field);
	assert.match(String(error.message), /whole number/);
}

describe('Stripe Payments › whole numbers (workflow through n8n-core)', () => {
	useStripeTestHooks();

	it('Checkout line item quantity 2.9 is refused, naming the item', async () => {
		await refusedBeforeAnyRequest(
			{
				resource: 'checkoutSession',
				operation: 'create',
				mode: 'payment',
				lineItems: {
					items: [
						{ type: 'price', price: 'price_1', quantity: 1 },
						{ type: 'price', price: 'price_2', quantity: 2.9 },
					],
				},
				successUrl: 'https://example.com/thanks',
			},
			/^Line Items 2 Quantity: is 2\.9/,
		);
	});

	it('Payment Link quantity 2.9 is refused', async () => {
		await refusedBeforeAnyRequest(
			{
				resource: 'paymentLink',
				operation: 'create',
				priceSource: 'price',
				price: byId('price_1'),
				quantity: 2.9,
			},
			/^Quantity: is 2\.9/,
		);
	});

	it('a list Limit of 2.5 is refused', async () => {
		await refusedBeforeAnyRequest(
			{ resource: 'customer', operation: 'list', returnAll: false, limit: 2.5 },
			/^Limit: is 2\.5/,
		);
	});

	it('a batching Concurrency of 2.5 stops the node before any request', async () => {
		const { requests } = stripeMock();
		const { error } = await runStripePayments(
			fullRefundParameters(EACH_ITEMS_PAYMENT_INTENT, { batching: { concurrency: 2.5 } }),
			{ items: [{ paymentIntent: 'pi_1' }] },
		);
		assert.equal(requests.length, 0);
		assert.match(String(error?.message), /^Concurrency: is 2\.5, not a whole number from 1 to/);
	});

	it('whole quantities still go through unchanged', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/payment_links').reply(200, { id: 'plink_1', object: 'payment_link' });
		await runStripePayments({
			resource: 'paymentLink',
			operation: 'create',
			priceSource: 'price',
			price: byId('price_1'),
			quantity: 3,
		});
		assert.equal(requests[0].form['line_items[0][quantity]'], '3');
	});
});
