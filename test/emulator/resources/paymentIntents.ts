import { resolvePaymentMethod } from '../cards';
import { invalidRequest } from '../errors';
import { newId, nowSeconds, randomToken, template } from '../fixtures';
import { listResponse, matchesRange } from '../pagination';
import {
	applyMetadata,
	optionalBoolean,
	optionalInteger,
	optionalObject,
	optionalString,
	requireInteger,
	requireString,
	stringArray,
} from '../params';
import { emitFrom, type RequestContext, type Router } from '../router';
import { searchResponse } from '../search';
import type { StripeObject } from '../state';
import { assertReturnUrlWhenRedirectsAllowed, confirmIntent, unexpectedState } from './confirm';
import { assertAmountFitsCurrency, assertChargeableAmount } from '../validation/currency';

const CANCELABLE = [
	'requires_payment_method',
	'requires_capture',
	'requires_confirmation',
	'requires_action',
	'processing',
];

export function getIntent(ctx: RequestContext, id: string, param = 'intent'): StripeObject {
	return ctx.scope.get(id, 'payment_intent', 'payment_intent', param);
}

/** Builds (does not store) a PaymentIntent on Stripe's example object. */
export function buildIntent(
	ctx: RequestContext,
	fields: { amount: number; currency: string; customer?: string | null },
): StripeObject {
	const intent = template('payment_intent') as StripeObject;
	const id = newId('pi');
	Object.assign(intent, {
		id,
		amount: fields.amount,
		amount_capturable: 0,
		amount_details: { tip: {} },
		amount_received: 0,
		automatic_payment_methods: { allow_redirects: 'always', enabled: true },
		canceled_at: null,
		cancellation_reason: null,
		capture_method: 'automatic_async',
		client_secret: `${id}_secret_${randomToken(25)}`,
		confirmation_method: 'automatic',
		created: nowSeconds(),
		currency: fields.currency,
		customer: fields.customer ?? null,
		description: null,
		last_payment_error: null,
		latest_charge: null,
		livemode: ctx.scope.livemode,
		metadata: {},
		next_action: null,
		payment_method: null,
		payment_method_configuration_details: null,
		payment_method_options: {
			card: {
				installments: null,
				mandate_options: null,
				network: null,
				request_three_d_secure: 'automatic',
			},
		},
		payment_method_types: ['card'],
		processing: null,
		receipt_email: null,
		review: null,
		setup_future_usage: null,
		shipping: null,
		source: null,
		status: 'requires_payment_method',
		transfer_data: null,
		transfer_group: null,
		managed_payments: null,
		allowed_payment_method_types: null,
		payment_record: null,
	});
	return intent;
}

function create(ctx: RequestContext): StripeObject {
	const params = ctx.params;
	const amount = requireInteger(params, 'amount');
	const currency = requireString(params, 'currency').toLowerCase();
	assertChargeableAmount(amount, currency);
	const customer = optionalString(params, 'customer') ?? null;
	if (customer) ctx.scope.get(customer, 'customer', 'customer', 'customer');
	const intent = buildIntent(ctx, { amount, currency, customer });
	// API 2026-10-28.endive names the input allowed_payment_method_types; older versions payment_method_types.
	const types =
		stringArray(params, 'allowed_payment_method_types') ??
		stringArray(params, 'payment_method_types');
	const automatic = optionalObject(params, 'automatic_payment_methods');
	if (types && types.length > 0) {
		intent.payment_method_types = types;
		intent.allowed_payment_method_types = types;
		intent.automatic_payment_methods = null;
	} else if (automatic) {
		intent.automatic_payment_methods = {
			allow_redirects: automatic.allow_redirects ?? 'always',
			enabled: automatic.enabled !== 'false',
		};
	}
	intent.capture_method = optionalString(params, 'capture_method') ?? intent.capture_method;
	intent.description = optionalString(params, 'description') ?? null;
	intent.receipt_email = optionalString(params, 'receipt_email') ?? null;
	intent.setup_future_usage = optionalString(params, 'setup_future_usage') ?? null;
	intent.metadata = applyMetadata({}, params);
	const paymentMethod = optionalString(params, 'payment_method');
	const confirm = optionalBoolean(params, 'confirm') ?? false;
	const offSession = optionalBoolean(params, 'off_session') ?? false;
	const returnUrl = optionalString(params, 'return_url');
	if (confirm) assertReturnUrlWhenRedirectsAllowed(intent, returnUrl);
	if (paymentMethod && !confirm) intent.status = 'requires_confirmation';
	ctx.scope.put(intent);
	emitFrom(ctx, 'payment_intent.created', intent);
	const failOnAction = optionalBoolean(params, 'error_on_requires_action') ?? false;
	if (confirm) confirmIntent(ctx, intent, { paymentMethod, offSession, returnUrl, failOnAction });
	else if (paymentMethod) {
		intent.payment_method = resolvePaymentMethod(ctx.scope, paymentMethod).paymentMethod.id;
	}
	return intent;
}

