import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import Stripe from 'stripe';

import { normalizeStripeEvent } from '../../core/stripe/events';
import { App, authData, run, useNock, zapierErrorOf } from './helpers';
import {
	permutations,
	subscriptionCheckoutEvents,
} from '../../test/fixtures/stripe/subscriptionCheckout';
import { SECRET, signedDelivery, stripeEvent } from './stripeEvents';

const subscribeData = { id: 'we_1', secret: SECRET };
const performOf = (key: string) =>
	(App.triggers[key as keyof typeof App.triggers].operation as unknown as Record<string, unknown>)
		.perform;

/** Each trigger, one Stripe event that means it, and what it must say. */
const CASES = [
	{
		trigger: 'payment_succeeded',
		type: 'payment_intent.succeeded',
		name: 'payment.succeeded',
		paid: true,
	},
	{
		trigger: 'payment_failed',
		type: 'payment_intent.payment_failed',
		name: 'payment.failed',
		paid: false,
	},
	{
		trigger: 'checkout_completed',
		type: 'checkout.session.completed',
		name: 'checkout.completed',
		paid: true,
	},
	{
		trigger: 'checkout_expired',
		type: 'checkout.session.expired',
		name: 'checkout.expired',
		paid: false,
	},
	{ trigger: 'refund_succeeded', type: 'refund.created', name: 'refund.succeeded', paid: true },
	{
		trigger: 'dispute_created',
		type: 'charge.dispute.created',
		name: 'dispute.created',
		paid: false,
	},
	{
		trigger: 'subscription_payment_failed',
		type: 'invoice.payment_failed',
		name: 'subscription.payment_failed',
		paid: false,
	},
] as const;

describe('trigger perform: verified deliveries', () => {
	useNock();

	for (const { trigger, type, name, paid } of CASES) {
		it(`${trigger} emits a signed ${type} as the normalised event`, async () => {
			const event = stripeEvent(type);
			const items = await run<Record<string, unknown>[]>(performOf(trigger), {
				authData,
				subscribeData,
				...signedDelivery(event),
			});
			assert.equal(items.length, 1);
			const [item] = items;
			assert.equal(item.id, event.id);
			assert.deepEqual(
				item.names,
				[name],
				'the meaning this trigger fired for, as the n8n trigger gives it',
			);
			assert.deepEqual(item.event, {
				id: event.id,
				type,
				created: 1767225600,
				livemode: false,
				apiVersion: '2026-10-28.endive',
				account: null,
			});
			assert.equal((item.payment as Record<string, unknown>).paid, paid);
			assert.deepEqual(
				item.payment,
				normalizeStripeEvent(event).payment,
				'core’s normalised payment',
			);
			const withoutSecret = { ...(event.data.object as Record<string, unknown>) };
			delete withoutSecret.client_secret;
			assert.deepEqual(item.object, withoutSecret, 'the object as delivered, less client_secret');
			const expectedKeys = ['id', 'event', 'names', 'payment', 'object'];
			if (type === 'invoice.payment_failed') expectedKeys.push('dunning');
			assert.deepEqual(Object.keys(item), expectedKeys, 'the n8n trigger’s item shape, plus id');
		});
	}

	it('reads the signature header under its plain name too', async () => {
		const delivery = signedDelivery(stripeEvent('payment_intent.succeeded'));
		const headers = { 'Stripe-Signature': delivery.rawRequest.headers['Http-Stripe-Signature'] };
		const items = await run<unknown[]>(performOf('payment_succeeded'), {
			authData,
			subscribeData,
			...delivery,
			rawRequest: { ...delivery.rawRequest, headers },
		});
		assert.equal(items.length, 1);
	});

	it('gives subscription dunning details with a failed subscription payment', async () => {
		const [item] = await run<Record<string, unknown>[]>(performOf('subscription_payment_failed'), {
			authData,
			subscribeData,
			...signedDelivery(stripeEvent('invoice.payment_failed')),
		});
		assert.deepEqual(item.dunning, {
			attemptCount: 2,
			nextAttemptAt: '2026-01-04T00:00:00.000Z',
			hostedInvoiceUrl: 'https://invoice.stripe.com/i/acct_1/test_1',
		});
	});

	it('ignores a verified event that does not mean the trigger’s event', async () => {
		const unpaid = stripeEvent('checkout.session.completed', 'evt_unpaid', {
			...stripeEvent('checkout.session.completed').data.object,
			payment_status: 'unpaid',
		});
		const delivery = { authData, subscribeData, ...signedDelivery(unpaid) };
		assert.deepEqual(await run(performOf('payment_succeeded'), delivery), []);
		assert.equal((await run<unknown[]>(performOf('checkout_completed'), delivery)).length, 1);
	});

	it('runs the Zap once for a re-delivered event', async () => {
		const delivery = {
			authData,
			subscribeData,
			...signedDelivery(stripeEvent('payment_intent.succeeded')),
		};
		const first = await run<unknown[]>(performOf('payment_succeeded'), delivery);
		const again = await run<unknown[]>(performOf('payment_succeeded'), delivery, {
			keepCache: true,
		});
		assert.equal(first.length, 1);
		assert.deepEqual(again, []);
	});

	it('runs the Zap once per payment when a paid checkout also sends payment_intent.succeeded', async () => {
		const performPaid = performOf('payment_succeeded');
		const checkout = await run<unknown[]>(performPaid, {
			authData,
			subscribeData,
			...signedDelivery(stripeEvent('checkout.session.completed')),
		});
		const intent = await run<unknown[]>(
			performPaid,
			{ authData, subscribeData, ...signedDelivery(stripeEvent('payment_intent.succeeded')) },
			{ keepCache: true },
		);
		assert.equal(checkout.length, 1);
		assert.deepEqual(intent, []);
	});

	it('runs the Zap once for a subscription Checkout, whatever order its five events arrive in', async () => {
		const events = subscriptionCheckoutEvents();
		// A sample of the 120 orders (each run is a full app call): every event first and last once.
		const orders = permutations(events).filter((_, index) => index % 13 === 0);
		for (const order of orders) {
			const endpoint = { ...subscribeData, id: `we_${orders.indexOf(order)}` };
			let runs = 0;
			for (const event of order) {
				const items = await run<Record<string, unknown>[]>(
					performOf('payment_succeeded'),
					{ authData, subscribeData: endpoint, ...signedDelivery(event) },
					{ keepCache: true },
				);
				runs += items.length;
			}
			assert.equal(runs, 1, order.map((event) => event.type).join(', '));
		}
	});

	it('keeps the Connect account of an event', async () => {
		const event = { ...stripeEvent('payment_intent.succeeded'), account: 'acct_seller_1' };
		const [item] = await run<Record<string, unknown>[]>(performOf('payment_succeeded'), {
			authData,
			subscribeData,
			...signedDelivery(event),
		});
		assert.equal((item.event as Record<string, unknown>).account, 'acct_seller_1');
		assert.equal((item.payment as Record<string, unknown>).account, 'acct_seller_1');
	});

	it('keeps two Zaps (two endpoints) independent', async () => {
		const delivery = signedDelivery(stripeEvent('payment_intent.succeeded'));
		const first = await run<unknown[]>(performOf('payment_succeeded'), {
			authData,
			subscribeData,
			...delivery,
		});
		const other = await run<unknown[]>(
			performOf('payment_succeeded'),
			{ authData, subscribeData: { ...subscribeData, id: 'we_2' }, ...delivery },
			{ keepCache: true },
		);
		assert.equal(first.length, 1);
		assert.equal(other.length, 1);
	});
});

