import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import {
	byId,
	runStripePayments,
	STRIPE_API_VERSION,
	stripeMock,
	useStripeTestHooks,
} from './support';

const intent = (overrides: IDataObject): IDataObject => ({
	...stripeFixture('payment_intent'),
	next_action: null,
	last_payment_error: null,
	...overrides,
});

const charge = {
	resource: 'payment',
	operation: 'charge',
	customer: byId('cus_1'),
	paymentMethodSource: 'specific',
	paymentMethodId: 'pm_card_visa',
	amount: '49.99',
	currency: 'USD',
	description: 'Order 42',
	metadata: { entries: [{ key: 'order_id', value: '42' }] },
};

const authenticationRequired = {
	error: {
		type: 'card_error',
		code: 'authentication_required',
		decline_code: 'authentication_required',
		message: 'This payment required an authentication action to complete.',
		payment_intent: { id: 'pi_auth', object: 'payment_intent', status: 'requires_payment_method' },
	},
};

const failedAuthIntent = intent({
	id: 'pi_auth',
	status: 'requires_payment_method',
	amount: 4999,
	currency: 'usd',
	customer: 'cus_1',
	description: 'Order 42',
	metadata: { order_id: '42' },
	last_payment_error: { type: 'card_error', code: 'authentication_required' },
});