function update(ctx: RequestContext, id: string): StripeObject {
	const intent = getIntent(ctx, id);
	const previous: Record<string, unknown> = {};
	const amount = optionalInteger(ctx.params, 'amount');
	if (amount !== undefined) {
		if (intent.status === 'succeeded' || intent.status === 'canceled') {
			throw unexpectedState(intent, 'update', ['requires_payment_method', 'requires_confirmation']);
		}
		assertChargeableAmount(amount, intent.currency as string);
		previous.amount = intent.amount;
		intent.amount = amount;
	}
	for (const field of ['description', 'receipt_email', 'customer', 'payment_method'] as const) {
		const value = optionalString(ctx.params, field);
		if (value === undefined) continue;
		previous[field] = intent[field];
		intent[field] = value === '' ? null : value;
	}
	if (ctx.params.metadata !== undefined) {
		previous.metadata = intent.metadata;
		intent.metadata = applyMetadata(intent.metadata as Record<string, string>, ctx.params);
	}
	emitFrom(ctx, 'payment_intent.updated', intent, previous);
	return intent;
}

function capture(ctx: RequestContext, id: string): StripeObject {
	const intent = getIntent(ctx, id);
	if (intent.status !== 'requires_capture')
		throw unexpectedState(intent, 'capture', ['requires_capture']);
	const capturable = intent.amount_capturable as number;
	const amount = optionalInteger(ctx.params, 'amount_to_capture') ?? capturable;
	assertAmountFitsCurrency(amount, String(intent.currency), 'amount_to_capture');
	if (amount > capturable || amount < 1) {
		throw invalidRequest(
			`The amount_to_capture must be less than or equal to the amount_capturable (${capturable}).`,
			{ param: 'amount_to_capture', code: 'amount_too_large' },
		);
	}
	const charge = ctx.scope.get(intent.latest_charge as string, 'charge');
	Object.assign(charge, {
		captured: true,
		amount_captured: amount,
		amount_refunded: (charge.amount as number) - amount,
		balance_transaction: newId('txn'),
	});
	Object.assign(intent, { status: 'succeeded', amount_received: amount, amount_capturable: 0 });
	ctx.scope.recordMoney({
		kind: 'capture',
		objectId: charge.id,
		paymentIntent: intent.id,
		amount,
		idempotencyKey: ctx.idempotencyKey,
	});
	emitFrom(ctx, 'charge.captured', charge);
	emitFrom(ctx, 'payment_intent.succeeded', intent);
	return intent;
}

function cancel(ctx: RequestContext, id: string): StripeObject {
	const intent = getIntent(ctx, id);
	if (!CANCELABLE.includes(intent.status as string)) {
		throw unexpectedState(intent, 'cancel', CANCELABLE);
	}
	Object.assign(intent, {
		status: 'canceled',
		canceled_at: nowSeconds(),
		cancellation_reason: optionalString(ctx.params, 'cancellation_reason') ?? null,
		amount_capturable: 0,
		next_action: null,
	});
	emitFrom(ctx, 'payment_intent.canceled', intent);
	return intent;
}

export const PAYMENT_INTENT_SEARCH_FIELDS = [
	'amount',
	'created',
	'currency',
	'customer',
	'metadata',
	'status',
];

export function registerPaymentIntents(router: Router): void {
	router.post('/v1/payment_intents', (ctx) => create(ctx));
	router.get('/v1/payment_intents/search', (ctx) =>
		searchResponse(
			ctx.scope,
			ctx.params,
			'payment_intent',
			'payment_intents',
			PAYMENT_INTENT_SEARCH_FIELDS,
			ctx.searchLagMs,
		),
	);
	router.get('/v1/payment_intents/:intent', (ctx, { intent }) => getIntent(ctx, intent));
	router.post('/v1/payment_intents/:intent', (ctx, { intent }) => update(ctx, intent));
	router.post('/v1/payment_intents/:intent/confirm', (ctx, { intent }) => {
		const found = getIntent(ctx, intent);
		const returnUrl = optionalString(ctx.params, 'return_url');
		assertReturnUrlWhenRedirectsAllowed(found, returnUrl);
		return confirmIntent(ctx, found, {
			paymentMethod: optionalString(ctx.params, 'payment_method'),
			offSession: optionalBoolean(ctx.params, 'off_session') ?? false,
			failOnAction: optionalBoolean(ctx.params, 'error_on_requires_action') ?? false,
			returnUrl,
		});
	});
	router.post('/v1/payment_intents/:intent/capture', (ctx, { intent }) => capture(ctx, intent));
	router.post('/v1/payment_intents/:intent/cancel', (ctx, { intent }) => cancel(ctx, intent));
	router.get('/v1/payment_intents', (ctx) => {
		const customer = optionalString(ctx.params, 'customer');
		const created = ctx.params.created;
		const items = ctx.scope.list(
			'payment_intent',
			(intent) =>
				(!customer || intent.customer === customer) && matchesRange(intent.created, created),
		);
		return listResponse(ctx.params, items, '/v1/payment_intents');
	});
}
