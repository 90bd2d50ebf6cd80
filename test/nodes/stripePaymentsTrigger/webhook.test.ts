import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject, IWebhookResponseData } from 'n8n-workflow';
import nock from 'nock';
import Stripe from 'stripe';

import { resetInProcessDedupe } from '../../../nodes/StripePaymentsTrigger/staticDataStore';
import { STRIPE, useFastRetries } from '../stripePayments/support';
import {
	createdEndpointState,
	deliver,
	SECRET,
	signedDelivery,
	webhookContext,
	trigger,
} from './contexts';
import { checkoutCompleted, intentSucceeded, PAYMENT_INTENT_ID, stripeEvent } from './events';
import { useTriggerTestHooks } from './hooks';

async function deliverLogged(
	delivery: ReturnType<typeof signedDelivery>,
	staticData: IDataObject,
	logged: string[],
) {
	const { webhook } = webhookContext(delivery, { staticData });
	const logger = { error: (line: string) => logged.push(line), warn: () => undefined };
	const result = await trigger.webhook.call(Object.assign(webhook, { logger }));
	return { result };
}

function itemsOf(result: IWebhookResponseData): IDataObject[] {
	return (result.workflowData?.[0] ?? []).map((item) => item.json);
}

function assertRejected(
	outcome: { result: IWebhookResponseData; response: { status?: number; body?: unknown } },
	status: number,
) {
	assert.equal(outcome.result.noWebhookResponse, true);
	assert.equal(outcome.result.workflowData, undefined);
	assert.equal(outcome.response.status, status);
	assert.equal(typeof (outcome.response.body as { error?: unknown }).error, 'string');
}

const BOTH = { events: ['payment.succeeded', 'checkout.completed'] };