describe('trigger perform: fail closed', () => {
	useNock();
	const perform = performOf('payment_succeeded');
	const event = stripeEvent('payment_intent.succeeded');

	const rejects = async (bundle: object, status: number, reason: RegExp) =>
		assert.rejects(run(perform, { authData, ...bundle }), (error: unknown) => {
			const parsed = zapierErrorOf(error);
			assert.equal(parsed.code, 'invalid_signature');
			assert.equal(parsed.status, status);
			assert.match(parsed.message, reason);
			assert.match(parsed.message, /No Zap run was started/);
			assert.doesNotMatch(parsed.message, /whsec_/);
			return true;
		});

	it('rejects a tampered body', () =>
		rejects({ subscribeData, ...signedDelivery(event, { tamper: true }) }, 401, /does not match/));

	it('rejects a stale timestamp', () =>
		rejects(
			{
				subscribeData,
				...signedDelivery(event, { timestamp: Math.floor(Date.now() / 1000) - 600 }),
			},
			401,
			/timestamp|tolerance|old/i,
		));

	it('rejects a timestamp from the future', () =>
		rejects(
			{
				subscribeData,
				...signedDelivery(event, { timestamp: Math.floor(Date.now() / 1000) + 600 }),
			},
			401,
			/timestamp|tolerance|future/i,
		));

	it('rejects a delivery without the signature header', () =>
		rejects({ subscribeData, ...signedDelivery(event, { omitHeader: true }) }, 400, /header/i));

	it('rejects a delivery signed with another secret', () =>
		rejects(
			{ subscribeData, ...signedDelivery(event, { secret: 'whsec_other' }) },
			401,
			/does not match/,
		));

	it('rejects everything when the subscription has no secret', () =>
		rejects({ subscribeData: { id: 'we_1' }, ...signedDelivery(event) }, 401, /no signing secret/));

	it('rejects a signed body that is not JSON', async () => {
		const delivery = signedDelivery(stripeEvent('payment_intent.succeeded'));
		const content = 'not json';
		const header = Stripe.webhooks.generateTestHeaderString({ payload: content, secret: SECRET });
		await assert.rejects(
			run(perform, {
				authData,
				subscribeData,
				rawRequest: {
					...delivery.rawRequest,
					headers: { 'Http-Stripe-Signature': header },
					content,
				},
			}),
			(error: unknown) => {
				assert.equal(zapierErrorOf(error).code, 'invalid_event');
				return true;
			},
		);
	});

	it('rejects a signed body that is not a Stripe event, after verifying it', async () => {
		await assert.rejects(
			run(perform, { authData, subscribeData, ...signedDelivery({ hello: 'world' }) }),
			(error: unknown) => {
				assert.match(zapierErrorOf(error).message, /not a Stripe event/);
				return true;
			},
		);
	});
});
