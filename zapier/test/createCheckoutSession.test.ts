import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	App,
	STRIPE_API_VERSION,
	bundleOf,
	recordPosts,
	run,
	useNock,
	zapierErrorOf,
} from './helpers';

const perform = App.creates.create_checkout_session.operation.perform;

const session = {
	id: 'cs_test_1',
	object: 'checkout.session',
	url: 'https://checkout.stripe.com/c/pay/cs_test_1',
	status: 'open',
	payment_status: 'unpaid',
	amount_total: 3998,
	currency: 'usd',
	payment_intent: null,
	customer: null,
	customer_email: 'jane@example.com',
	metadata: { order_id: '42' },
	created: 1767225600,
	livemode: false,
};

const inputData = {
	productName: 'Annual plan',
	amount: '19.99',
	currency: 'USD',
	quantity: '2',
	successUrl: 'https://example.com/thanks?session={CHECKOUT_SESSION_ID}',
	customerEmail: 'jane@example.com',
	metadata: { order_id: '42' },
};

describe('create checkout session', () => {
	useNock();

	it('sends exact minor units, line item, URLs and metadata with a stable idempotency key', async () => {
		const sent = recordPosts('/v1/checkout/sessions', session, { times: 2, checkHeaders: true });
		const bundle = bundleOf(inputData, 'zap_1');

		const first = await run(perform, bundle);
		const replay = await run(perform, bundle);

		assert.deepEqual(sent[0].form, {
			mode: 'payment',
			'line_items[0][price_data][currency]': 'usd',
			'line_items[0][price_data][unit_amount]': '1999',
			'line_items[0][price_data][product_data][name]': 'Annual plan',
			'line_items[0][quantity]': '2',
			success_url: 'https://example.com/thanks?session={CHECKOUT_SESSION_ID}',
			customer_email: 'jane@example.com',
			'metadata[order_id]': '42',
			'payment_intent_data[metadata][order_id]': '42',
		});
		assert.equal(sent[0].headers['stripe-version'], STRIPE_API_VERSION);
		assert.equal(sent[0].headers['content-type'], 'application/x-www-form-urlencoded');
		assert.match(String(sent[0].headers['idempotency-key']), /^paywire-[0-9a-f]{64}$/);
		assert.equal(
			sent[1].headers['idempotency-key'],
			sent[0].headers['idempotency-key'],
			'a replay reuses the key',
		);

		assert.equal(first.url, session.url);
		assert.equal(first.idempotencyKey, sent[0].headers['idempotency-key']);
		const payment = first.payment as Record<string, unknown>;
		assert.equal(payment.kind, 'checkout');
		assert.equal(payment.paid, false);
		assert.equal(payment.amount, '39.98');
		assert.deepEqual(replay, first);
	});

	it('uses a different key for another Zap, another reference or other input', async () => {
		const sent = recordPosts('/v1/checkout/sessions', session, { times: 4 });
		await run(perform, bundleOf(inputData, 'zap_1'));
		await run(perform, bundleOf(inputData, 'zap_2'));
		await run(perform, bundleOf({ ...inputData, reference: 'order-43' }, 'zap_1'));
		await run(perform, bundleOf({ ...inputData, amount: '20.00' }, 'zap_1'));
		const keys = new Set(sent.map((request) => request.headers['idempotency-key']));
		assert.equal(keys.size, 4);
	});

	it('refuses a card number in any input before sending anything', async () => {
		await assert.rejects(
			run(perform, bundleOf({ ...inputData, metadata: { note: 'card 4242 4242 4242 4242' } })),
			(error: unknown) => {
				const { message, code } = zapierErrorOf(error);
				assert.equal(code, 'fix_request');
				assert.match(message, /Metadata\.note: looks like a card number \(ending 4242\)/);
				assert.doesNotMatch(message, /4242 4242/);
				return true;
			},
		);
	});

	it('refuses an amount with more decimals than the currency has, never rounding', async () => {
		await assert.rejects(
			run(perform, bundleOf({ ...inputData, amount: '19.999' })),
			(error: unknown) => {
				assert.match(zapierErrorOf(error).message, /^Amount: "19\.999" has 3 decimals/);
				return true;
			},
		);
	});
});
