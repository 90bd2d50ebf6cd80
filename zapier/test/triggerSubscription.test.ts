import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import nock from 'nock';

import {
	App,
	STRIPE,
	STRIPE_API_VERSION,
	authData,
	recordInto,
	recordPosts,
	run,
	stripeHeaders,
	useNock,
	zapierErrorOf,
	type SentRequest,
} from './helpers';
import { stripeEvent } from './stripeEvents';

const operationOf = (key: string) =>
	App.triggers[key as keyof typeof App.triggers].operation as unknown as Record<string, unknown>;
const targetUrl = 'https://hooks.zapier.com/hooks/standard/1/abc/';
const endpoint = {
	id: 'we_1',
	object: 'webhook_endpoint',
	url: targetUrl,
	secret: 'whsec_created',
	status: 'enabled',
};

describe('trigger subscribe', () => {
	useNock();

	it('creates one pinned endpoint for the target URL with the minimal events and returns id and secret', async () => {
		const sent: SentRequest[] = [];
		nock(STRIPE, stripeHeaders)
			.get('/v1/webhook_endpoints')
			.query({ limit: '100' })
			.reply(200, { object: 'list', data: [], has_more: false });
		nock(STRIPE, stripeHeaders)
			.post('/v1/webhook_endpoints')
			.reply(recordInto(sent, 200, endpoint));
		const bundle = { authData, targetUrl, meta: { zap: { id: 'zap_9' } } };
		const subscribeData = await run(operationOf('payment_succeeded').performSubscribe, bundle);

		assert.deepEqual(subscribeData, { id: 'we_1', secret: 'whsec_created' });
		assert.deepEqual(sent[0].form, {
			url: targetUrl,
			'enabled_events[0]': 'checkout.session.async_payment_succeeded',
			'enabled_events[1]': 'checkout.session.completed',
			'enabled_events[2]': 'payment_intent.succeeded',
			api_version: STRIPE_API_VERSION,
			description: 'Paywire for Zapier: Payment Succeeded',
			'metadata[created_by]': 'paywire-zapier',
			'metadata[trigger]': 'payment_succeeded',
			'metadata[zap_id]': 'zap_9',
		});
		assert.match(String(sent[0].headers['idempotency-key']), /^paywire-[0-9a-f]{64}$/);
	});

	it('deletes its own earlier endpoint for the same URL first (a retried subscribe leaks none)', async () => {
		const earlier = { ...endpoint, id: 'we_old', metadata: { created_by: 'paywire-zapier' } };
		const foreignSameUrl = { ...endpoint, id: 'we_foreign', metadata: {} };
		const otherUrl = {
			...earlier,
			id: 'we_other',
			url: 'https://hooks.zapier.com/hooks/standard/1/xyz/',
		};
		nock(STRIPE)
			.get('/v1/webhook_endpoints')
			.query(true)
			.reply(200, { object: 'list', data: [earlier, foreignSameUrl, otherUrl], has_more: false });
		nock(STRIPE).delete('/v1/webhook_endpoints/we_old').reply(200, { id: 'we_old', deleted: true });
		const sent = recordPosts('/v1/webhook_endpoints', { ...endpoint, id: 'we_new' });
		const subscribeData = await run(operationOf('checkout_expired').performSubscribe, {
			authData,
			targetUrl,
		});
		assert.deepEqual(subscribeData, { id: 'we_new', secret: 'whsec_created' });
		assert.equal(sent.length, 1);
	});

	it('uses a new idempotency key for each subscribe, so a re-subscribed URL gets a live endpoint', async () => {
		nock(STRIPE)
			.get('/v1/webhook_endpoints')
			.query(true)
			.twice()
			.reply(200, { object: 'list', data: [] });
		const sent = recordPosts('/v1/webhook_endpoints', endpoint, { times: 2 });
		await run(operationOf('checkout_expired').performSubscribe, { authData, targetUrl });
		await run(operationOf('checkout_expired').performSubscribe, { authData, targetUrl });
		assert.notEqual(sent[0].headers['idempotency-key'], sent[1].headers['idempotency-key']);
	});

	it('enables only the events each trigger needs', async () => {
		const expected: Record<string, string[]> = {
			payment_failed: ['checkout.session.async_payment_failed', 'payment_intent.payment_failed'],
			checkout_completed: ['checkout.session.completed'],
			checkout_expired: ['checkout.session.expired'],
			refund_succeeded: ['refund.created', 'refund.updated'],
			dispute_created: ['charge.dispute.created'],
			subscription_payment_failed: ['invoice.payment_failed'],
		};
		for (const [trigger, events] of Object.entries(expected)) {
			nock(STRIPE)
				.get('/v1/webhook_endpoints')
				.query(true)
				.reply(200, { object: 'list', data: [] });
			const sent = recordPosts('/v1/webhook_endpoints', endpoint);
			await run(operationOf(trigger).performSubscribe, { authData, targetUrl });
			const enabled = Object.entries(sent[0].form)
				.filter(([key]) => key.startsWith('enabled_events'))
				.map(([, value]) => value);
			assert.deepEqual(enabled, events, trigger);
		}
	});

	it('fails with the next step when Stripe refuses the endpoint', async () => {
		nock(STRIPE).get('/v1/webhook_endpoints').query(true).reply(200, { object: 'list', data: [] });
		nock(STRIPE)
			.post('/v1/webhook_endpoints')
			.reply(400, {
				error: {
					type: 'invalid_request_error',
					message: 'You have reached the maximum of 16 test webhook endpoints.',
				},
			});
		await assert.rejects(
			run(operationOf('payment_failed').performSubscribe, { authData, targetUrl }),
			(error: unknown) => {
				const parsed = zapierErrorOf(error);
				assert.equal(parsed.code, 'fix_request');
				assert.match(parsed.message, /maximum of 16/);
				return true;
			},
		);
	});
});

