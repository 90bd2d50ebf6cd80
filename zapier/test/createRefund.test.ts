import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import nock from 'nock';

import {
	App,
	STRIPE,
	bundleOf,
	recordPosts,
	run,
	stripeHeaders,
	useNock,
	zapierErrorOf,
} from './helpers';

const perform = App.creates.create_refund.operation.perform;

const refund = {
	id: 're_1',
	object: 'refund',
	amount: 500,
	currency: 'usd',
	status: 'succeeded',
	payment_intent: 'pi_1',
	metadata: {},
	created: 1767225600,
};

/** The payment a partial refund reads first, as Stripe answers it. */
function paymentIs(id: string, currency: string) {
	const path = id.startsWith('ch_') ? `/v1/charges/${id}` : `/v1/payment_intents/${id}`;
	const object = id.startsWith('ch_') ? 'charge' : 'payment_intent';
	nock(STRIPE, stripeHeaders).get(path).reply(200, { id, object, currency, status: 'succeeded' });
}

describe('create refund', () => {
	useNock();

	it('refunds part of a payment intent in its own currency, with reason and key', async () => {
		paymentIs('pi_1', 'usd');
		const sent = recordPosts('/v1/refunds', refund, { checkHeaders: true });
		const result = await run(
			perform,
			bundleOf(
				{ paymentId: 'pi_1', amount: '5', reason: 'requested_by_customer', reference: 'rma-1' },
				'zap_1',
			),
		);
		assert.deepEqual(sent[0].form, {
			payment_intent: 'pi_1',
			amount: '500',
			reason: 'requested_by_customer',
		});
		assert.match(String(sent[0].headers['idempotency-key']), /^paywire-[0-9a-f]{64}$/);
		const payment = result.payment as Record<string, unknown>;
		assert.equal(payment.kind, 'refund');
		assert.equal(payment.amount, '5.00');
		assert.equal(payment.paid, true);
	});

	it('converts with the payment’s currency: 500 on a JPY payment is ¥500, never ¥50,000', async () => {
		paymentIs('pi_jpy', 'jpy');
		const sent = recordPosts('/v1/refunds', { ...refund, amount: 500, currency: 'jpy' });
		await run(perform, bundleOf({ paymentId: 'pi_jpy', amount: '500', reference: 'r-1' }));
		assert.equal(sent[0].form.amount, '500');
	});

	it('refuses a typed currency that is not the payment’s, naming the field, before refunding', async () => {
		paymentIs('pi_jpy', 'jpy');
		await assert.rejects(
			run(
				perform,
				bundleOf({ paymentId: 'pi_jpy', amount: '500', currency: 'usd', reference: 'r-1' }),
			),
			(error: unknown) => {
				const message = zapierErrorOf(error).message;
				assert.match(message, /^Currency: is USD, but pi_jpy was paid in JPY/);
				assert.match(message, /enter jpy/);
				return true;
			},
		);
	});

	it('reads a charge’s currency from the charge', async () => {
		paymentIs('ch_1', 'bhd');
		const sent = recordPosts('/v1/refunds', { ...refund, charge: 'ch_1', currency: 'bhd' });
		await run(perform, bundleOf({ paymentId: 'ch_1', amount: '1.25', reference: 'r-2' }));
		assert.deepEqual(sent[0].form, { charge: 'ch_1', amount: '1250' });
	});

	it('refuses a partial refund without a Reference before any request', async () => {
		await assert.rejects(
			run(perform, bundleOf({ paymentId: 'pi_1', amount: '5', currency: 'usd' })),
			(error: unknown) => {
				assert.match(zapierErrorOf(error).message, /^Reference: is needed for a partial refund/);
				return true;
			},
		);
	});

	it('two genuine identical refunds get two keys; the same reference (a replay) gets one', async () => {
		const keys: string[] = [];
		for (const reference of ['return-1', 'return-2', 'return-1']) {
			paymentIs('pi_1', 'usd');
			const sent = recordPosts('/v1/refunds', refund);
			await run(perform, bundleOf({ paymentId: 'pi_1', amount: '10', reference }, 'zap_1'));
			keys.push(String(sent[0].headers['idempotency-key']));
		}
		assert.notEqual(keys[0], keys[1]);
		assert.equal(keys[2], keys[0]);
	});

	it('refunds a charge in full when no amount is given, without reading it first', async () => {
		const sent = recordPosts('/v1/refunds', { ...refund, charge: 'ch_1' });
		await run(perform, bundleOf({ paymentId: 'ch_1' }));
		assert.deepEqual(sent[0].form, { charge: 'ch_1' });
	});

	it('says not to retry a payment that is already fully refunded', async () => {
		nock(STRIPE)
			.post('/v1/refunds')
			.reply(400, {
				error: {
					type: 'invalid_request_error',
					code: 'charge_already_refunded',
					message: 'Charge ch_1 has already been refunded.',
				},
			});
		await assert.rejects(run(perform, bundleOf({ paymentId: 'pi_1' })), (error: unknown) => {
			const parsed = zapierErrorOf(error);
			assert.equal(parsed.code, 'do_not_retry');
			assert.match(parsed.message, /already been refunded/);
			return true;
		});
	});
});
