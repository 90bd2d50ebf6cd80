import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import {
	byId,
	listedIds,
	runStripePayments,
	STRIPE_API_VERSION,
	stripeMock,
	useStripeTestHooks,
} from './support';

const session = (overrides: IDataObject = {}): IDataObject => ({
	...stripeFixture('checkout.session'),
	...overrides,
});

describe('Stripe Payments › Checkout Session (workflow through n8n-core)', () => {
	useStripeTestHooks();

	it('create: payment mode with a price and an ad-hoc item, email, metadata copied to the payment', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/checkout/sessions').reply(
			200,
			session({
				id: 'cs_1',
				url: 'https://checkout.stripe.com/c/pay/cs_1',
				status: 'open',
				payment_status: 'unpaid',
			}),
		);

		const { output } = await runStripePayments({
			resource: 'checkoutSession',
			operation: 'create',
			mode: 'payment',
			lineItems: {
				items: [
					{ type: 'price', price: 'price_1', quantity: 2 },
					{ type: 'adHoc', name: 'Gift wrap', amount: '3.50', quantity: 1 },
				],
			},
			currency: 'eur',
			customerSource: 'email',
			customerEmail: 'ada@example.com',
			successUrl: 'https://example.com/thanks?session_id={CHECKOUT_SESSION_ID}',
			cancelUrl: 'https://example.com/cart',
			metadata: { entries: [{ key: 'order_id', value: '42' }] },
			options: { clientReferenceId: 'cart-9', allowPromotionCodes: true },
		});

		assert.equal(requests.length, 1);
		assert.equal(requests[0].headers['stripe-version'], STRIPE_API_VERSION);
		assert.deepEqual(requests[0].form, {
			mode: 'payment',
			success_url: 'https://example.com/thanks?session_id={CHECKOUT_SESSION_ID}',
			'metadata[order_id]': '42',
			cancel_url: 'https://example.com/cart',
			'line_items[0][price]': 'price_1',
			'line_items[0][quantity]': '2',
			'line_items[1][quantity]': '1',
			'line_items[1][price_data][currency]': 'eur',
			'line_items[1][price_data][unit_amount]': '350',
			'line_items[1][price_data][product_data][name]': 'Gift wrap',
			'payment_intent_data[metadata][order_id]': '42',
			customer_email: 'ada@example.com',
			client_reference_id: 'cart-9',
			allow_promotion_codes: 'true',
		});
		assert.equal(output[0].json.url, 'https://checkout.stripe.com/c/pay/cs_1');
		const payment = output[0].json.payment as IDataObject;
		assert.equal(payment.kind, 'checkout');
		assert.equal(payment.paid, false);
		assert.equal(output[0].json.idempotencyKey, requests[0].headers['idempotency-key']);
	});

	it('create: subscription mode with an existing customer, ad-hoc monthly item and an expiry', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/checkout/sessions').reply(200, session({ id: 'cs_2', mode: 'subscription' }));
		await runStripePayments({
			resource: 'checkoutSession',
			operation: 'create',
			mode: 'subscription',
			lineItems: { items: [{ type: 'adHoc', name: 'Pro plan', amount: '9', quantity: 1 }] },
			currency: 'usd',
			recurringInterval: 'month',
			customerSource: 'customer',
			customer: {
				__rl: true,
				mode: 'url',
				value: 'https://dashboard.stripe.com/test/customers/cus_7',
			},
			successUrl: 'https://example.com/welcome',
			metadata: { entries: [{ key: 'plan', value: 'pro' }] },
			options: { expiresInMinutes: 60 },
		});
		const form = requests[0].form;
		assert.equal(form.customer, 'cus_7');
		assert.equal(form['line_items[0][price_data][recurring][interval]'], 'month');
		assert.equal(form['line_items[0][price_data][unit_amount]'], '900');
		assert.equal(form['subscription_data[metadata][plan]'], 'pro');
		assert.equal(form['payment_intent_data[metadata][plan]'], undefined);
		const expiresAt = Number(form.expires_at);
		const now = Math.floor(Date.now() / 1000);
		assert.ok(expiresAt >= now + 30 * 60 && expiresAt <= now + 24 * 3600);
	});

	it('create: setup mode sends no line items', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/checkout/sessions').reply(200, session({ id: 'cs_3', mode: 'setup' }));
		await runStripePayments({
			resource: 'checkoutSession',
			operation: 'create',
			mode: 'setup',
			currency: 'usd',
			customerSource: 'customer',
			customer: byId('cus_7'),
			successUrl: 'https://example.com/saved',
		});
		assert.equal(
			requests[0].rawBody,
			'mode=setup&success_url=https%3A%2F%2Fexample.com%2Fsaved&currency=usd&customer=cus_7',
		);
	});

	it('failure: a misspelt session placeholder is refused before any request', async () => {
		const { requests } = stripeMock();
		const { output } = await runStripePayments(
			{
				resource: 'checkoutSession',
				operation: 'create',
				mode: 'payment',
				lineItems: { items: [{ type: 'price', price: 'price_1', quantity: 1 }] },
				successUrl: 'https://example.com/thanks?session_id={checkout_session_id}',
			},
			{ continueOnFail: true },
		);
		assert.equal(requests.length, 0);
		const error = output[0].json.error as IDataObject;
		assert.equal(error.nextStep, 'fix_request');
		assert.match(String(error.message), /Success URL/);
	});

	it('get with line items, list with filters and a limit, expire', async () => {
		const { scope, requests } = stripeMock();
		scope
			.get('/v1/checkout/sessions/cs_1')
			.query({ 'expand[0]': 'line_items' })
			.reply(200, session({ id: 'cs_1', payment_status: 'paid', status: 'complete' }));
		scope
			.get('/v1/checkout/sessions')
			.query({ status: 'expired', limit: '1' })
			.reply(200, { object: 'list', data: [session({ id: 'cs_old' })], has_more: true });
		scope
			.post('/v1/checkout/sessions/cs_1/expire')
			.reply(200, session({ id: 'cs_1', status: 'expired' }));

		const got = await runStripePayments({
			resource: 'checkoutSession',
			operation: 'get',
			checkoutSession: byId('cs_1'),
			includeLineItems: true,
		});
		assert.equal((got.output[0].json.payment as IDataObject).paid, true);

		assert.deepEqual(await listedIds('checkoutSession', 1, { status: 'expired' }), ['cs_old']);

		const expired = await runStripePayments({
			resource: 'checkoutSession',
			operation: 'expire',
			checkoutSession: byId('cs_1'),
		});
		assert.equal(expired.output[0].json.status, 'expired');
		assert.equal(requests[2].rawBody, '');
		assert.match(requests[2].headers['idempotency-key'], /^paywire-/);
		assert.ok(scope.isDone());
	});
});
