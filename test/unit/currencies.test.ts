import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PaymentInputError } from '../../core/errors';
import { stripeCurrency, toMinorUnits } from '../../core/payments/amounts';
import { currencyRule, STRIPE_CURRENCIES } from '../../core/payments/currencies';

function refusal(run: () => unknown): PaymentInputError {
	try {
		run();
	} catch (error) {
		assert.ok(error instanceof PaymentInputError, String(error));
		return error;
	}
	assert.fail('expected a PaymentInputError');
}

describe('the currency table', () => {
	it("lists Stripe's 135+ presentment currencies once each, with their decimals", () => {
		assert.ok(STRIPE_CURRENCIES.size >= 135, String(STRIPE_CURRENCIES.size));
		assert.equal(currencyRule('jpy')?.exponent, 0);
		assert.equal(currencyRule('kwd')?.exponent, 3);
		assert.equal(currencyRule('kwd')?.chargeMultipleOf, 10);
		assert.equal(currencyRule('isk')?.chargeMultipleOf, 100);
		assert.equal(currencyRule('huf')?.payoutsInWholeUnits, true);
		assert.equal(currencyRule('huf')?.chargeMultipleOf, 1);
		assert.equal(currencyRule('zzz'), undefined);
		assert.equal(currencyRule('xxx'), undefined);
	});
	it("has the minimum charge of Stripe's table, and none where the table lists none", () => {
		assert.equal(currencyRule('usd')?.minimumCharge, 50);
		assert.equal(currencyRule('inr')?.minimumCharge, 50);
		assert.equal(currencyRule('thb')?.minimumCharge, 1000);
		assert.equal(currencyRule('huf')?.minimumCharge, 17500);
		assert.equal(currencyRule('kes')?.minimumCharge, null);
	});
});

describe('node and Zapier refuse before sending (issue 9, item 11)', () => {
	it('a currency Stripe does not support, naming the currency field', () => {
		for (const code of ['zzz', 'XXX']) {
			const error = refusal(() => toMinorUnits('10', code, 'Amount', 'charge', 'Currency'));
			assert.equal(error.field, 'Currency');
			assert.match(
				error.message,
				/is not a currency Stripe supports.*docs\.stripe\.com\/currencies/,
			);
		}
		assert.equal(refusal(() => stripeCurrency('zzz')).field, 'currency');
	});
	it('an amount of 0 is a request to fix, never "try again later"', () => {
		const charge = refusal(() => toMinorUnits('0', 'usd', 'Amount', 'charge'));
		assert.match(charge.message, /^Amount: "0" USD is below Stripe's minimum charge of 0\.50 USD/);
		const refund = refusal(() => toMinorUnits('0.00', 'eur', 'Amount', 'refund'));
		assert.match(refund.message, /is zero: a refund moves no money/);
		assert.match(refusal(() => toMinorUnits(0, 'jpy', 'Amount', 'capture')).message, /capture/);
		assert.equal(toMinorUnits('0', 'usd', 'Unit Amount'), 0, 'a free line item is a price of 0');
	});
	it("charges under the currency's minimum; at the minimum it passes", () => {
		assert.match(
			refusal(() => toMinorUnits('0.10', 'inr', 'Amount', 'charge')).message,
			/minimum charge of 0\.50 INR/,
		);
		assert.match(refusal(() => toMinorUnits('9', 'thb', 'Amount', 'charge')).message, /10\.00 THB/);
		assert.equal(toMinorUnits('0.50', 'usd', 'Amount', 'charge'), 50);
		assert.equal(
			toMinorUnits('0.01', 'kes', 'Amount', 'charge'),
			1,
			'no table entry: Stripe converts',
		);
	});
});
