import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import { charge, intent } from './paymentFixtures';
import { runStripePayments, stripeMock, useStripeTestHooks } from './support';

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

describe('Stripe Payments › Payment › when the bank asks for authentication (workflow through n8n-core)', () => {
	useStripeTestHooks();

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
});
