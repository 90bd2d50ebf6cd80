import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { refusalCases, refused } from './refusalCases';

/**
 * Issue 12, cases 1-3: currencies and amounts 0.1.0's emulator accepted (some ending in a
 * successful charge) and Stripe refuses: 400, invalid_request_error, the parameter named.
 */
const { emulator, post, charge, session, priceData } = refusalCases();

describe('1. currency codes that do not exist', () => {
	it('a PaymentIntent in zzz is refused, not charged', async () => {
		await refused(
			charge({ amount: 1000, currency: 'zzz' }),
			'currency',
			/^Invalid currency: zzz\. Stripe currently supports these currencies: usd, /,
		);
		assert.equal(emulator().scope().moneyMovements.length, 0);
	});
	it('price_data[currency]=xxx on a Checkout Session and a Payment Link', async () => {
		const param = 'line_items[0][price_data][currency]';
		await refused(
			session({ mode: 'payment', line_items: [priceData('xxx', 1000)] }),
			param,
			/Invalid currency: xxx/,
		);
		await refused(
			post('/v1/payment_links', { line_items: [priceData('xxx', 1000)] }),
			param,
			/Invalid currency/,
		);
	});
});

describe('2. amounts below the minimum charge', () => {
	it('INR 0.10 and THB 1.00 are amount_too_small', async () => {
		await refused(
			charge({ amount: 10, currency: 'inr' }),
			'amount',
			/at least 0\.50 inr/,
			'amount_too_small',
		);
		await refused(
			charge({ amount: 100, currency: 'thb' }),
			'amount',
			/at least 10\.00 thb/,
			'amount_too_small',
		);
	});
	it('a Checkout Session of 0.10 USD and a Payment Link of 0.25 USD', async () => {
		await refused(
			session({ mode: 'payment', line_items: [priceData('usd', 10)] }),
			'line_items',
			/total amount due must add up to at least \$0\.50 usd/,
		);
		await refused(
			post('/v1/payment_links', { line_items: [priceData('usd', 25)] }),
			'line_items',
			/total amount due must add up to at least \$0\.50 usd/,
		);
	});
});

describe('3. currency rules on the last digits', () => {
	it('KWD amounts must end in 0: charge, refund and checkout', async () => {
		await refused(charge({ amount: 5125, currency: 'kwd' }), 'amount', /multiple of 10/);
		const paid = await charge({ amount: 5120, currency: 'kwd' });
		assert.equal(paid.body.status, 'succeeded');
		await refused(
			post('/v1/refunds', { payment_intent: paid.body.id, amount: 1005 }),
			'amount',
			/multiple of 10/,
		);
		await refused(
			session({ mode: 'payment', line_items: [priceData('kwd', 5125)] }),
			'line_items[0][price_data][unit_amount]',
			/multiple of 10/,
		);
	});
	it('ISK amounts must be whole krónur (multiples of 100)', async () => {
		await refused(charge({ amount: 15050, currency: 'isk' }), 'amount', /multiple of 100/);
		assert.equal((await charge({ amount: 15000, currency: 'isk' })).body.status, 'succeeded');
	});
});
