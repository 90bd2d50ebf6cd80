import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { refusalCases, refused } from './refusalCases';

/**
 * Issue 12, cases 4-8: values, unknown and nested parameters, mode and confirm rules, formats and
 * the uncaptured-refund error 0.1.0's emulator got wrong, answered as Stripe answers.
 */
const { post, charge, session, priceData } = refusalCases();

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
			post('/v1/payment_intents', {
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
			post('/v1/customers', { metadata: { a: { b: 'c' } } }),
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
				post('/v1/payment_intents', {
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
		await refused(post('/v1/customers', { email: 'notanemail' }), 'email', /Invalid email address/);
		await refused(
			session({ mode: 'payment', line_items: [priceData('usd', 900)], success_url: 'not-a-url' }),
			'success_url',
			/Not a valid URL/,
		);
		await refused(
			post('/v1/payment_links', {
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
		const { status, body } = await post('/v1/refunds', {
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