describe('trigger unsubscribe', () => {
	useNock();

	it('deletes the endpoint Zapier kept', async () => {
		nock(STRIPE, stripeHeaders)
			.delete('/v1/webhook_endpoints/we_1')
			.reply(200, { id: 'we_1', deleted: true });
		const result = await run(operationOf('refund_succeeded').performUnsubscribe, {
			authData,
			subscribeData: { id: 'we_1', secret: 'whsec_created' },
		});
		assert.deepEqual(result, { id: 'we_1', deleted: true });
	});

	it('counts an endpoint that is already gone as unsubscribed', async () => {
		nock(STRIPE)
			.delete('/v1/webhook_endpoints/we_1')
			.reply(404, { error: { type: 'invalid_request_error', code: 'resource_missing' } });
		const result = await run(operationOf('refund_succeeded').performUnsubscribe, {
			authData,
			subscribeData: { id: 'we_1' },
		});
		assert.deepEqual(result, { id: 'we_1', deleted: true });
	});

	it('fails on a revoked key, so Zapier asks to reconnect', async () => {
		nock(STRIPE)
			.delete('/v1/webhook_endpoints/we_1')
			.reply(401, { error: { type: 'invalid_request_error' } });
		await assert.rejects(
			run(operationOf('refund_succeeded').performUnsubscribe, {
				authData,
				subscribeData: { id: 'we_1' },
			}),
			(error: unknown) => (error as Error).name === 'ExpiredAuthError',
		);
	});
});

describe('trigger samples (performList)', () => {
	useNock();

	it('lists recent events of the trigger’s types, normalised and filtered like deliveries', async () => {
		const unpaid = stripeEvent('checkout.session.completed', 'evt_unpaid', {
			...stripeEvent('checkout.session.completed').data.object,
			payment_status: 'unpaid',
		});
		nock(STRIPE, stripeHeaders)
			.get('/v1/events')
			.query({
				'types[0]': 'checkout.session.async_payment_succeeded',
				'types[1]': 'checkout.session.completed',
				'types[2]': 'payment_intent.succeeded',
				limit: '25',
			})
			.reply(200, {
				object: 'list',
				data: [stripeEvent('payment_intent.succeeded'), unpaid],
				has_more: false,
			});
		const items = await run<Record<string, unknown>[]>(
			operationOf('payment_succeeded').performList,
			{ authData },
		);
		assert.deepEqual(
			items.map((item) => item.id),
			['evt_payment_intent_succeeded'],
		);
		assert.equal((items[0].payment as Record<string, unknown>).paid, true);
	});

	it('fails plainly when the key may not read events', async () => {
		nock(STRIPE)
			.get('/v1/events')
			.query(true)
			.reply(403, { error: { type: 'invalid_request_error' } });
		await assert.rejects(
			run(operationOf('dispute_created').performList, { authData }),
			(error: unknown) => {
				assert.equal(zapierErrorOf(error).code, 'check_permissions');
				return true;
			},
		);
	});
});
