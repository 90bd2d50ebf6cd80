import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startStripeEmulator, type StripeEmulator } from '../index';
import { raw } from '../testClient';

/**
 * Issue 12's eight kinds of request 0.1.0's emulator accepted and Stripe refuses: each is answered
 * with HTTP 400, an invalid_request_error, and the parameter Stripe names.
 */
let emulator: StripeEmulator;
before(async () => {
	emulator = await startStripeEmulator({ rateLimitPerSecond: 0 });
});
after(() => emulator.stop());

const card = { automatic_payment_methods: { enabled: true, allow_redirects: 'never' } };
const charge = (fields: Record<string, unknown>) =>
	raw(emulator, 'POST', '/v1/payment_intents', {
		payment_method: 'pm_card_visa',
		confirm: true,
		...card,
		...fields,
	});
const priceData = (currency: string, unitAmount: number, extra: object = {}) => ({
	price_data: { currency, unit_amount: unitAmount, product_data: { name: 'Mug' }, ...extra },
	quantity: 1,
});
const session = (fields: Record<string, unknown>) =>
	raw(emulator, 'POST', '/v1/checkout/sessions', {
		success_url: 'https://example.com/ok',
		...fields,
	});

async function refused(
	response: Promise<{ status: number; body: any }>,
	param: string,
	message: RegExp,
	code?: string,
) {
	const { status, body } = await response;
	assert.equal(status, 400, JSON.stringify(body));
	assert.equal(body.error.type, 'invalid_request_error');
	assert.equal(body.error.param, param);
	assert.match(body.error.message, message);
	if (code) assert.equal(body.error.code, code);
}

describe('1. currency codes that do not exist', () => {
	it('a PaymentIntent in zzz is refused, not charged', async () => {
		await refused(
			charge({ amount: 1000, currency: 'zzz' }),
			'currency',
			/^Invalid currency: zzz\. Stripe currently supports these currencies: usd, /,
		);
		assert.equal(emulator.scope().moneyMovements.length, 0);
	});
	it('price_data[currency]=xxx on a Checkout Session and a Payment Link', async () => {
		const param = 'line_items[0][price_data][currency]';
		await refused(
			session({ mode: 'payment', line_items: [priceData('xxx', 1000)] }),
			param,
			/Invalid currency: xxx/,
		);
		await refused(
			raw(emulator, 'POST', '/v1/payment_links', { line_items: [priceData('xxx', 1000)] }),
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
			raw(emulator, 'POST', '/v1/payment_links', { line_items: [priceData('usd', 25)] }),
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
			raw(emulator, 'POST', '/v1/refunds', { payment_intent: paid.body.id, amount: 1005 }),
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

describe("4. values outside a field's allowed set", () => {
	it('capture_method=bogus', async () => {
		await refused(
			charge({ amount: 1000, currency: 'usd', capture_method: 'bogus' }),
			'capture_method',
			/^Invalid capture_method: must be one of automatic, automatic_async, or manual$/,
		);
	});
	it('a recurring interval of fortnight, or none', async () => {
		const param = 'line_items[0][price_data][recurring][interval]';
		await refused(
			session({
				mode: 'subscription',
				line_items: [priceData('usd', 900, { recurring: { interval: 'fortnight' } })],
			}),
			param,
			/must be one of day, month, week, or year/,
		);
		await refused(
			session({
				mode: 'subscription',
				line_items: [priceData('usd', 900, { recurring: { interval_count: 1 } })],
			}),
			param,
			/Missing required param/,
			'parameter_missing',
		);
	});
});

describe('5. unknown nested parameters and nested metadata', () => {
	it('automatic_payment_methods[bogus] and line_items[0][price_data][bogus]', async () => {
		await refused(
			raw(emulator, 'POST', '/v1/payment_intents', {
				amount: 1000,
				currency: 'usd',
				automatic_payment_methods: { enabled: true, bogus: 'x' },
			}),
			'automatic_payment_methods[bogus]',
			/^Received unknown parameter: automatic_payment_methods\[bogus\]$/,
			'parameter_unknown',
		);
		await refused(
			session({ mode: 'payment', line_items: [priceData('usd', 1000, { bogus: 'x' })] }),
			'line_items[0][price_data][bogus]',
			/Received unknown parameter/,
			'parameter_unknown',
		);
	});
	it('metadata[a][b]=c is refused, not stored as {}', async () => {
		await refused(
			raw(emulator, 'POST', '/v1/customers', { metadata: { a: { b: 'c' } } }),
			'metadata[a]',
			/Invalid string/,
		);
	});
	it('an empty string for a parameter that cannot be unset', async () => {
		await refused(
			charge({ amount: '', currency: 'usd' }),
			'amount',
			/You passed an empty string for 'amount'/,
			'parameter_invalid_empty',
		);
	});
});

describe('6. parameters valid only in another mode or with confirm=true', () => {
	const recurring = [priceData('usd', 900, { recurring: { interval: 'month' } })];
	it('payment_intent_data in subscription mode, subscription_data in payment mode, line_items in setup mode', async () => {
		await refused(
			session({
				mode: 'subscription',
				line_items: recurring,
				payment_intent_data: { description: 'x' },
			}),
			'payment_intent_data',
			/`payment_intent_data` in `subscription` mode/,
		);
		await refused(
			session({
				mode: 'payment',
				line_items: [priceData('usd', 900)],
				subscription_data: { description: 'x' },
			}),
			'subscription_data',
			/`subscription_data` in `payment` mode/,
		);
		await refused(
			session({ mode: 'setup', currency: 'usd', line_items: [priceData('usd', 900)] }),
			'line_items',
			/`line_items` in `setup` mode/,
		);
	});
	it('off_session and error_on_requires_action without confirm=true', async () => {
		for (const param of ['off_session', 'error_on_requires_action']) {
			await refused(
				raw(emulator, 'POST', '/v1/payment_intents', {
					amount: 1000,
					currency: 'usd',
					[param]: true,
				}),
				param,
				/only be passed when `confirm` is `true`/,
			);
		}
	});
});

describe('7. formats', () => {
	it('email=notanemail, success_url=not-a-url, a Payment Link redirect without a URL', async () => {
		await refused(
			raw(emulator, 'POST', '/v1/customers', { email: 'notanemail' }),
			'email',
			/Invalid email address/,
		);
		await refused(
			session({ mode: 'payment', line_items: [priceData('usd', 900)], success_url: 'not-a-url' }),
			'success_url',
			/Not a valid URL/,
		);
		await refused(
			raw(emulator, 'POST', '/v1/payment_links', {
				line_items: [priceData('usd', 900)],
				after_completion: { type: 'redirect' },
			}),
			'after_completion[redirect][url]',
			/Missing required param/,
			'parameter_missing',
		);
	});
});

describe('8. refunding the charge of an uncaptured PaymentIntent', () => {
	it('says to cancel the PaymentIntent, not amount_too_large', async () => {
		const held = await charge({ amount: 2000, currency: 'usd', capture_method: 'manual' });
		assert.equal(held.body.status, 'requires_capture');
		const { status, body } = await raw(emulator, 'POST', '/v1/refunds', {
			charge: held.body.latest_charge,
		});
		assert.equal(status, 400);
		assert.equal(body.error.param, 'charge');
		assert.notEqual(body.error.code, 'amount_too_large');
		assert.match(
			body.error.message,
			new RegExp(`has not been captured.*cancel the PaymentIntent ${held.body.id}`),
		);
	});
});
