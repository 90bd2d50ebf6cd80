import { resolvePaymentMethod } from '../cards';
import { invalidRequest, StripeApiError } from '../errors';
import { newId } from '../fixtures';
import { emitFrom, type RequestContext } from '../router';
import type { StripeObject } from '../state';
import { getSession } from './checkout';
import { completeAuthentication, confirmIntent, succeed } from './confirm';
import { createCustomer } from './customers';
import { buildIntent } from './paymentIntents';
import { attachPaymentMethod } from './paymentMethods';
import { createSubscription } from './subscriptions';

export interface PayOptions {
	/** A delayed method (bank debit): completed now, money later (settle). */
	delayed?: boolean;
	paymentMethod?: string;
	email?: string;
}

function complete(
	ctx: RequestContext,
	session: StripeObject,
	paymentStatus: string,
	email: string,
) {
	session.status = 'complete';
	session.payment_status = paymentStatus;
	session.url = null;
	const details = (session.customer_details as Record<string, unknown> | null) ?? {};
	session.customer_details = {
		address: null,
		name: null,
		phone: null,
		tax_exempt: 'none',
		tax_ids: [],
		...details,
		email,
	};
	emitFrom(ctx, 'checkout.session.completed', session);
}

function paymentIntentFor(ctx: RequestContext, session: StripeObject): StripeObject {
	const hidden = ctx.scope.hiddenOf(session.id);
	const intent = buildIntent(ctx, {
		amount: session.amount_total as number,
		currency: session.currency as string,
		customer: (session.customer as string | null) ?? null,
	});
	intent.automatic_payment_methods = null;
	intent.metadata = { ...(hidden.paymentIntentMetadata as Record<string, string>) };
	intent.description = (hidden.paymentIntentDescription as string | null) ?? null;
	if (hidden.captureMethod === 'manual') intent.capture_method = 'manual';
	ctx.scope.put(intent);
	session.payment_intent = intent.id;
	emitFrom(ctx, 'payment_intent.created', intent);
	return intent;
}

/**
 * The customer paying on the hosted page. Card: payment succeeds, then checkout.session.completed
 * with payment_status paid. Delayed: completed with payment_status unpaid and the PaymentIntent
 * processing, until settleCheckoutSession. A declining card leaves the session open, as Checkout does.
 */
export function payCheckoutSession(ctx: RequestContext, id: string, options: PayOptions) {
	const session = getSession(ctx, id);
	if (session.status !== 'open') {
		throw invalidRequest(`This Checkout Session is ${String(session.status)} and cannot be paid.`);
	}
	const email =
		options.email ?? (session.customer_email as string | null) ?? 'customer@example.com';
	const method = options.paymentMethod ?? 'pm_card_visa';
	if (session.mode === 'setup') {
		session.setup_intent = newId('seti');
		complete(ctx, session, 'no_payment_required', email);
		return { session };
	}
	if (session.mode === 'subscription') {
		const customer = session.customer
			? ctx.scope.get(session.customer as string, 'customer')
			: createCustomer(ctx, { email });
		session.customer = customer.id;
		const pm = attachPaymentMethod(ctx, method, customer.id);
		const items = ctx.scope.hiddenOf(session.id).lineItems as StripeObject[];
		const price = ctx.scope.get((items[0].price as StripeObject).id, 'price');
		const { subscription, invoice, error } = createSubscription(ctx, {
			customer,
			price,
			paymentMethod: pm.id,
		});
		session.subscription = subscription.id;
		session.invoice = invoice.id;
		if (error) return { session, error: error.error };
		complete(ctx, session, 'paid', email);
		return { session, subscription, invoice };
	}
	const intent = paymentIntentFor(ctx, session);
	if (options.delayed) {
		intent.payment_method = resolvePaymentMethod(ctx.scope, method).paymentMethod.id;
		intent.status = 'processing';
		emitFrom(ctx, 'payment_intent.processing', intent);
		complete(ctx, session, 'unpaid', email);
		return { session, payment_intent: intent };
	}
	try {
		confirmIntent(ctx, intent, {
			paymentMethod: method,
			offSession: false,
			returnUrl: session.success_url as string | undefined,
		});
	} catch (error) {
		if (error instanceof StripeApiError)
			return { session, payment_intent: intent, error: error.error };
		throw error;
	}
	if (intent.status === 'requires_action') return { session, payment_intent: intent };
	complete(ctx, session, intent.status === 'succeeded' ? 'paid' : 'unpaid', email);
	return { session, payment_intent: intent };
}

/** The delayed payment arriving (or failing) days later. */
export function settleCheckoutSession(ctx: RequestContext, id: string, succeeded: boolean) {
	const session = getSession(ctx, id);
	const intent = session.payment_intent
		? ctx.scope.get(session.payment_intent as string, 'payment_intent')
		: null;
	if (
		session.status !== 'complete' ||
		session.payment_status !== 'unpaid' ||
		intent?.status !== 'processing'
	) {
		throw invalidRequest(
			'Only a completed session with a processing (delayed) payment can be settled.',
		);
	}
	if (succeeded) {
		const paymentMethod = ctx.scope.get(intent.payment_method as string, 'payment_method');
		succeed(ctx, intent, paymentMethod);
		session.payment_status = 'paid';
		emitFrom(ctx, 'checkout.session.async_payment_succeeded', session);
	} else {
		intent.status = 'requires_payment_method';
		intent.last_payment_error = {
			type: 'card_error',
			code: 'payment_method_provider_decline',
			message: 'The payment was declined by the bank.',
		};
		emitFrom(ctx, 'payment_intent.payment_failed', intent);
		emitFrom(ctx, 'checkout.session.async_payment_failed', session);
	}
	return { session, payment_intent: intent };
}

/** After 3-D Secure on a checkout payment, the session completes (paid) as Checkout would. */
export function authenticateAndFinish(ctx: RequestContext, intentId: string, succeeded: boolean) {
	const intent = completeAuthentication(ctx, intentId, succeeded);
	const session = ctx.scope.list(
		'checkout.session',
		(candidate) => candidate.payment_intent === intentId && candidate.status === 'open',
	)[0];
	if (session && intent.status === 'succeeded') {
		const details = session.customer_details as { email?: string } | null;
		complete(
			ctx,
			session,
			'paid',
			details?.email ?? (session.customer_email as string | null) ?? 'customer@example.com',
		);
	}
	return intent;
}