describe('Stripe Payments Trigger webhook()', () => {
	useTriggerTestHooks();

	it('emits { event, names, payment, object } for a signed payment_intent.succeeded', async () => {
		const event = intentSucceeded();
		const { result, staticData } = await deliver(signedDelivery(event), {
			staticData: createdEndpointState(),
		});
		const [item] = itemsOf(result);
		assert.deepEqual(item.event, {
			id: event.id,
			type: 'payment_intent.succeeded',
			created: event.created,
			livemode: false,
			apiVersion: null,
			account: null,
		});
		assert.deepEqual(item.names, ['payment.succeeded']);
		assert.equal((item.payment as IDataObject).paid, true);
		assert.equal((item.object as IDataObject).id, PAYMENT_INTENT_ID);
		const keys = (staticData.processedKeys as Array<{ k: string }>).map((entry) => entry.k);
		assert.ok(keys.includes(`event:${String(event.id)}`));
	});

	it('missing signature header → 400, noWebhookResponse, nothing recorded', async () => {
		const { rawBody } = signedDelivery(intentSucceeded());
		const outcome = await deliver({ rawBody, headers: {} }, { staticData: createdEndpointState() });
		assertRejected(outcome, 400);
		assert.equal(outcome.staticData.processedKeys, undefined);
	});

	it('header given twice → 400', async () => {
		const delivery = signedDelivery(intentSucceeded());
		const header = delivery.headers['stripe-signature'] as string;
		const twice = { rawBody: delivery.rawBody, headers: { 'stripe-signature': [header, header] } };
		assertRejected(await deliver(twice, { staticData: createdEndpointState() }), 400);
	});

	it('wrong secret → 401; stale timestamp → 401', async () => {
		const wrong = signedDelivery(intentSucceeded(), { secret: 'whsec_test_other' });
		assertRejected(await deliver(wrong, { staticData: createdEndpointState() }), 401);
		const stale = signedDelivery(intentSucceeded(), {
			timestamp: Math.floor(Date.now() / 1000) - 301,
		});
		assertRejected(await deliver(stale, { staticData: createdEndpointState() }), 401);
	});

	it('tampered body → 401', async () => {
		const delivery = signedDelivery(intentSucceeded());
		const tampered = Buffer.from(delivery.rawBody.toString('utf8').replace('1099', '9999'));
		assertRejected(
			await deliver({ ...delivery, rawBody: tampered }, { staticData: createdEndpointState() }),
			401,
		);
	});

	it('n8n answers an accepted delivery; the event is marked done only once the execution is recorded', async () => {
		const staticData = createdEndpointState();
		const { webhook, response } = webhookContext(signedDelivery(intentSucceeded()), { staticData });
		const result = await trigger.webhook.call(webhook);
		assert.equal(result.noWebhookResponse, undefined, 'n8n answers, after recording the execution');
		assert.equal(response.status, undefined, 'the node wrote no answer of its own');
		assert.equal(itemsOf(result).length, 1);
		assert.equal(staticData.processedKeys, undefined, 'not done before the execution is recorded');
		assert.deepEqual(result.webhookResponse, { received: true });
		assert.equal(
			(staticData.processedKeys as unknown as unknown[]).length,
			2,
			'event id and payment key',
		);
	});

	it('a delivery whose execution was never recorded (crash) does not block Stripe’s retry', async () => {
		const delivery = signedDelivery(intentSucceeded());
		const crashed = await deliver(delivery, {
			staticData: createdEndpointState(),
			crashBeforeRecorded: true,
		});
		assert.equal(crashed.staticData.processedKeys, undefined);
		resetInProcessDedupe(); // the process died with its pending claims
		const retried = await deliver(delivery, { staticData: crashed.staticData });
		assert.equal(itemsOf(retried.result).length, 1);
	});

	it('a second delivery while the first is still being recorded → 409 (Stripe retries later)', async () => {
		const delivery = signedDelivery(intentSucceeded());
		const staticData = createdEndpointState();
		await deliver(delivery, { staticData, crashBeforeRecorded: true });
		assertRejected(await deliver(delivery, { staticData }), 409);
	});

	it('a signed event that cannot be read is acknowledged, remembered and logged, never a 500 loop', async () => {
		const poison = intentSucceeded('evt_poison_1');
		poison.created = 1e20; // out of range for a date
		const staticData = createdEndpointState();
		const logged: string[] = [];
		const first = await deliverLogged(signedDelivery(poison), staticData, logged);
		assert.equal(first.result.workflowData, undefined);
		assert.deepEqual(first.result.webhookResponse, { received: true, started: false });
		assert.ok(
			logged.some((line) => line.includes('evt_poison_1')),
			logged.join('\n'),
		);
		const keys = (staticData.processedKeys as Array<{ k: string }>).map((entry) => entry.k);
		assert.deepEqual(keys, ['event:evt_poison_1']);
		const again = await deliverLogged(signedDelivery(poison), staticData, logged);
		assert.equal(again.result.workflowData, undefined);
		assert.equal(again.result.noWebhookResponse, undefined, 'answered 2xx by n8n');
	});

	it('no signing secret (endpoint never created) → 401: fail closed', async () => {
		assertRejected(await deliver(signedDelivery(intentSucceeded()), { staticData: {} }), 401);
	});

	it('no raw body → 400 (the parsed body is never re-serialised to verify)', async () => {
		const delivery = signedDelivery(intentSucceeded());
		assertRejected(
			await deliver({ headers: delivery.headers }, { staticData: createdEndpointState() }),
			400,
		);
	});

	it('a signed body that is not a Stripe event → 400', async () => {
		for (const body of ['not json', JSON.stringify({ hello: 'world' })]) {
			const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
			const outcome = await deliver(
				{ rawBody: Buffer.from(body), headers: { 'stripe-signature': header } },
				{ staticData: createdEndpointState() },
			);
			assertRejected(outcome, 400);
		}
	});

	it('a re-delivered event starts no second execution, also after a restart (static data)', async () => {
		const delivery = signedDelivery(intentSucceeded());
		const first = await deliver(delivery, { staticData: createdEndpointState() });
		assert.equal(itemsOf(first.result).length, 1);
		const again = await deliver(delivery, { staticData: first.staticData });
		assert.deepEqual(again.result, {});
		assert.ok(first.acknowledged);
		resetInProcessDedupe();
		const afterRestart = await deliver(delivery, { staticData: first.staticData });
		assert.deepEqual(afterRestart.result, {});
	});

	it('concurrent deliveries of one event, each with its own static data copy, start one execution', async () => {
		const delivery = signedDelivery(intentSucceeded());
		const outcomes = await Promise.all(
			Array.from({ length: 5 }, () => deliver(delivery, { staticData: createdEndpointState() })),
		);
		assert.equal(outcomes.filter((outcome) => itemsOf(outcome.result).length === 1).length, 1);
	});

	it('a lost static-data update is repaired: each save carries every key this process completed', async () => {
		const a = signedDelivery(intentSucceeded());
		const b = signedDelivery(stripeEvent('refund.created', 'refund'));
		const first = await deliver(a, { staticData: createdEndpointState() });
		// The second delivery loaded static data before the first one was saved (last write wins).
		const second = await deliver(b, {
			staticData: createdEndpointState(),
			parameters: { events: ['refund.succeeded'] },
		});
		assert.equal(itemsOf(first.result).length + itemsOf(second.result).length, 2);
		const keys = (second.staticData.processedKeys as Array<{ k: string }>).map((entry) => entry.k);
		assert.ok(keys.includes(`event:${String(JSON.parse(a.rawBody.toString()).id)}`));
	});

	it('a card checkout (checkout first) gives exactly one payment.succeeded', async () => {
		const staticData = createdEndpointState();
		const checkout = await deliver(signedDelivery(checkoutCompleted('paid')), {
			staticData,
			parameters: BOTH,
		});
		const intent = await deliver(signedDelivery(intentSucceeded()), {
			staticData,
			parameters: BOTH,
		});
		assert.deepEqual(itemsOf(checkout.result)[0].names, [
			'payment.succeeded',
			'checkout.completed',
		]);
		assert.deepEqual(intent.result, {});
	});

	it('a card checkout (payment intent first) gives one payment.succeeded, then checkout.completed alone', async () => {
		const staticData = createdEndpointState();
		const intent = await deliver(signedDelivery(intentSucceeded()), {
			staticData,
			parameters: BOTH,
		});
		const checkout = await deliver(signedDelivery(checkoutCompleted('paid')), {
			staticData,
			parameters: BOTH,
		});
		assert.deepEqual(itemsOf(intent.result)[0].names, ['payment.succeeded']);
		assert.deepEqual(itemsOf(checkout.result)[0].names, ['checkout.completed']);
	});

	it('an unpaid checkout never fires payment.succeeded; the async success later does', async () => {
		const staticData = createdEndpointState();
		const unpaid = await deliver(signedDelivery(checkoutCompleted('unpaid')), { staticData });
		assert.deepEqual(unpaid.result, {});
		const paid = stripeEvent('checkout.session.async_payment_succeeded', 'checkout.session', {
			status: 'complete',
			payment_status: 'paid',
		});
		const later = await deliver(signedDelivery(paid), { staticData });
		assert.deepEqual(itemsOf(later.result)[0].names, ['payment.succeeded']);
	});

	it('events not chosen start nothing; chosen raw types are delivered as they are', async () => {
		const customerCreated = stripeEvent('customer.created', 'customer');
		const ignored = await deliver(signedDelivery(customerCreated), {
			staticData: createdEndpointState(),
		});
		assert.deepEqual(ignored.result, {});
		const raw = await deliver(signedDelivery(customerCreated), {
			staticData: createdEndpointState(),
			parameters: { events: [], options: { rawEventTypes: ['customer.created'] } },
		});
		const [item] = itemsOf(raw.result);
		assert.equal(item.payment, null);
		assert.deepEqual(item.names, []);
		assert.equal((item.event as IDataObject).type, 'customer.created');
	});

	it('a failed subscription payment carries attempt count, next attempt and hosted invoice URL', async () => {
		const failed = stripeEvent('invoice.payment_failed', 'invoice', {
			status: 'open',
			billing_reason: 'subscription_cycle',
			attempt_count: 1,
			next_payment_attempt: 1_800_000_000,
			hosted_invoice_url: 'https://invoice.stripe.com/i/test_1',
		});
		const { result } = await deliver(signedDelivery(failed), {
			staticData: createdEndpointState(),
			parameters: { events: ['subscription.payment_failed'] },
		});
		const [item] = itemsOf(result);
		assert.deepEqual(item.dunning, {
			attemptCount: 1,
			nextAttemptAt: '2027-01-15T08:00:00.000Z',
			hostedInvoiceUrl: 'https://invoice.stripe.com/i/test_1',
		});
		assert.equal((item.payment as IDataObject).nextStep, 'ask_for_new_payment_method');
	});

	it('manual endpoint mode verifies with any pasted secret (rotation)', async () => {
		const parameters = {
			endpointMode: 'manual',
			signingSecrets: { secret: [{ value: 'whsec_test_old' }, { value: ` ${SECRET} ` }] },
		};
		const { result } = await deliver(signedDelivery(intentSucceeded()), { parameters });
		assert.equal(itemsOf(result).length, 1);
		const unknown = signedDelivery(intentSucceeded(), { secret: 'whsec_test_unknown' });
		assertRejected(await deliver(unknown, { parameters }), 401);
	});

	it('Remember Last N Events = 1000 remembers 1000 events: re-deliveries of events 501–1000 back start nothing', async () => {
		// 0.1.0 bounded event ids and once-per-payment keys together (N/2 events): 30 re-deliveries of
		// events 501–1000 back (the 500 oldest of the last 1000) started 30 duplicate executions.
		const staticData = createdEndpointState();
		const parameters = { options: { rememberedEvents: 1000 } };
		const eventOf = (index: number) =>
			stripeEvent(
				'payment_intent.succeeded',
				'payment_intent',
				{ status: 'succeeded', id: `pi_n_${index}` },
				`evt_n_${index}`,
			);
		for (let index = 1; index <= 1000; index += 1) {
			const { result } = await deliver(signedDelivery(eventOf(index)), { staticData, parameters });
			assert.equal(itemsOf(result).length, 1, `event ${index}`);
		}
		resetInProcessDedupe(); // n8n restarted: only static data remains
		let started = 0;
		let redelivered = 0;
		for (let index = 1; index <= 500; index += 17) {
			const { result } = await deliver(signedDelivery(eventOf(index)), { staticData, parameters });
			started += itemsOf(result).length;
			redelivered += 1;
		}
		assert.equal(redelivered, 30);
		assert.equal(started, 0);
	});

	it('keeps only the last N event ids in static data', async () => {
		const staticData = createdEndpointState();
		const parameters = { options: { rememberedEvents: 100 } };
		for (let i = 0; i < 130; i += 1) {
			await deliver(signedDelivery(intentSucceeded(`evt_bounded_${i}`)), {
				staticData,
				parameters,
			});
		}
		const keys = (staticData.processedKeys as Array<{ k: string }>)
			.map((entry) => entry.k)
			.filter((key) => key.startsWith('event:'));
		assert.equal(keys.length, 100);
		assert.ok(keys.includes('event:evt_bounded_129'));
		assert.ok(!keys.includes('event:evt_bounded_0'));
	});

	describe('Confirm with Stripe', () => {
		const parameters = {
			events: ['payment.requires_action'],
			options: { confirmWithStripe: true },
		};
		const requiresAction = () =>
			stripeEvent('payment_intent.requires_action', 'payment_intent', {
				status: 'requires_action',
			});

		it('skips an event whose object has moved on, and remembers it', async () => {
			nock(STRIPE)
				.get(`/v1/payment_intents/${PAYMENT_INTENT_ID}`)
				.reply(200, { id: PAYMENT_INTENT_ID, object: 'payment_intent', status: 'succeeded' });
			const staticData = createdEndpointState();
			const delivery = signedDelivery(requiresAction());
			const { result } = await deliver(delivery, { staticData, parameters });
			assert.deepEqual(result, {});
			assert.equal((staticData.processedKeys as unknown[]).length, 1);
		});

		it('emits the re-read object when the meaning still holds', async () => {
			nock(STRIPE).get(`/v1/payment_intents/${PAYMENT_INTENT_ID}`).reply(200, {
				id: PAYMENT_INTENT_ID,
				object: 'payment_intent',
				status: 'requires_action',
				amount: 500,
				currency: 'usd',
			});
			const { result } = await deliver(signedDelivery(requiresAction()), {
				staticData: createdEndpointState(),
				parameters,
			});
			const [item] = itemsOf(result);
			assert.equal((item.payment as IDataObject).amount, '5.00');
		});

		it('concurrent deliveries awaiting the re-read still start one execution', async () => {
			nock(STRIPE)
				.get(`/v1/payment_intents/${PAYMENT_INTENT_ID}`)
				.times(5)
				.delay(20)
				.reply(200, { id: PAYMENT_INTENT_ID, object: 'payment_intent', status: 'requires_action' });
			const delivery = signedDelivery(requiresAction());
			const outcomes = await Promise.all(
				Array.from({ length: 5 }, () =>
					deliver(delivery, { staticData: createdEndpointState(), parameters }),
				),
			);
			assert.equal(outcomes.filter((outcome) => itemsOf(outcome.result).length === 1).length, 1);
			assert.equal(
				outcomes.filter((outcome) => outcome.result.workflowData === undefined).length,
				4,
			);
		});

		it('a failed re-read raises (n8n answers 500, Stripe re-delivers) and releases the event', async () => {
			useFastRetries();
			nock(STRIPE).get(`/v1/payment_intents/${PAYMENT_INTENT_ID}`).times(10).reply(503, {});
			const staticData = createdEndpointState();
			const delivery = signedDelivery(requiresAction());
			await assert.rejects(deliver(delivery, { staticData, parameters }));
			assert.equal(staticData.processedKeys, undefined);
			nock.cleanAll();
			nock(STRIPE)
				.get(`/v1/payment_intents/${PAYMENT_INTENT_ID}`)
				.reply(200, { id: PAYMENT_INTENT_ID, object: 'payment_intent', status: 'requires_action' });
			const retried = await deliver(delivery, { staticData, parameters });
			assert.equal(itemsOf(retried.result).length, 1);
		});
	});

	it('the node answers through webhook() with the recorded response object', async () => {
		const { webhook, response } = webhookContext(
			{ headers: {} },
			{ staticData: createdEndpointState() },
		);
		const result = await trigger.webhook.call(webhook);
		assert.deepEqual(result, { noWebhookResponse: true });
		assert.equal(response.status, 400);
	});
});
