import type { INodeParameters } from 'n8n-workflow';
import type Stripe from 'stripe';

import { byId } from '../../nodes/stripePayments/support';
import type { StripeEmulator } from '../index';

/**
 * Every operation of the n8n node, run the way a builder configures it, in an order where each
 * finds the objects it needs (customer, payment, refund, session, link, subscription, invoices).
 * node.differential.test.ts records the requests these runs send.
 */
export type RunOperation = (parameters: INodeParameters) => Promise<Record<string, unknown>>;

export interface OperationContext {
	run: RunOperation;
	stripe: Stripe;
	emulator: StripeEmulator;
}

/** Customers, payments and refunds; returns the customer and its saved card. */
export async function customersPaymentsRefunds({
	run,
	stripe,
	emulator,
}: OperationContext): Promise<{ customer: string; paymentMethod: string }> {
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
	return { customer, paymentMethod };
}
