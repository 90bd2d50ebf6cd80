import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PaymentInputError } from '../../core/errors';
import {
	MAX_MINOR_UNITS,
	currencyExponent,
	fromMinorUnits,
	stripeCurrency,
	toMinorUnits,
} from '../../core/payments/amounts';
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

describe('currencyExponent', () => {
	const table: Array<[string, number]> = [
		['usd', 2],
		['EUR', 2],
		['jpy', 0],
		['KRW', 0],
		['xpf', 0],
		['ugx', 0],
		['bhd', 3],
		['KWD', 3],
		['tnd', 3],
		['isk', 2],
	];
	for (const [currency, exponent] of table) {
		it(`${currency} → ${exponent}`, () => assert.equal(currencyExponent(currency), exponent));
	}
	it('refuses what is not a currency code', () => {
		assert.equal(refusal(() => currencyExponent('dollars')).field, 'currency');
		assert.equal(refusal(() => currencyExponent('')).field, 'currency');
		assert.equal(refusal(() => currencyExponent('us1')).field, 'currency');
	});
});

describe('toMinorUnits converts exactly', () => {
	const table: Array<[string | number, string, number]> = [
		['19.99', 'usd', 1999],
		[19.99, 'usd', 1999],
		['0.29', 'usd', 29], // 0.29 * 100 = 28.999999999999996 in floating point
		[0.29, 'usd', 29],
		['4.35', 'USD', 435], // 4.35 * 100 = 434.99999999999994
		['1.10', 'eur', 110],
		['19.990', 'usd', 1999], // trailing zeros are not rounding
		[' 7 ', 'usd', 700],
		['007.5', 'usd', 750],
		['.5', 'usd', 50],
		['5.', 'usd', 500],
		['0', 'usd', 0],
		[0, 'usd', 0],
		['999999.99', 'usd', MAX_MINOR_UNITS],
		['500', 'jpy', 500],
		[500, 'JPY', 500],
		['500.00', 'jpy', 500],
		['1.23', 'bhd', 1230],
		['1.230', 'bhd', 1230],
		[1.23, 'bhd', 1230],
		['0.01', 'kwd', 10],
		['5', 'isk', 500],
		[1e-2, 'usd', 1],
	];
	for (const [amount, currency, minor] of table.filter(
		([, , expected]) => !Number.isNaN(expected),
	)) {
		it(`${JSON.stringify(amount)} ${currency} → ${minor}`, () =>
			assert.equal(toMinorUnits(amount, currency), minor));
	}
});

describe('toMinorUnits refuses, naming the field and the fix', () => {
	const table: Array<[string | number, string, RegExp]> = [
		[0.1 + 0.2, 'usd', /has 17 decimals, but USD amounts have 2 decimals.*never rounds money/],
		[1.005, 'usd', /"1\.005" has 3 decimals.*for example 1\.00\b/],
		['19.999', 'usd', /has 3 decimals, but USD amounts have 2/],
		['1.5', 'jpy', /has 1 decimal.*JPY amounts have no decimals.*for example 1\b/],
		['1.234', 'bhd', /non-zero third decimal.*such as 1\.230/],
		['1.2345', 'bhd', /has 4 decimals.*for example 1\.230/],
		['5.50', 'isk', /ISK amounts have no decimals/],
		['-5', 'usd', /negative.*use a refund/],
		[-0.5, 'usd', /negative/],
		['1,000.50', 'usd', /Remove the thousands separators: write 1000\.50/],
		['1 000', 'usd', /Remove the thousands separators: write 1000\./],
		['10,50', 'eur', /Use a dot as the decimal separator: write 10\.50/],
		['$19.99', 'usd', /no currency symbol/],
		['19.99 USD', 'usd', /no currency symbol/],
		['1.2.3', 'usd', /not a decimal amount/],
		['', 'usd', /not a decimal amount.*such as 19\.99/],
		['.', 'usd', /not a decimal amount/],
		[Number.NaN, 'usd', /NaN is not an amount/],
		[Number.POSITIVE_INFINITY, 'usd', /Infinity is not an amount/],
		['1000000', 'usd', /above Stripe's limit of 999999\.99 USD/],
		['100000000', 'jpy', /above Stripe's limit of 99999999 JPY/],
		[1e21, 'usd', /above Stripe's limit/],
		[1e-7, 'usd', /has 7 decimals/],
		['99999999999999999999', 'usd', /above Stripe's limit/],
	];
	for (const [amount, currency, message] of table) {
		it(`${JSON.stringify(amount)} ${currency}`, () => {
			const error = refusal(() => toMinorUnits(amount, currency, 'line_items[0].price'));
			assert.equal(error.field, 'line_items[0].price');
			assert.match(error.message, /^line_items\[0\]\.price: /);
			assert.match(error.message, message);
		});
	}

	it('refuses a card number pasted as an amount or currency without echoing it', () => {
		const amountError = refusal(() => toMinorUnits('4242 4242 4242 4242', 'usd', 'unit_amount'));
		assert.equal(amountError.field, 'unit_amount');
		assert.match(amountError.message, /card number \(ending 4242\)/);
		assert.ok(!amountError.message.includes('42424242'));
		const currencyError = refusal(() => toMinorUnits('1', '4242424242424242'));
		assert.equal(currencyError.field, 'currency');
		assert.ok(!currencyError.message.includes('4242'));
	});

	it('uses "amount" as the default field', () => {
		assert.equal(refusal(() => toMinorUnits('abc', 'usd')).field, 'amount');
	});

	it('refuses a value that is not a string or number', () => {
		assert.equal(refusal(() => toMinorUnits(null as unknown as string, 'usd')).field, 'amount');
	});
});

describe('fromMinorUnits', () => {
	const table: Array<[number, string, string]> = [
		[1999, 'usd', '19.99'],
		[5, 'usd', '0.05'],
		[0, 'usd', '0.00'],
		[-1250, 'eur', '-12.50'],
		[500, 'jpy', '500'],
		[1230, 'bhd', '1.230'],
		[10, 'kwd', '0.010'],
		[MAX_MINOR_UNITS, 'usd', '999999.99'],
	];
	for (const [minor, currency, text] of table) {
		it(`${minor} ${currency} → ${text}`, () => assert.equal(fromMinorUnits(minor, currency), text));
	}

	it('round-trips with toMinorUnits', () => {
		for (const [minor, currency] of table.filter(([value]) => value >= 0)) {
			assert.equal(toMinorUnits(fromMinorUnits(minor, currency), currency), minor);
		}
	});

	it('refuses fractions of a minor unit', () => {
		assert.match(refusal(() => fromMinorUnits(19.5, 'usd')).message, /not a whole number/);
	});
});

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
