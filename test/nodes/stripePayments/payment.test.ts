import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import { charge, intent } from './paymentFixtures';
import {
	byId,
	listedIds,
	runStripePayments,
	STRIPE_API_VERSION,
	stripeMock,
	useStripeTestHooks,
} from './support';

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

		assert.deepEqual(await listedIds('payment', 2, { customer: 'cus_1' }), ['pi_a', 'pi_b']);

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
