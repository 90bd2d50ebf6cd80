import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import nock from 'nock';

import {
	App,
	STRIPE,
	bundleOf,
	recordInto,
	recordPosts,
	run,
	useNock,
	zapierErrorOf,
	type SentRequest,
} from './helpers';

const perform = App.creates.charge_saved_payment_method.operation.perform;

const inputData = {
	customerId: 'cus_1',
	paymentMethodId: 'pm_card_visa',
	amount: '19.99',
	currency: 'eur',
	description: 'Order 42',
	reference: 'order-42',
};

const intent = (status: string, extra: object = {}) => ({
	id: 'pi_1',
	object: 'payment_intent',
	amount: 1999,
	amount_received: status === 'succeeded' ? 1999 : 0,
	currency: 'eur',
	customer: 'cus_1',
	status,
	metadata: {},
	created: 1767225600,
	livemode: false,
	...extra,
});

const authenticationRequired = {
	error: {
		type: 'card_error',
		code: 'authentication_required',
		decline_code: 'authentication_required',
		message: 'Your card was declined. This transaction requires authentication.',
		payment_intent: intent('requires_payment_method'),
	},
};

describe('charge saved payment method', () => {
	useNock();

	it('confirms off-session with exact params and a key from the reference', async () => {
		const sent = recordPosts('/v1/payment_intents', intent('succeeded'), {
			times: 2,
			checkHeaders: true,
		});
		const result = await run(perform, bundleOf(inputData, 'zap_1'));
		await run(perform, bundleOf({ ...inputData, description: 'changed' }, 'zap_1'));

		assert.deepEqual(sent[0].form, {
			amount: '1999',
			currency: 'eur',
			customer: 'cus_1',
			payment_method: 'pm_card_visa',
			confirm: 'true',
			off_session: 'true',
			'automatic_payment_methods[enabled]': 'true',
			'automatic_payment_methods[allow_redirects]': 'never',
			description: 'Order 42',
		});
		assert.equal(
			sent[1].headers['idempotency-key'],
			sent[0].headers['idempotency-key'],
			'the same reference is the same charge, whatever else changed',
		);
		const payment = result.payment as Record<string, unknown>;
		assert.equal(payment.paid, true);
		assert.equal(payment.amount, '19.99');
		assert.equal(payment.nextStep, 'none');
	});

	it('says whether Stripe replayed the charge (idempotentReplayed), like the other creates', async () => {
		const sent: SentRequest[] = [];
		nock(STRIPE)
			.post('/v1/payment_intents')
			.reply(recordInto(sent, 200, intent('succeeded')))
			.post('/v1/payment_intents')
			.reply(recordInto(sent, 200, intent('succeeded'), { 'Idempotent-Replayed': 'true' }));
		const first = await run(perform, bundleOf(inputData, 'zap_1'));
		const replay = await run(perform, bundleOf(inputData, 'zap_1'));
		assert.equal(sent[1].headers['idempotency-key'], sent[0].headers['idempotency-key']);
		assert.equal(first.idempotentReplayed, false, 'money moved now');
		assert.equal(replay.idempotentReplayed, true, 'Stripe replayed the first charge');
	});

	it('retries a server error with the very same idempotency key', async () => {
		const sent: SentRequest[] = [];
		nock(STRIPE)
			.post('/v1/payment_intents')
			.reply(recordInto(sent, 503, { error: { type: 'api_error', message: 'Try again' } }))
			.post('/v1/payment_intents')
			.reply(recordInto(sent, 200, intent('succeeded')));
		const result = await run(perform, bundleOf(inputData));
		assert.equal(sent.length, 2);
		assert.equal(sent[1].headers['idempotency-key'], sent[0].headers['idempotency-key']);
		assert.equal((result.payment as Record<string, unknown>).paid, true);
	});

	it('stops the Zap when the bank asks for 3-D Secure: never a success', async () => {
		nock(STRIPE).post('/v1/payment_intents').reply(402, authenticationRequired);
		nock(STRIPE).get('/v1/payment_intents/pi_1').reply(200, intent('requires_payment_method'));
		await assert.rejects(run(perform, bundleOf(inputData)), (error: unknown) => {
			const parsed = zapierErrorOf(error);
			assert.equal(parsed.code, 'customer_must_authenticate');
			assert.match(parsed.message, /Nothing was charged\. Payment pi_1\./);
			assert.match(parsed.message, /Create Checkout Session or Create Payment Link/);
			return true;
		});
	});

	it('continues with paid=false and the next step when asked to', async () => {
		const sent = recordPosts('/v1/payment_intents', authenticationRequired, { status: 402 });
		nock(STRIPE).get('/v1/payment_intents/pi_1').reply(200, intent('requires_payment_method'));
		const result = await run(
			perform,
			bundleOf({ ...inputData, onAuthenticationRequired: 'continue' }),
		);
		const payment = result.payment as Record<string, unknown>;
		assert.equal(result.authenticationRequired, true);
		assert.equal(payment.paid, false);
		assert.equal(payment.nextStep, 'customer_must_authenticate');
		assert.equal(payment.id, 'pi_1');
		assert.equal(result.idempotencyKey, sent[0].headers['idempotency-key'], 'the charge’s key');
	});

	it('reports an on-session requires_action answer with its redirect URL, not as paid', async () => {
		const redirect = {
			type: 'redirect_to_url',
			redirect_to_url: { url: 'https://hooks.stripe.com/3ds/pi_1' },
		};
		nock(STRIPE)
			.post('/v1/payment_intents')
			.reply(200, intent('requires_action', { next_action: redirect }));
		const result = await run(
			perform,
			bundleOf({ ...inputData, onAuthenticationRequired: 'continue' }),
		);
		const payment = result.payment as Record<string, unknown>;
		assert.equal(payment.paid, false);
		assert.equal(payment.nextStepUrl, 'https://hooks.stripe.com/3ds/pi_1');
	});

	it('turns a decline into the plain next step and never shows a fraud reason', async () => {
		nock(STRIPE)
			.post('/v1/payment_intents')
			.reply(402, {
				error: {
					type: 'card_error',
					code: 'card_declined',
					decline_code: 'stolen_card',
					message: 'Your card was declined.',
				},
			});
		await assert.rejects(run(perform, bundleOf(inputData)), (error: unknown) => {
			const parsed = zapierErrorOf(error);
			assert.equal(parsed.code, 'review_for_fraud');
			assert.equal(parsed.status, 402);
			return true;
		});
	});

	it('refuses something that is not a saved payment method id', async () => {
		await assert.rejects(
			run(perform, bundleOf({ ...inputData, paymentMethodId: '4000002760003184' })),
			(error: unknown) => {
				assert.match(zapierErrorOf(error).message, /looks like a card number \(ending 3184\)/);
				return true;
			},
		);
	});
});
