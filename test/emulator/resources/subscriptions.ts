import { invalidRequest, StripeApiError } from '../errors';
import { clone, newId, nowSeconds, template } from '../fixtures';
import { listResponse } from '../pagination';
import { applyMetadata, optionalBoolean, optionalString } from '../params';
import { emitFrom, type RequestContext, type Router } from '../router';
import type { StripeObject } from '../state';
import { attemptInvoicePayment, createInvoice } from './invoices';

const PERIOD_S = 30 * 24 * 60 * 60;

export function getSubscription(ctx: RequestContext, id: string): StripeObject {
	return ctx.scope.get(id, 'subscription', 'subscription', 'subscription_exposed_id');
}

function periodEnd(subscription: StripeObject): number {
	const items = (subscription.items as { data: Array<{ current_period_end: number }> }).data;
	return items[0]?.current_period_end ?? nowSeconds();
}

/** A subscription to one recurring price, with its first invoice paid off-session (or failed). */
export function createSubscription(
	ctx: RequestContext,
	fields: {
		customer: StripeObject;
		price: StripeObject;
		paymentMethod: string | null;
		metadata?: Record<string, string>;
	},
): { subscription: StripeObject; invoice: StripeObject; error: StripeApiError | null } {
	const now = nowSeconds();
	const subscription = template('subscription') as StripeObject;
	const id = newId('sub');
	Object.assign(subscription, {
		id,
		billing_cycle_anchor: now,
		billing_cycle_anchor_config: null,
		billing_mode: { flexible: null, type: 'classic', updated_at: now },
		billing_schedules: [],
		billing_thresholds: null,
		cancel_at: null,
		cancel_at_period_end: false,
		canceled_at: null,
		cancellation_details: { comment: null, feedback: null, reason: null },
		created: now,
		currency: fields.price.currency,
		customer: fields.customer.id,
		default_payment_method: fields.paymentMethod,
		ended_at: null,
		items: {
			object: 'list',
			data: [
				{
					id: newId('si'),
					object: 'subscription_item',
					created: now,
					current_period_start: now,
					current_period_end: now + PERIOD_S,
					discounts: [],
					metadata: {},
					price: clone(fields.price),
					quantity: 1,
					subscription: id,
					tax_rates: [],
				},
			],
			has_more: false,
			url: `/v1/subscription_items?subscription=${id}`,
		},
		latest_invoice: null,
		livemode: ctx.scope.livemode,
		managed_payments: null,
		metadata: fields.metadata ?? {},
		pause_collection: null,
		pending_update: null,
		schedule: null,
		start_date: now,
		status: 'incomplete',
		trial_end: null,
		trial_start: null,
	});
	ctx.scope.put(subscription);
	emitFrom(ctx, 'customer.subscription.created', subscription);
	const invoice = createInvoice(ctx, { ...fields, subscription, reason: 'subscription_create' });
	subscription.latest_invoice = invoice.id;
	const error = payPeriod(ctx, subscription, invoice, 'incomplete');
	return { subscription, invoice, error };
}

/** Pays an invoice for the subscription; on failure the subscription becomes `failedStatus`. */
function payPeriod(
	ctx: RequestContext,
	subscription: StripeObject,
	invoice: StripeObject,
	failedStatus: string,
) {
	const previousStatus = subscription.status;
	try {
		attemptInvoicePayment(ctx, invoice);
	} catch (error) {
		if (!(error instanceof StripeApiError)) throw error;
		subscription.status = failedStatus;
		if (previousStatus !== failedStatus) {
			emitFrom(ctx, 'customer.subscription.updated', subscription, { status: previousStatus });
		}
		return error;
	}
	return null;
}

