import { byId } from '../../nodes/stripePayments/support';
import type { OperationContext } from './nodeOperations';

/** Checkout Sessions, Payment Links, the billing portal, subscriptions, invoices and events. */
export async function checkoutBillingEvents(
	{ run, stripe }: OperationContext,
	{ customer, paymentMethod }: { customer: string; paymentMethod: string },
): Promise<void> {
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
}
