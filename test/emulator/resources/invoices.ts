import { invalidRequest, StripeApiError } from '../errors';
import { newId, nowSeconds, randomToken, template } from '../fixtures';
import { optionalString } from '../params';
import { emitFrom, type RequestContext } from '../router';
import type { StripeObject } from '../state';
import { confirmIntent } from './confirm';
import { buildIntent } from './paymentIntents';

const RETRY_AFTER_S = 3 * 24 * 60 * 60;
const MAX_ATTEMPTS = 4;

export function getInvoice(ctx: RequestContext, id: string): StripeObject {
	return ctx.scope.get(id, 'invoice', 'invoice', 'invoice');
}

/** An open (finalized) invoice for one subscription period, with its hosted page. */
export function createInvoice(
	ctx: RequestContext,
	fields: {
		customer: StripeObject;
		subscription: StripeObject;
		price: StripeObject;
		reason: string;
	},
): StripeObject {
	const { customer, subscription, price } = fields;
	const invoice = template('invoice') as StripeObject;
	const id = newId('in');
	const amount = price.unit_amount as number;
	const now = nowSeconds();
	delete invoice.subscription;
	Object.assign(invoice, {
		id,
		account_name: 'Paywire Emulator',
		amount_due: amount,
		amount_overpaid: 0,
		amount_paid: 0,
		amount_remaining: amount,
		attempt_count: 0,
		attempted: false,
		auto_advance: true,
		billing_reason: fields.reason,
		created: now,
		currency: price.currency,
		customer: customer.id,
		customer_email: customer.email,
		customer_name: customer.name,
		default_payment_method: null,
		due_date: null,
		effective_at: now,
		from_invoice: null,
		hosted_invoice_url: `${ctx.baseUrl}/invoices/${id}`,
		invoice_pdf: `${ctx.baseUrl}/invoices/${id}/pdf`,
		last_finalization_error: null,
		lines: {
			object: 'list',
			data: [
				{
					...(template('line_item') as object),
					id: newId('il'),
					amount,
					currency: price.currency,
					invoice: id,
					description: `1 × ${String(price.id)}`,
					livemode: ctx.scope.livemode,
					metadata: {},
					parent: {
						type: 'subscription_item_details',
						subscription_item_details: {
							invoice_item: null,
							proration: false,
							proration_details: null,
							subscription: subscription.id,
							subscription_item: newId('si'),
						},
						invoice_item_details: null,
					},
					period: { start: now, end: now + 30 * 86400 },
					pricing: {
						type: 'price_details',
						price_details: { price: price.id, product: price.product },
						unit_amount_decimal: String(amount),
					},
					quantity: 1,
					subtotal: amount,
				},
			],
			has_more: false,
			url: `/v1/invoices/${id}/lines`,
		},
		livemode: ctx.scope.livemode,
		metadata: {},
		next_payment_attempt: now,
		number: `${String(customer.invoice_prefix)}-${randomToken(4).toUpperCase()}`,
		parent: {
			quote_details: null,
			subscription_details: { metadata: {}, subscription: subscription.id },
			type: 'subscription_details',
		},
		period_end: now,
		period_start: now,
		status: 'open',
		status_transitions: {
			finalized_at: now,
			marked_uncollectible_at: null,
			paid_at: null,
			voided_at: null,
		},
		subtotal: amount,
		subtotal_excluding_tax: amount,
		total: amount,
		total_excluding_tax: amount,
		total_discount_amounts: [],
		total_pretax_credit_amounts: [],
		total_taxes: [],
	});
	ctx.scope.put(invoice);
	emitFrom(ctx, 'invoice.created', invoice);
	emitFrom(ctx, 'invoice.finalized', invoice);
	return invoice;
}

function paymentMethodFor(ctx: RequestContext, invoice: StripeObject): string | null {
	const explicit = optionalString(ctx.params, 'payment_method');
	if (explicit) return explicit;
	if (invoice.default_payment_method) return invoice.default_payment_method as string;
	const subscriptionId = (
		invoice.parent as { subscription_details?: { subscription?: string } } | null
	)?.subscription_details?.subscription;
	const subscription = subscriptionId ? ctx.scope.find(subscriptionId) : undefined;
	if (subscription?.default_payment_method) return subscription.default_payment_method as string;
	const customer = ctx.scope.find(invoice.customer as string);
	const settings = customer?.invoice_settings as
		| { default_payment_method?: string | null }
		| undefined;
	return settings?.default_payment_method ?? null;
}

/**
 * Attempts payment off-session. Success: paid, invoice.paid + invoice.payment_succeeded. Failure:
 * stays open, attempt_count grows, next_payment_attempt moves (until the last retry) and
 * invoice.payment_failed fires; the card_error is rethrown for API callers.
 */
export function attemptInvoicePayment(ctx: RequestContext, invoice: StripeObject): StripeObject {
	if (invoice.status !== 'open') {
		throw invalidRequest(`Invoice is already ${String(invoice.status)}`, {
			code: 'invoice_not_editable',
		});
	}
	const methodId = paymentMethodFor(ctx, invoice);
	if (!methodId) {
		throw invalidRequest(
			'This customer has no attached payment source or default payment method.',
			{
				code: 'invoice_no_payment_method_types',
			},
		);
	}
	const intent = buildIntent(ctx, {
		amount: invoice.amount_remaining as number,
		currency: invoice.currency as string,
		customer: invoice.customer as string,
	});
	intent.automatic_payment_methods = null;
	intent.description = `Invoice ${String(invoice.number)}`;
	ctx.scope.put(intent);
	invoice.attempted = true;
	invoice.attempt_count = (invoice.attempt_count as number) + 1;
	try {
		confirmIntent(ctx, intent, { paymentMethod: methodId, offSession: true });
	} catch (error) {
		if (!(error instanceof StripeApiError)) throw error;
		const attempts = invoice.attempt_count as number;
		invoice.next_payment_attempt = attempts < MAX_ATTEMPTS ? nowSeconds() + RETRY_AFTER_S : null;
		emitFrom(ctx, 'invoice.payment_failed', invoice);
		throw error;
	}
	Object.assign(invoice, {
		amount_paid: invoice.amount_remaining,
		amount_remaining: 0,
		next_payment_attempt: null,
		status: 'paid',
		status_transitions: { ...(invoice.status_transitions as object), paid_at: nowSeconds() },
	});
	emitFrom(ctx, 'invoice.paid', invoice);
	emitFrom(ctx, 'invoice.payment_succeeded', invoice);
	reactivateSubscription(ctx, invoice);
	return invoice;
}

/** Paying the open invoice of an incomplete or past_due subscription makes it active again. */
function reactivateSubscription(ctx: RequestContext, invoice: StripeObject): void {
	const subscriptionId = (
		invoice.parent as { subscription_details?: { subscription?: string } } | null
	)?.subscription_details?.subscription;
	const subscription = subscriptionId ? ctx.scope.find(subscriptionId) : undefined;
	if (
		!subscription ||
		!['incomplete', 'past_due', 'unpaid'].includes(subscription.status as string)
	)
		return;
	const previous = { status: subscription.status };
	subscription.status = 'active';
	emitFrom(ctx, 'customer.subscription.updated', subscription, previous);
}