describe('Stripe Payments › Payment (workflow through n8n-core)', () => {
	useStripeTestHooks();

	it('charge: off-session confirm of a saved payment method, exact body and headers', async () => {
		const { scope, requests } = stripeMock();
		scope
			.post('/v1/payment_intents')
			.reply(200, intent({ id: 'pi_ok', status: 'succeeded', amount: 4999, currency: 'usd' }));

		const { output } = await runStripePayments(charge);

		assert.equal(requests.length, 1);
		assert.equal(
			requests[0].rawBody,
			'amount=4999&currency=usd&customer=cus_1&payment_method=pm_card_visa&confirm=true' +
				'&off_session=true&automatic_payment_methods[enabled]=true' +
				'&automatic_payment_methods[allow_redirects]=never&description=Order%2042&metadata[order_id]=42',
		);
		assert.equal(requests[0].headers['stripe-version'], STRIPE_API_VERSION);
		assert.match(requests[0].headers['idempotency-key'], /^paywire-[0-9a-f]{64}$/);
		const payment = output[0].json.payment as IDataObject;
		assert.equal(payment.paid, true);
		assert.equal(payment.amount, '49.99');
		assert.equal(payment.amountMinor, 4999);
		assert.equal(output[0].json.idempotencyKey, requests[0].headers['idempotency-key']);
	});

	it('charge: the customer default payment method, and capture later', async () => {
		const { scope, requests } = stripeMock();
		scope.get('/v1/customers/cus_1').reply(200, {
			...stripeFixture('customer'),
			id: 'cus_1',
			invoice_settings: { default_payment_method: 'pm_default' },
		});
		scope
			.post('/v1/payment_intents')
			.reply(200, intent({ id: 'pi_auth_only', status: 'requires_capture' }));

		const { output } = await runStripePayments({
			...charge,
			paymentMethodSource: 'customerDefault',
			captureMethod: 'manual',
			metadata: {},
			description: '',
		});

		assert.deepEqual(
			requests.map((r) => `${r.method} ${r.path}`),
			['GET /v1/customers/cus_1', 'POST /v1/payment_intents'],
		);
		assert.equal(requests[1].form.payment_method, 'pm_default');
		assert.equal(requests[1].form.capture_method, 'manual');
		assert.equal((output[0].json.payment as IDataObject).paid, false);
		assert.equal((output[0].json.payment as IDataObject).status, 'requires_capture');
	});

	it('charge: a customer without a default payment method fails before any charge', async () => {
		const { scope, requests } = stripeMock();
		scope.get('/v1/customers/cus_1').reply(200, {
			...stripeFixture('customer'),
			invoice_settings: { default_payment_method: null },
		});
		const { output } = await runStripePayments(
			{ ...charge, paymentMethodSource: 'customerDefault' },
			{ continueOnFail: true },
		);
		assert.equal(requests.length, 1);
		const error = output[0].json.error as IDataObject;
		assert.equal(error.nextStep, 'fix_request');
		assert.match(String(error.message), /no default payment method/);
	});

	it('charge: authentication required → outputs the next step, never success (default)', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/payment_intents').reply(402, authenticationRequired);
		scope.get('/v1/payment_intents/pi_auth').reply(200, failedAuthIntent);

		const { output, error } = await runStripePayments(charge);

		assert.equal(error, undefined);
		assert.deepEqual(
			requests.map((r) => `${r.method} ${r.path}`),
			['POST /v1/payment_intents', 'GET /v1/payment_intents/pi_auth'],
		);
		const payment = output[0].json.payment as IDataObject;
		assert.equal(payment.paid, false);
		assert.equal(payment.nextStep, 'customer_must_authenticate');
		assert.equal(payment.nextStepUrl, null);
		assert.equal(output[0].json.id, 'pi_auth');
	});

	it('charge: authentication required → a recovery Checkout Session with the same amount and metadata', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/payment_intents').reply(402, authenticationRequired);
		scope.get('/v1/payment_intents/pi_auth').reply(200, failedAuthIntent);
		scope.post('/v1/checkout/sessions').reply(200, {
			...stripeFixture('checkout.session'),
			id: 'cs_recover',
			url: 'https://checkout.stripe.com/c/pay/cs_recover',
		});

		const { output } = await runStripePayments({
			...charge,
			whenAuthenticationRequired: 'createRecoveryLink',
			recoverySuccessUrl: 'https://example.com/paid?session_id={CHECKOUT_SESSION_ID}',
		});

		const recovery = requests[2];
		assert.equal(recovery.path, '/v1/checkout/sessions');
		assert.deepEqual(recovery.form, {
			mode: 'payment',
			customer: 'cus_1',
			'line_items[0][quantity]': '1',
			'line_items[0][price_data][currency]': 'usd',
			'line_items[0][price_data][unit_amount]': '4999',
			'line_items[0][price_data][product_data][name]': 'Order 42',
			success_url: 'https://example.com/paid?session_id={CHECKOUT_SESSION_ID}',
			'metadata[order_id]': '42',
			'metadata[paywire_recovers_payment]': 'pi_auth',
			'payment_intent_data[metadata][order_id]': '42',
			'payment_intent_data[metadata][paywire_recovers_payment]': 'pi_auth',
		});
		assert.notEqual(recovery.headers['idempotency-key'], requests[0].headers['idempotency-key']);
		const payment = output[0].json.payment as IDataObject;
		assert.equal(payment.paid, false);
		assert.equal(payment.nextStep, 'customer_must_authenticate');
		assert.equal(payment.nextStepUrl, 'https://checkout.stripe.com/c/pay/cs_recover');
		assert.equal((output[0].json.recoveryCheckoutSession as IDataObject).id, 'cs_recover');
	});

	it('charge: authentication required → fails the item when asked to', async () => {
		const { scope } = stripeMock();
		scope.post('/v1/payment_intents').reply(402, authenticationRequired);
		scope.get('/v1/payment_intents/pi_auth').reply(200, failedAuthIntent);
		const { output } = await runStripePayments(
			{ ...charge, whenAuthenticationRequired: 'fail' },
			{ continueOnFail: true },
		);
		const error = output[0].json.error as IDataObject;
		assert.equal(error.nextStep, 'customer_must_authenticate');
		assert.equal(error.code, 'authentication_required');
		assert.equal(output[0].json.payment, undefined);
	});

	it('charge: requires_action with a redirect URL → the URL as the next step', async () => {
		const { scope } = stripeMock();
		scope.post('/v1/payment_intents').reply(
			200,
			intent({
				id: 'pi_3ds',
				status: 'requires_action',
				next_action: {
					type: 'redirect_to_url',
					redirect_to_url: { url: 'https://hooks.stripe.com/3d_secure/pi_3ds', return_url: null },
				},
			}),
		);
		const { output } = await runStripePayments(charge);
		const payment = output[0].json.payment as IDataObject;
		assert.equal(payment.paid, false);
		assert.equal(payment.nextStep, 'customer_must_authenticate');
		assert.equal(payment.nextStepUrl, 'https://hooks.stripe.com/3d_secure/pi_3ds');
	});

	it('charge: requires_action with use_stripe_sdk follows the option (recovery link)', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/payment_intents').reply(
			200,
			intent({
				id: 'pi_sdk',
				status: 'requires_action',
				amount: 4999,
				currency: 'usd',
				customer: 'cus_1',
				next_action: { type: 'use_stripe_sdk', use_stripe_sdk: {} },
			}),
		);
		scope.post('/v1/checkout/sessions').reply(200, {
			...stripeFixture('checkout.session'),
			id: 'cs_sdk',
			url: 'https://checkout.stripe.com/c/pay/cs_sdk',
		});
		const { output } = await runStripePayments({
			...charge,
			whenAuthenticationRequired: 'createRecoveryLink',
			recoverySuccessUrl: 'https://example.com/paid',
		});
		assert.equal(requests.length, 2);
		const payment = output[0].json.payment as IDataObject;
		assert.equal(payment.paid, false);
		assert.equal(payment.nextStepUrl, 'https://checkout.stripe.com/c/pay/cs_sdk');
	});

	it('createForOnSession, capture (partial), cancel, get, list and search', async () => {
		const { scope, requests } = stripeMock();
		scope
			.post('/v1/payment_intents')
			.reply(200, intent({ id: 'pi_new', client_secret: 'pi_new_secret_x' }));
		scope.get('/v1/payment_intents/pi_cap').reply(200, intent({ id: 'pi_cap', currency: 'eur' }));
		scope
			.post('/v1/payment_intents/pi_cap/capture')
			.reply(200, intent({ id: 'pi_cap', status: 'succeeded' }));
		scope
			.post('/v1/payment_intents/pi_cap/cancel')
			.reply(200, intent({ id: 'pi_cap', status: 'canceled' }));
		scope.get('/v1/payment_intents/pi_cap').reply(200, intent({ id: 'pi_cap' }));
		scope
			.get('/v1/payment_intents')
			.query({ customer: 'cus_1', limit: '2' })
			.reply(200, {
				object: 'list',
				data: [intent({ id: 'pi_a' }), intent({ id: 'pi_b' })],
				has_more: true,
			});
		scope
			.get('/v1/payment_intents/search')
			.query({ query: "metadata['order_id']:'42'", limit: '100' })
			.reply(200, {
				object: 'search_result',
				data: [intent({ id: 'pi_s' })],
				has_more: true,
				next_page: 'pg_2',
			});
		scope
			.get('/v1/payment_intents/search')
			.query({ query: "metadata['order_id']:'42'", limit: '100', page: 'pg_2' })
			.reply(200, {
				object: 'search_result',
				data: [intent({ id: 'pi_t' })],
				has_more: false,
				next_page: null,
			});

		const created = await runStripePayments({
			resource: 'payment',
			operation: 'createForOnSession',
			amount: '10',
			currency: 'eur',
			setupFutureUsage: 'off_session',
		});
		assert.equal(
			requests[0].rawBody,
			'amount=1000&currency=eur&automatic_payment_methods[enabled]=true&setup_future_usage=off_session',
		);
		assert.equal(created.output[0].json.client_secret, 'pi_new_secret_x');

		await runStripePayments({
			resource: 'payment',
			operation: 'capture',
			paymentIntent: byId('pi_cap'),
			amountToCapture: '20.5',
		});
		assert.equal(requests[2].rawBody, 'amount_to_capture=2050');

		await runStripePayments({
			resource: 'payment',
			operation: 'cancel',
			paymentIntent: {
				__rl: true,
				mode: 'url',
				value: 'https://dashboard.stripe.com/test/payments/pi_cap',
			},
			cancellationReason: 'abandoned',
		});
		assert.equal(requests[3].path, '/v1/payment_intents/pi_cap/cancel');
		assert.equal(requests[3].rawBody, 'cancellation_reason=abandoned');

		const got = await runStripePayments({
			resource: 'payment',
			operation: 'get',
			paymentIntent: byId('pi_cap'),
		});
		assert.equal(got.output[0].json.id, 'pi_cap');

		const listed = await runStripePayments({
			resource: 'payment',
			operation: 'list',
			returnAll: false,
			limit: 2,
			filters: { customer: 'cus_1' },
		});
		assert.deepEqual(
			listed.output.map((item) => item.json.id),
			['pi_a', 'pi_b'],
		);

		const found = await runStripePayments({
			resource: 'payment',
			operation: 'search',
			query: "metadata['order_id']:'42'",
			returnAll: true,
		});
		assert.deepEqual(
			found.output.map((item) => item.json.id),
			['pi_s', 'pi_t'],
		);
		assert.ok(scope.isDone());
	});

	it('refuses a card number before any request', async () => {
		const { requests } = stripeMock();
		const { output } = await runStripePayments(
			{ ...charge, description: 'card 4242-4242-4242-4242 exp 12/30' },
			{ continueOnFail: true },
		);
		assert.equal(requests.length, 0);
		const error = output[0].json.error as IDataObject;
		assert.equal(error.nextStep, 'fix_request');
		assert.doesNotMatch(JSON.stringify(output), /4242-4242-4242-4242|4242424242424242/);
	});

	it('refuses a key of the other mode before any request', async () => {
		const { requests } = stripeMock();
		const { error } = await runStripePayments(charge, {
			credential: { secretKey: 'sk_live_123', mode: 'test' },
		});
		assert.equal(requests.length, 0);
		assert.ok(error);
		assert.match(error.message, /Mode/);
		assert.doesNotMatch(JSON.stringify(error), /sk_live_123/);
	});
});
