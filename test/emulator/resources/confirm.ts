import { resolvePaymentMethod, type CardOutcome } from '../cards';
import { docUrl, invalidRequest, StripeApiError } from '../errors';
import { clone, newId } from '../fixtures';
import { emitFrom, type RequestContext } from '../router';
import type { StripeObject } from '../state';
import { buildCharge, openDispute } from './charges';

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

export interface ConfirmOptions {
	paymentMethod?: string;
	offSession: boolean;
	returnUrl?: string;
	/** error_on_requires_action: fail the attempt instead of asking for authentication. */
	failOnAction?: boolean;
}

/** Stripe refuses to confirm without return_url while redirect-based methods are allowed. */
export function assertReturnUrlWhenRedirectsAllowed(intent: StripeObject, returnUrl?: string) {
	const automatic = intent.automatic_payment_methods as {
		enabled?: boolean;
		allow_redirects?: string;
	} | null;
	if (!automatic?.enabled || automatic.allow_redirects === 'never' || returnUrl) return;
	throw invalidRequest(
		'A `return_url` must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.',
		{ param: 'return_url', beforeExecution: true },
	);
}

const PAST: Record<string, string> = {
	confirm: 'confirmed',
	capture: 'captured',
	cancel: 'canceled',
	update: 'updated',
	authenticate: 'authenticated',
};

/** Stripe's payment_intent_unexpected_state, worded as Stripe words it per action. */
export function unexpectedState(
	intent: StripeObject,
	action: 'confirm' | 'capture' | 'cancel' | 'update' | 'authenticate',
	allowed: string[],
) {
	const status = String(intent.status);
	const opening =
		action === 'capture'
			? `This PaymentIntent could not be captured because it has a status of ${status}.`
			: `You cannot ${action} this PaymentIntent because it has a status of ${status}.`;
	return invalidRequest(
		`${opening} Only a PaymentIntent with one of the following statuses may be ${PAST[action]}: ${allowed.join(', ')}.`,
		{ code: 'payment_intent_unexpected_state' },
	);
}

/** Confirms a PaymentIntent with a (test) card and applies that card's outcome the way Stripe does. */
export function confirmIntent(
	ctx: RequestContext,
	intent: StripeObject,
	options: ConfirmOptions,
): StripeObject {
	if (!CONFIRMABLE.includes(intent.status as string)) {
		throw unexpectedState(intent, 'confirm', CONFIRMABLE);
	}
	const methodId = options.paymentMethod ?? (intent.payment_method as string | null) ?? undefined;
	if (!methodId) {
		throw invalidRequest(
			"You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
			{ code: 'payment_intent_unexpected_state' },
		);
	}
	const { paymentMethod, outcome } = resolvePaymentMethod(ctx.scope, methodId);
	intent.payment_method = paymentMethod.id;
	intent.last_payment_error = null;
	intent.next_action = null;
	const effective = effectiveOutcome(outcome, options.offSession);
	if (effective.kind === 'decline') return decline(ctx, intent, paymentMethod, effective);
	if (effective.kind === 'authenticate') {
		if (options.offSession || options.failOnAction) {
			return authenticationRequired(ctx, intent, paymentMethod);
		}
		return requireAction(ctx, intent, options.returnUrl);
	}
	return succeed(ctx, intent, paymentMethod, effective.dispute === true);
}

function effectiveOutcome(outcome: CardOutcome, offSession: boolean): CardOutcome {
	if (outcome.kind === 'authenticate' && outcome.onSetupOnly && offSession)
		return { kind: 'succeed' };
	return outcome;
}

export function succeed(
	ctx: RequestContext,
	intent: StripeObject,
	paymentMethod: StripeObject,
	dispute = false,
): StripeObject {
	const manual = intent.capture_method === 'manual';
	const charge = buildCharge(ctx, intent, paymentMethod, { succeeded: true, captured: !manual });
	intent.latest_charge = charge.id;
	if (manual) {
		intent.status = 'requires_capture';
		intent.amount_capturable = intent.amount;
	} else {
		intent.status = 'succeeded';
		intent.amount_received = intent.amount;
		ctx.scope.recordMoney({
			kind: 'charge',
			objectId: charge.id,
			paymentIntent: intent.id,
			amount: intent.amount as number,
			idempotencyKey: ctx.idempotencyKey,
		});
	}
	emitFrom(ctx, 'charge.succeeded', charge);
	if (manual) emitFrom(ctx, 'payment_intent.amount_capturable_updated', intent);
	else emitFrom(ctx, 'payment_intent.succeeded', intent);
	if (dispute && !manual) openDispute(ctx, charge);
	return intent;
}

