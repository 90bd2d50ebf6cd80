import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PaymentInputError } from '../../core/errors';
import { paymentRetrievePath, refundAmountInMinorUnits } from '../../core/stripe/refundAmount';
import { stripeFixture } from '../fixtures/stripe';

const paymentIn = (currency: string) => ({ ...stripeFixture('payment_intent'), currency });

describe('refund amounts are in the payment’s currency', () => {
	it('converts with the payment’s currency, whatever the amount looks like', () => {
		assert.equal(refundAmountInMinorUnits('500', paymentIn('jpy')), 500);
		assert.equal(refundAmountInMinorUnits('5', paymentIn('usd')), 500);
		assert.equal(refundAmountInMinorUnits('1.25', paymentIn('BHD')), 1250);
	});

	it('accepts a typed currency that matches, in any case; refuses one that differs', () => {
		assert.equal(refundAmountInMinorUnits('500', paymentIn('jpy'), ' JPY '), 500);
		assert.throws(
			() => refundAmountInMinorUnits('500', paymentIn('jpy'), 'usd'),
			(error: unknown) =>
				error instanceof PaymentInputError &&
				/^Currency: is USD, but pi_\w+ was paid in JPY/.test(error.message),
		);
	});

	it('refuses a payment without a currency, naming the Payment ID', () => {
		assert.throws(
			() => refundAmountInMinorUnits('5', { id: 'pi_x' }),
			/Payment ID: pi_x has no currency/,
		);
	});

	it('reads a payment intent or a charge (ch_, py_) by its id', () => {
		assert.equal(paymentRetrievePath('pi_1'), '/v1/payment_intents/pi_1');
		assert.equal(paymentRetrievePath('ch_1'), '/v1/charges/ch_1');
		assert.equal(paymentRetrievePath(' py_1 '), '/v1/charges/py_1');
		assert.equal(paymentRetrievePath('pi_1/refunds'), '/v1/payment_intents/pi_1%2Frefunds');
	});
});
