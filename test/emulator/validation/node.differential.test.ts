import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { INodeParameters } from 'n8n-workflow';
import type Stripe from 'stripe';

import { STRIPE_PAYMENTS_OPERATIONS } from '../../../nodes/StripePayments/actions/node.type';
import { byId, runStripePayments, TEST_KEY } from '../../nodes/stripePayments/support';
import { startStripeEmulator, type StripeEmulator } from '../index';
import { stripeClient } from '../testClient';
import { checkBreakages } from './differential';
import { startRecordingProxy } from './recordingProxy';

/**
 * Issue 12's differential check for the n8n node: every operation runs through n8n's engine
 * against the emulator behind a recording proxy, so the request shapes are the node's own; each
 * recorded request is then sent again with one field broken at a time, and the emulator must
 * answer with Stripe's error for that field.
 */
let emulator: StripeEmulator;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let stripe: Stripe;
const ran = new Set<string>();

async function run(parameters: INodeParameters): Promise<Record<string, unknown>> {
	const { output, error } = await runStripePayments(parameters, {
		credential: { baseUrl: proxy.url, secretKey: TEST_KEY },
	});
	assert.equal(
		error,
		undefined,
		`${String(parameters.resource)}.${String(parameters.operation)}: ${String(error)}`,
	);
	ran.add(`${String(parameters.resource)}.${String(parameters.operation)}`);
	return output[0]?.json ?? {};
}

before(async () => {
	emulator = await startStripeEmulator({ rateLimitPerSecond: 0 });
	proxy = await startRecordingProxy(emulator.url);
	stripe = stripeClient(emulator, TEST_KEY);
});
after(async () => {
	await proxy.stop();
	await emulator.stop();
});

