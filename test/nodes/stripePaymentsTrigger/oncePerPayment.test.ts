import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { resetInProcessDedupe } from '../../../nodes/StripePaymentsTrigger/staticDataStore';
import {
	permutations,
	subscriptionCheckoutEvents,
	subscriptionCheckoutIds,
} from '../../fixtures/stripe/subscriptionCheckout';
import { STRIPE } from '../stripePayments/support';
import { createdEndpointState, deliver, signedDelivery } from './contexts';
import { checkoutCompleted, intentSucceeded, PAYMENT_INTENT_ID, stripeEvent } from './events';
import { useTriggerTestHooks } from './hooks';

/** Delivers events in order to one trigger (one static-data object) and returns every emitted item. */
async function deliverAll(events: IDataObject[], parameters: IDataObject): Promise<IDataObject[]> {
	const staticData = createdEndpointState();
	const items: IDataObject[] = [];
	for (const event of events) {
		const { result } = await deliver(signedDelivery(event), { staticData, parameters });
		items.push(...(result.workflowData?.[0] ?? []).map((item) => item.json));
	}
	return items;
}

const succeededItems = (items: IDataObject[]) =>
	items.filter((item) => (item.names as string[]).includes('payment.succeeded'));

describe('Stripe Payments Trigger: once per payment, for every Checkout mode', () => {
	useTriggerTestHooks();

	it('a subscription Checkout emits payment.succeeded exactly once, in every delivery order', async () => {
		const parameters = { events: ['payment.succeeded', 'checkout.completed'] };
		const orders = permutations(subscriptionCheckoutEvents() as IDataObject[]);
		assert.equal(orders.length, 120);
		const ids = subscriptionCheckoutIds();
		for (const [index, order] of orders.entries()) {
			resetInProcessDedupe();
			const items = await deliverAll(order, parameters);
			const paid = succeededItems(items);
			const sequence = order.map((event) => event.type).join(', ');
			assert.equal(paid.length, 1, `order ${index}: ${sequence}`);
			const payment = paid[0].payment as IDataObject;
			assert.equal(payment.paymentId, ids.paymentIntent, sequence);
			assert.equal(payment.amount, '20.00');
			assert.equal(payment.paid, true);
			// The session still starts its own checkout.completed, saying it was paid.
			const completed = items.filter(
				(item) => (item.names as string[])[0] === 'checkout.completed',
			);
			assert.equal(completed.length, 1, sequence);
			assert.deepEqual(completed[0].names, ['checkout.completed']);
		}
	});

	it('a renewal (invoice.paid + payment_intent.succeeded, no session) emits once', async () => {
		const [, invoicePaid, invoiceSucceeded, invoicePayment, intent] = subscriptionCheckoutEvents(
			subscriptionCheckoutIds('renewal'),
		);
		const items = await deliverAll(
			[invoicePaid, intent, invoicePayment, invoiceSucceeded] as IDataObject[],
			{ events: ['payment.succeeded'] },
		);
		assert.equal(succeededItems(items).length, 1);
	});

	it('a setup-mode Checkout never means payment.succeeded', async () => {
		const setup = stripeEvent('checkout.session.completed', 'checkout.session', {
			mode: 'setup',
			status: 'complete',
			payment_status: 'no_payment_required',
			payment_intent: null,
		});
		const items = await deliverAll([setup], {
			events: ['payment.succeeded', 'checkout.completed'],
		});
		assert.deepEqual(
			items.map((item) => item.names),
			[['checkout.completed']],
		);
	});

	it('a payment-mode Checkout: session and intent share one key, whichever arrives first', async () => {
		for (const order of [
			[checkoutCompleted('paid'), intentSucceeded()],
			[intentSucceeded(), checkoutCompleted('paid')],
		]) {
			resetInProcessDedupe();
			const paid = succeededItems(await deliverAll(order, { events: ['payment.succeeded'] }));
			assert.equal(paid.length, 1);
			assert.equal((paid[0].payment as IDataObject).paymentId, PAYMENT_INTENT_ID);
		}
	});
});

describe('Stripe Payments Trigger: Connect', () => {
	useTriggerTestHooks();

	it('keeps event.account in the item and re-reads the object on that account', async () => {
		const connected = { ...intentSucceeded(), account: 'acct_connected_1' };
		const reRead = nock(STRIPE, { reqheaders: { 'stripe-account': 'acct_connected_1' } })
			.get(`/v1/payment_intents/${PAYMENT_INTENT_ID}`)
			.reply(200, {
				id: PAYMENT_INTENT_ID,
				object: 'payment_intent',
				status: 'succeeded',
				amount: 1500,
				amount_received: 1500,
				currency: 'usd',
			});
		const items = await deliverAll([connected], {
			events: ['payment.succeeded'],
			options: { confirmWithStripe: true },
		});
		assert.ok(reRead.isDone(), 'the re-read carried Stripe-Account: acct_connected_1');
		assert.equal((items[0].event as IDataObject).account, 'acct_connected_1');
		assert.equal((items[0].payment as IDataObject).account, 'acct_connected_1');
		assert.equal((items[0].payment as IDataObject).amount, '15.00');
	});

	it('a platform event has account null and re-reads without Stripe-Account', async () => {
		const reRead = nock(STRIPE, { badheaders: ['stripe-account'] })
			.get(`/v1/payment_intents/${PAYMENT_INTENT_ID}`)
			.reply(200, { id: PAYMENT_INTENT_ID, object: 'payment_intent', status: 'succeeded' });
		const items = await deliverAll([intentSucceeded()], {
			events: ['payment.succeeded'],
			options: { confirmWithStripe: true },
		});
		assert.ok(reRead.isDone());
		assert.equal((items[0].event as IDataObject).account, null);
	});
});