function decline(
	ctx: RequestContext,
	intent: StripeObject,
	paymentMethod: StripeObject,
	outcome: Extract<CardOutcome, { kind: 'decline' }>,
): never {
	const charge = buildCharge(ctx, intent, paymentMethod, {
		succeeded: false,
		captured: false,
		failureCode: outcome.code,
		failureMessage: outcome.message,
		declineCode: outcome.declineCode,
	});
	const error = {
		type: 'card_error' as const,
		charge: charge.id,
		code: outcome.code,
		decline_code: outcome.declineCode,
		doc_url: docUrl(outcome.code),
		message: outcome.message,
	};
	return fail(ctx, intent, paymentMethod, error, charge);
}

function authenticationRequired(
	ctx: RequestContext,
	intent: StripeObject,
	paymentMethod: StripeObject,
): never {
	const error = {
		type: 'card_error' as const,
		code: 'authentication_required',
		decline_code: 'authentication_required',
		doc_url: docUrl('authentication_required'),
		message: 'Your card was declined. This transaction requires authentication.',
	};
	return fail(ctx, intent, paymentMethod, error, null);
}

/** A failed attempt: the intent goes back to requires_payment_method and the 402 carries it. */
function fail(
	ctx: RequestContext,
	intent: StripeObject,
	paymentMethod: StripeObject,
	error: { type: 'card_error'; code: string; message: string; [key: string]: unknown },
	charge: StripeObject | null,
): never {
	intent.status = 'requires_payment_method';
	intent.payment_method = null;
	intent.latest_charge = charge ? charge.id : intent.latest_charge;
	intent.last_payment_error = { ...error, payment_method: clone(paymentMethod) };
	if (charge) emitFrom(ctx, 'charge.failed', charge);
	emitFrom(ctx, 'payment_intent.payment_failed', intent);
	throw new StripeApiError(402, {
		...error,
		payment_intent: clone(intent),
		payment_method: clone(paymentMethod),
	});
}

/** On-session 3-D Secure: a redirect when the caller gave return_url, otherwise Stripe.js only. */
function requireAction(
	ctx: RequestContext,
	intent: StripeObject,
	returnUrl?: string,
): StripeObject {
	intent.status = 'requires_action';
	const authenticateUrl = `${ctx.baseUrl}/3ds/${intent.id}`;
	intent.next_action = returnUrl
		? {
				type: 'redirect_to_url',
				redirect_to_url: { return_url: returnUrl, url: authenticateUrl },
			}
		: {
				type: 'use_stripe_sdk',
				use_stripe_sdk: {
					type: 'three_d_secure_redirect',
					source: newId('src'),
					stripe_js: authenticateUrl,
				},
			};
	ctx.scope.hiddenOf(intent.id).returnUrl = returnUrl ?? null;
	emitFrom(ctx, 'payment_intent.requires_action', intent);
	return intent;
}

/** The customer finishing (or failing) 3-D Secure on the page next_action points to. */
export function completeAuthentication(ctx: RequestContext, id: string, succeeded: boolean) {
	const intent = ctx.scope.get(id, 'payment_intent', 'payment_intent', 'intent');
	if (intent.status !== 'requires_action')
		throw unexpectedState(intent, 'authenticate', ['requires_action']);
	const paymentMethod = ctx.scope.get(intent.payment_method as string, 'payment_method');
	intent.next_action = null;
	if (succeeded) return succeed(ctx, intent, paymentMethod);
	intent.status = 'requires_payment_method';
	intent.payment_method = null;
	intent.last_payment_error = {
		type: 'invalid_request_error',
		code: 'payment_intent_authentication_failure',
		doc_url: docUrl('payment_intent_authentication_failure'),
		message:
			'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
		payment_method: clone(paymentMethod),
	};
	emitFrom(ctx, 'payment_intent.payment_failed', intent);
	return intent;
}