describe("differential: the node's request shapes, one field broken at a time", () => {
	it('runs every operation of the node against the emulator', async () => {
		const customer = String(
			(
				await run({
					resource: 'customer',
					operation: 'create',
					email: 'ada@example.com',
					additionalFields: { name: 'Ada' },
					metadata: { entries: [{ key: 'user', value: '7' }] },
				})
			).id,
		);
		await run({ resource: 'customer', operation: 'get', customer: byId(customer) });
		await run({
			resource: 'customer',
			operation: 'update',
			customer: byId(customer),
			updateFields: { description: 'VIP' },
			metadata: { entries: [{ key: 'plan', value: 'pro' }] },
		});
		await run({ resource: 'customer', operation: 'list', returnAll: false, limit: 3 });
		await run({
			resource: 'customer',
			operation: 'search',
			searchBy: 'email',
			email: 'ada@example.com',
		});
		await run({
			resource: 'customer',
			operation: 'getOrCreateByEmail',
			email: 'grace@example.com',
		});
		const charged = await run({
			resource: 'payment',
			operation: 'charge',
			customer: byId(customer),
			paymentMethodSource: 'specific',
			paymentMethodId: 'pm_card_visa',
			amount: '12.50',
			currency: 'eur',
			description: 'Order 7',
			metadata: { entries: [{ key: 'order_id', value: 'A-7' }] },
		});
		const intent = String(charged.id);
		const paymentMethod = String((await stripe.paymentIntents.retrieve(intent)).payment_method);
		await run({
			resource: 'payment',
			operation: 'createForOnSession',
			amount: '20',
			currency: 'usd',
			customerId: customer,
			description: 'Cart 9',
			captureMethod: 'manual',
		});
		const held = await stripe.paymentIntents.create({
			amount: 3000,
			currency: 'usd',
			customer,
			payment_method: paymentMethod,
			confirm: true,
			capture_method: 'manual',
			automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
		});
		await run({
			resource: 'payment',
			operation: 'capture',
			paymentIntent: byId(held.id),
			amountToCapture: '25',
		});
		const open = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
		await run({
			resource: 'payment',
			operation: 'cancel',
			paymentIntent: byId(open.id),
			cancellationReason: 'abandoned',
		});
		await run({ resource: 'payment', operation: 'get', paymentIntent: byId(intent) });
		await run({ resource: 'payment', operation: 'list', returnAll: false, limit: 3 });
		await run({ resource: 'payment', operation: 'search', query: "currency:'eur'" });
		const refund = String(
			(
				await run({
					resource: 'refund',
					operation: 'create',
					refundSource: 'paymentIntent',
					paymentIntent: byId(intent),
					amountType: 'partial',
					amount: '2.5',
					reason: 'requested_by_customer',
					metadata: { entries: [{ key: 'ticket', value: 'T-1' }] },
				})
			).id,
		);
		await run({ resource: 'refund', operation: 'get', refundId: refund });
		await run({ resource: 'refund', operation: 'list', returnAll: false, limit: 3 });
		await run({
			resource: 'refund',
			operation: 'updateMetadata',
			refundId: refund,
			metadata: { entries: [{ key: 'note', value: 'ok' }] },
		});
		emulator.scope().get(refund, 'refund').status = 'requires_action';
		await run({ resource: 'refund', operation: 'cancel', refundId: refund });
		const price = await stripe.prices.create({
			currency: 'eur',
			unit_amount: 900,
			recurring: { interval: 'month' },
			product_data: { name: 'Pro' },
		});
		const common = {
			resource: 'checkoutSession',
			operation: 'create',
			currency: 'eur',
			successUrl: 'https://example.com/thanks?session_id={CHECKOUT_SESSION_ID}',
			metadata: { entries: [{ key: 'order_id', value: 'A-8' }] },
			options: { expiresInMinutes: 45, clientReferenceId: 'cart-1', allowPromotionCodes: true },
		};
		const session = String(
			(
				await run({
					...common,
					mode: 'payment',
					lineItems: { items: [{ type: 'adHoc', name: 'Mug', amount: '12.00', quantity: 2 }] },
					customerSource: 'email',
					customerEmail: 'ada@example.com',
				})
			).id,
		);
		await run({
			...common,
			mode: 'subscription',
			lineItems: { items: [{ type: 'price', price: price.id, quantity: 1 }] },
			customerSource: 'customer',
			customer: byId(customer),
		});
		await run({ ...common, mode: 'setup', customerSource: 'customer', customer: byId(customer) });
		await run({
			resource: 'checkoutSession',
			operation: 'get',
			checkoutSession: byId(session),
			includeLineItems: true,
		});
		await run({ resource: 'checkoutSession', operation: 'list', returnAll: false, limit: 3 });
		await run({ resource: 'checkoutSession', operation: 'expire', checkoutSession: byId(session) });
		const link = String(
			(
				await run({
					resource: 'paymentLink',
					operation: 'create',
					priceSource: 'adHoc',
					productName: 'Consultation',
					amount: '80',
					currency: 'eur',
					quantity: 1,
					afterCompletion: 'redirect',
					redirectUrl: 'https://example.com/booked',
				})
			).id,
		);
		await run({ resource: 'paymentLink', operation: 'get', paymentLinkId: link });
		await run({ resource: 'paymentLink', operation: 'deactivate', paymentLinkId: link });
		await run({
			resource: 'billingPortal',
			operation: 'create',
			customer: byId(customer),
			returnUrl: 'https://example.com/account',
		});
		await stripe.customers.update(customer, {
			invoice_settings: { default_payment_method: paymentMethod },
		});
		const subscription = await stripe.subscriptions.create({
			customer,
			items: [{ price: price.id }],
		});
		const invoice = String(subscription.latest_invoice);
		await run({ resource: 'invoice', operation: 'get', invoice: byId(invoice) });
		await run({ resource: 'invoice', operation: 'getHostedUrl', invoice: byId(invoice) });
		await run({
			resource: 'invoice',
			operation: 'list',
			returnAll: false,
			limit: 3,
			filters: { customer },
		});
		const due = await stripe.invoices.retrieve(invoice);
		assert.ok(due);
		await run({ resource: 'subscription', operation: 'get', subscriptionId: subscription.id });
		await run({
			resource: 'subscription',
			operation: 'list',
			filters: { customer, status: 'active' },
		});
		await run({
			resource: 'subscription',
			operation: 'cancel',
			subscriptionId: subscription.id,
			cancelWhen: 'atPeriodEnd',
			cancelOptions: { comment: 'Too expensive' },
		});
		await run({
			resource: 'subscription',
			operation: 'resume',
			subscriptionId: subscription.id,
			resumeWhat: 'scheduledCancellation',
		});
		const declining = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', {
			customer,
		});
		const unpaid = async () => {
			const created = await stripe.subscriptions.create({
				customer,
				items: [{ price: price.id }],
				default_payment_method: declining.id,
				payment_behavior: 'allow_incomplete',
			});
			return String(created.latest_invoice);
		};
		const openInvoice = await unpaid();
		await run({ resource: 'invoice', operation: 'send', invoice: byId(openInvoice) });
		await run({
			resource: 'invoice',
			operation: 'pay',
			invoice: byId(openInvoice),
			payOptions: { payment_method: paymentMethod },
		});
		await run({ resource: 'invoice', operation: 'void', invoice: byId(await unpaid()) });
		await run({
			resource: 'paymentMethod',
			operation: 'list',
			customer: byId(customer),
			paymentMethodType: 'card',
			limit: 5,
		});
		await run({
			resource: 'paymentMethod',
			operation: 'detach',
			paymentMethodId: (await stripe.paymentMethods.attach('pm_card_visa', { customer })).id,
		});
		await run({
			resource: 'event',
			operation: 'list',
			eventTypes: 'payment_intent.succeeded',
			returnAll: false,
			limit: 3,
		});
		const event = (await stripe.events.list({ limit: 1 })).data[0].id;
		await run({ resource: 'event', operation: 'get', eventId: event });

		await run({ resource: 'customer', operation: 'delete', customer: byId(customer) });

		// Custom API Call sends the user's own path and body: no request builder to check.
		const skipped = ['customApiCall.call'];
		const all = Object.entries(STRIPE_PAYMENTS_OPERATIONS).flatMap(([resource, operations]) =>
			operations.map((operation) => `${resource}.${operation}`),
		);
		assert.deepEqual(
			all.filter((name) => !ran.has(name) && !skipped.includes(name)),
			[],
		);
	});

	it("every recorded request, broken one field at a time, gets Stripe's error for that field", async (t) => {
		assert.ok(proxy.requests.length >= 40, `only ${proxy.requests.length} requests recorded`);
		let sent = 0;
		const wrong: string[] = [];
		for (const request of proxy.requests) {
			assert.ok(request.status < 500, `${request.method} ${request.path}: ${request.status}`);
			const result = await checkBreakages(emulator.url, request);
			sent += result.sent;
			wrong.push(...result.wrong);
		}
		t.diagnostic(`${proxy.requests.length} node requests, ${sent} broken variants sent`);
		assert.deepEqual(wrong, []);
		assert.ok(sent > 200, `only ${sent} broken requests sent`);
	});
});
