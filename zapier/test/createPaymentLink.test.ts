import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import nock from 'nock';

import { App, STRIPE, bundleOf, recordPosts, run, useNock, zapierErrorOf } from './helpers';

const perform = App.creates.create_payment_link.operation.perform;

const link = {
	id: 'plink_1',
	object: 'payment_link',
	url: 'https://buy.stripe.com/test_1',
	active: true,
	currency: 'jpy',
	metadata: {},
	livemode: false,
};

describe('create payment link', () => {
	useNock();

	it('sends a zero-decimal amount as is, the redirect and an idempotency key', async () => {
		const sent = recordPosts('/v1/payment_links', link, { checkHeaders: true });
		const result = await run(
			perform,
			bundleOf(
				{
					productName: 'Workshop',
					amount: '5000',
					currency: 'jpy',
					redirectUrl: 'https://example.com/done',
				},
				'zap_1',
			),
		);
		assert.deepEqual(sent[0].form, {
			'line_items[0][price_data][currency]': 'jpy',
			'line_items[0][price_data][unit_amount]': '5000',
			'line_items[0][price_data][product_data][name]': 'Workshop',
			'line_items[0][quantity]': '1',
			'after_completion[type]': 'redirect',
			'after_completion[redirect][url]': 'https://example.com/done',
		});
		assert.match(String(sent[0].headers['idempotency-key']), /^paywire-[0-9a-f]{64}$/);
		assert.equal(result.url, link.url);
		assert.equal((result.payment as Record<string, unknown>).kind, 'payment_link');
	});

	it('passes on Stripe’s permission refusal with the next step', async () => {
		nock(STRIPE)
			.post('/v1/payment_links')
			.reply(403, {
				error: {
					type: 'invalid_request_error',
					message: 'The provided key does not have the required permissions',
				},
			});
		await assert.rejects(
			run(perform, bundleOf({ productName: 'Workshop', amount: '10', currency: 'usd' })),
			(error: unknown) => {
				const parsed = zapierErrorOf(error);
				assert.equal(parsed.code, 'check_permissions');
				assert.equal(parsed.status, 403);
				assert.match(parsed.message, /restricted key/);
				return true;
			},
		);
	});
});