/** The next billing period (control API): a new invoice, paid with the subscription's method. */
export function renewSubscription(ctx: RequestContext, id: string) {
	const subscription = getSubscription(ctx, id);
	if (subscription.status === 'canceled') throw invalidRequest('This subscription is canceled.');
	const items = (subscription.items as { data: Array<Record<string, unknown>> }).data;
	const price = items[0].price as StripeObject;
	const customer = ctx.scope.get(subscription.customer as string, 'customer');
	const invoice = createInvoice(ctx, {
		customer,
		subscription,
		price,
		reason: 'subscription_cycle',
	});
	subscription.latest_invoice = invoice.id;
	const error = payPeriod(ctx, subscription, invoice, 'past_due');
	return { subscription, invoice, error: error?.error ?? null };
}

function update(ctx: RequestContext, id: string): StripeObject {
	const subscription = getSubscription(ctx, id);
	if (subscription.status === 'canceled') {
		throw invalidRequest(
			'A canceled subscription can only update its cancellation_details and metadata.',
		);
	}
	const previous: Record<string, unknown> = {};
	const atPeriodEnd = optionalBoolean(ctx.params, 'cancel_at_period_end');
	if (atPeriodEnd !== undefined) {
		previous.cancel_at_period_end = subscription.cancel_at_period_end;
		previous.cancel_at = subscription.cancel_at;
		subscription.cancel_at_period_end = atPeriodEnd;
		subscription.cancel_at = atPeriodEnd ? periodEnd(subscription) : null;
		subscription.canceled_at = atPeriodEnd ? nowSeconds() : null;
	}
	const method = optionalString(ctx.params, 'default_payment_method');
	if (method !== undefined) {
		previous.default_payment_method = subscription.default_payment_method;
		subscription.default_payment_method = method || null;
	}
	if (ctx.params.metadata !== undefined) {
		previous.metadata = subscription.metadata;
		subscription.metadata = applyMetadata(
			subscription.metadata as Record<string, string>,
			ctx.params,
		);
	}
	emitFrom(ctx, 'customer.subscription.updated', subscription, previous);
	return subscription;
}

export function cancelSubscription(ctx: RequestContext, id: string): StripeObject {
	const subscription = getSubscription(ctx, id);
	if (subscription.status === 'canceled') {
		throw invalidRequest(`No such subscription: '${id}'`, {
			code: 'resource_missing',
			status: 404,
			param: 'id',
		});
	}
	const now = nowSeconds();
	Object.assign(subscription, {
		status: 'canceled',
		canceled_at: now,
		ended_at: now,
		cancellation_details: { comment: null, feedback: null, reason: 'cancellation_requested' },
	});
	emitFrom(ctx, 'customer.subscription.deleted', subscription);
	return subscription;
}

function resume(ctx: RequestContext, id: string): StripeObject {
	const subscription = getSubscription(ctx, id);
	if (subscription.status !== 'paused') {
		throw invalidRequest('Only subscriptions with a status of `paused` can be resumed.', {
			param: 'subscription',
		});
	}
	subscription.status = 'active';
	emitFrom(ctx, 'customer.subscription.resumed', subscription);
	return subscription;
}

export function registerSubscriptions(router: Router): void {
	router.get('/v1/subscriptions/:sub', (ctx, { sub }) => getSubscription(ctx, sub));
	router.post('/v1/subscriptions/:sub', (ctx, { sub }) => update(ctx, sub));
	router.delete('/v1/subscriptions/:sub', (ctx, { sub }) => cancelSubscription(ctx, sub));
	router.post('/v1/subscriptions/:sub/resume', (ctx, { sub }) => resume(ctx, sub));
	router.get('/v1/subscriptions', (ctx) => {
		const customer = optionalString(ctx.params, 'customer');
		const status = optionalString(ctx.params, 'status');
		const items = ctx.scope.list(
			'subscription',
			(subscription) =>
				(!customer || subscription.customer === customer) &&
				(status === 'all' ||
					(status ? subscription.status === status : subscription.status !== 'canceled')),
		);
		return listResponse(ctx.params, items, '/v1/subscriptions');
	});
}
