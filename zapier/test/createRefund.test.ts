import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import nock from 'nock';

import { App, STRIPE, bundleOf, recordPosts, run, useNock, zapierErrorOf } from './helpers';

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

describe('create refund', () => {
	useNock();

	it('refunds part of a payment intent in minor units, with reason and key', async () => {
		const sent = recordPosts('/v1/refunds', refund, { checkHeaders: true });
		const result = await run(
			perform,
			bundleOf(
				{ paymentId: 'pi_1', amount: '5', currency: 'usd', reason: 'requested_by_customer' },
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

	it('refunds a charge in full when no amount is given', async () => {
		const sent = recordPosts('/v1/refunds', { ...refund, charge: 'ch_1' });
		await run(perform, bundleOf({ paymentId: 'ch_1' }));
		assert.deepEqual(sent[0].form, { charge: 'ch_1' });
	});

	it('refuses an amount without a currency before sending', async () => {
		await assert.rejects(
			run(perform, bundleOf({ paymentId: 'pi_1', amount: '5' })),
			(error: unknown) => {
				assert.match(zapierErrorOf(error).message, /^Currency: is needed when Amount is set\./);
				return true;
			},
		);
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
