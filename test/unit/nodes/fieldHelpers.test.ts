import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	checkoutExpiresAt,
	MAX_EXPIRY_MINUTES,
} from '../../../nodes/StripePayments/actions/checkoutSession/createOptions';
import { lineItemsFromParameter } from '../../../nodes/StripePayments/actions/checkoutSession/lineItems';
import { metadataFromParameter } from '../../../nodes/StripePayments/helpers/metadata';
import { checkedRedirectUrl } from '../../../nodes/StripePayments/helpers/redirectUrls';
import { dashboardUrlPattern } from '../../../nodes/StripePayments/helpers/resourceLocators';

describe('dashboardUrlPattern', () => {
	const idIn = (object: Parameters<typeof dashboardUrlPattern>[0], url: string) =>
		new RegExp(dashboardUrlPattern(object)).exec(url)?.[1] ?? null;

	it('extracts the id from test, live and Connect Dashboard URLs', () => {
		assert.equal(
			idIn('customer', 'https://dashboard.stripe.com/test/customers/cus_Nff1'),
			'cus_Nff1',
		);
		assert.equal(
			idIn('customer', 'https://dashboard.stripe.com/customers/cus_Nff1?tab=x'),
			'cus_Nff1',
		);
		assert.equal(
			idIn('paymentIntent', 'https://dashboard.stripe.com/acct_1A/test/payments/pi_3Mtw'),
			'pi_3Mtw',
		);
		assert.equal(idIn('price', 'https://dashboard.stripe.com/prices/price_1Mo'), 'price_1Mo');
		assert.equal(idIn('invoice', 'https://dashboard.stripe.com/invoices/in_1Mt/'), 'in_1Mt');
		assert.equal(
			idIn('checkoutSession', 'https://dashboard.stripe.com/test/checkout/sessions/cs_test_a1'),
			'cs_test_a1',
		);
	});

	it('refuses another object kind and other hosts', () => {
		assert.equal(idIn('customer', 'https://dashboard.stripe.com/test/payments/pi_3Mtw'), null);
		assert.equal(
			idIn('customer', 'https://evil.example/dashboard.stripe.com/customers/cus_1'),
			null,
		);
	});
});

describe('checkedRedirectUrl', () => {
	it('accepts a URL with the exact session placeholder', () => {
		const url = 'https://example.com/thanks?session_id={CHECKOUT_SESSION_ID}';
		assert.equal(checkedRedirectUrl(` ${url} `, 'Success URL'), url);
	});

	it('refuses a misspelt or encoded placeholder, and non-URLs', () => {
		assert.throws(
			() => checkedRedirectUrl('https://example.com/?s={checkout_session_id}', 'Success URL'),
			/Success URL: .*placeholder.*\{CHECKOUT_SESSION_ID\}/,
		);
		assert.throws(
			() => checkedRedirectUrl('https://example.com/?s=%7BCHECKOUT_SESSION_ID%7D', 'Success URL'),
			/placeholder/,
		);
		assert.throws(
			() => checkedRedirectUrl('example.com/thanks', 'Cancel URL'),
			/Cancel URL: is not a full URL/,
		);
		assert.throws(() => checkedRedirectUrl('javascript:alert(1)', 'Cancel URL'), /https/);
	});
});

describe('checkoutExpiresAt', () => {
	const now = Date.UTC(2026, 0, 1, 12, 0, 7);
	const nowSeconds = Math.floor(now / 1000);

	it('stays inside Stripe’s 30 min – 24 h window with a margin, on a 5-minute step', () => {
		for (const minutes of [30, 31, 60, 600, MAX_EXPIRY_MINUTES]) {
			const expiresAt = checkoutExpiresAt(minutes, now);
			assert.ok(expiresAt >= nowSeconds + 30 * 60 + 60, `${minutes}: too soon`);
			assert.ok(expiresAt <= nowSeconds + 24 * 3600 - 60, `${minutes}: too late`);
			assert.equal(expiresAt % 300, 0);
		}
	});

	it('gives the same value for a re-send a minute later (same idempotent params)', () => {
		assert.equal(checkoutExpiresAt(120, now), checkoutExpiresAt(120, now + 1_000));
	});

	it('refuses values outside 30–1440 minutes', () => {
		assert.throws(() => checkoutExpiresAt(29, now), /Expires In \(Minutes\): is 29/);
		assert.throws(() => checkoutExpiresAt(1441, now), /30 to 1440/);
	});
});

describe('lineItemsFromParameter', () => {
	it('builds price and ad-hoc items with exact minor units', () => {
		const items = lineItemsFromParameter(
			{
				items: [
					{ type: 'price', price: 'price_1', quantity: 2 },
					{ type: 'adHoc', name: 'Shirt', amount: '19.99', quantity: 1 },
				],
			},
			{ currency: 'usd' },
		);
		assert.deepEqual(items, [
			{ price: 'price_1', quantity: 2 },
			{
				quantity: 1,
				price_data: { currency: 'usd', unit_amount: 1999, product_data: { name: 'Shirt' } },
			},
		]);
	});

	it('adds the billing interval to ad-hoc subscription items, and uses zero-decimal currencies', () => {
		const [item] = lineItemsFromParameter(
			{ items: [{ type: 'adHoc', name: 'Plan', amount: '1200', quantity: 1 }] },
			{ currency: 'jpy', recurringInterval: 'month' },
		);
		assert.deepEqual(item.price_data, {
			currency: 'jpy',
			unit_amount: 1200,
			product_data: { name: 'Plan' },
			recurring: { interval: 'month' },
		});
	});

	it('refuses empty lists, bad price ids and nameless items, naming the line', () => {
		assert.throws(() => lineItemsFromParameter({}, { currency: 'usd' }), /Line Items: are empty/);
		assert.throws(
			() =>
				lineItemsFromParameter(
					{ items: [{}, { type: 'price', price: 'prod_1' }] },
					{ currency: 'usd' },
				),
			/Line Items 1: has no valid price id/,
		);
		assert.throws(
			() =>
				lineItemsFromParameter({ items: [{ type: 'adHoc', amount: '1' }] }, { currency: 'usd' }),
			/Line Items 1: has no name/,
		);
	});
});

describe('metadataFromParameter', () => {
	it('turns entries into Stripe metadata and skips blank keys', () => {
		assert.deepEqual(
			metadataFromParameter({
				entries: [
					{ key: 'order_id', value: 42 },
					{ key: ' ', value: 'x' },
				],
			}),
			{ order_id: '42' },
		);
		assert.equal(metadataFromParameter({}), undefined);
	});

	it('enforces Stripe’s limits', () => {
		assert.throws(
			() => metadataFromParameter({ entries: [{ key: 'k'.repeat(41), value: '' }] }),
			/longer than 40/,
		);
		assert.throws(
			() => metadataFromParameter({ entries: [{ key: 'k', value: 'v'.repeat(501) }] }),
			/longer than 500/,
		);
		const many = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
		assert.throws(() => metadataFromParameter({ entries: many }), /51 keys/);
	});
});
