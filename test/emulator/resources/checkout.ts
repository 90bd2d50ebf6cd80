import { invalidRequest, parameterMissing } from '../errors';
import { newModeId, nowSeconds, template } from '../fixtures';
import { listResponse, matchesRange } from '../pagination';
import {
	applyMetadata,
	optionalInteger,
	optionalObject,
	optionalString,
	requireOneOf,
	stringArray,
} from '../params';
import { emitFrom, type RequestContext, type Router } from '../router';
import type { StripeObject } from '../state';
import { assertChargeableTotal } from '../validation/currency';
import { currencyOf, emptyCustomText, readLineItems, totalOf } from './lineItems';

const MODES = ['payment', 'subscription', 'setup'] as const;
const MIN_EXPIRY_S = 30 * 60;
const MAX_EXPIRY_S = 24 * 60 * 60;

/** Fields of Stripe.Checkout.Session the example object lacks; they are null until modelled. */
const NULL_FIELDS = [
	'allowed_payment_method_types',
	'currency_conversion',
	'integration_identifier',
	'origin_context',
	'permissions',
	'wallet_options',
	'presentment_details',
	'managed_payments',
	'customer_account',
];

/** A session past its expires_at has expired (Stripe expires it on time; here on next access). */
export function getSession(ctx: RequestContext, id: string): StripeObject {
	const session = ctx.scope.get(id, 'checkout.session', 'checkout.session', 'session');
	if (session.status === 'open' && nowSeconds() >= (session.expires_at as number)) {
		markExpired(ctx, session);
	}
	return session;
}

function markExpired(ctx: RequestContext, session: StripeObject): void {
	session.status = 'expired';
	session.url = null;
	emitFrom(ctx, 'checkout.session.expired', session);
}

function readExpiry(ctx: RequestContext): number {
	const now = nowSeconds();
	const expiresAt = optionalInteger(ctx.params, 'expires_at');
	if (expiresAt === undefined) return now + MAX_EXPIRY_S;
	if (expiresAt < now + MIN_EXPIRY_S || expiresAt > now + MAX_EXPIRY_S) {
		throw invalidRequest(
			'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
			{ param: 'expires_at', beforeExecution: true },
		);
	}
	return expiresAt;
}

/**
 * Creates an open session. As in Stripe since API 2022-08-01, its PaymentIntent is created only when
 * the customer pays (payment_intent is null until then). Line items are returned with expand[].
 */
export function createSession(
	ctx: RequestContext,
	fromLink: StripeObject | null = null,
): StripeObject {
	const mode = requireOneOf(ctx.params, 'mode', MODES);
	const customer = optionalString(ctx.params, 'customer') ?? null;
	const customerEmail = optionalString(ctx.params, 'customer_email') ?? null;
	if (customer && customerEmail) {
		throw invalidRequest(
			'You may only specify one of these parameters: customer, customer_email.',
			{
				param: 'customer_email',
				beforeExecution: true,
			},
		);
	}
	if (customer) ctx.scope.get(customer, 'customer', 'customer', 'customer');
	const expiresAt = readExpiry(ctx);
	const items = readLineItems(ctx, mode !== 'setup');
	if (mode === 'subscription' && !items.some((item) => (item.price as StripeObject).recurring)) {
		throw invalidRequest(
			'You must provide at least one recurring price in `subscription` mode when using prices.',
			{
				param: 'line_items',
			},
		);
	}
	const currency =
		mode === 'setup' ? (optionalString(ctx.params, 'currency') ?? null) : currencyOf(items);
	if (mode === 'setup' && !currency) throw parameterMissing('currency');
	const amount = totalOf(items);
	if (mode === 'payment' && currency) assertChargeableTotal(amount, currency, 'Checkout Session');
	const session = template('checkout.session') as StripeObject;
	const id = newModeId('cs', ctx.scope.livemode);
	for (const field of NULL_FIELDS) session[field] = null;
	Object.assign(session, {
		id,
		after_expiration: null,
		allow_promotion_codes: null,
		amount_subtotal: mode === 'setup' ? null : amount,
		amount_total: mode === 'setup' ? null : amount,
		automatic_tax: { enabled: false, liability: null, provider: null, status: null },
		cancel_url: optionalString(ctx.params, 'cancel_url') ?? null,
		client_reference_id: optionalString(ctx.params, 'client_reference_id') ?? null,
		client_secret: null,
		collected_information: null,
		consent: null,
		consent_collection: null,
		created: nowSeconds(),
		currency,
		custom_fields: [],
		custom_text: emptyCustomText(),
		customer,
		customer_creation: mode === 'payment' && !customer ? 'if_required' : null,
		customer_details: customerEmail
			? {
					address: null,
					email: customerEmail,
					name: null,
					phone: null,
					tax_exempt: 'none',
					tax_ids: null,
				}
			: null,
		customer_email: customerEmail,
		discounts: [],
		expires_at: expiresAt,
		invoice: null,
		invoice_creation:
			mode === 'payment'
				? {
						enabled: false,
						invoice_data: {
							account_tax_ids: null,
							custom_fields: null,
							description: null,
							footer: null,
							issuer: null,
							metadata: {},
							rendering_options: null,
						},
					}
				: null,
		livemode: ctx.scope.livemode,
		locale: null,
		metadata: applyMetadata({}, ctx.params),
		mode,
		payment_intent: null,
		payment_link: fromLink?.id ?? null,
		payment_method_collection: mode === 'payment' ? null : 'always',
		payment_method_configuration_details: null,
		payment_method_options: { card: { request_three_d_secure: 'automatic' } },
		payment_method_types: stringArray(ctx.params, 'allowed_payment_method_types') ??
			stringArray(ctx.params, 'payment_method_types') ?? ['card'],
		payment_status: mode === 'setup' ? 'no_payment_required' : 'unpaid',
		phone_number_collection: { enabled: false },
		recovered_from: null,
		saved_payment_method_options: null,
		setup_intent: null,
		shipping_address_collection: null,
		shipping_cost: null,
		shipping_options: [],
		status: 'open',
		submit_type: null,
		subscription: null,
		success_url: optionalString(ctx.params, 'success_url') ?? null,
		total_details:
			mode === 'setup' ? null : { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
		ui_mode: optionalString(ctx.params, 'ui_mode') ?? 'hosted',
		url: `${ctx.baseUrl}/checkout/${id}`,
		adaptive_pricing: { enabled: false },
	});
	ctx.scope.put(session);
	const hidden = ctx.scope.hiddenOf(id);
	hidden.lineItems = items;
	const intentData = optionalObject(ctx.params, 'payment_intent_data');
	hidden.paymentIntentMetadata = intentData?.metadata ?? {};
	hidden.paymentIntentDescription = intentData?.description ?? null;
	hidden.captureMethod = intentData?.capture_method ?? null;
	return session;
}

export function lineItemsList(ctx: RequestContext, session: StripeObject) {
	const items = (ctx.scope.hiddenOf(session.id).lineItems as StripeObject[] | undefined) ?? [];
	return listResponse(ctx.params, items, `/v1/checkout/sessions/${session.id}/line_items`);
}

function withLineItems(ctx: RequestContext, session: StripeObject) {
	const expand = stringArray(ctx.params, 'expand') ?? [];
	if (!expand.includes('line_items')) return session;
	const items = (ctx.scope.hiddenOf(session.id).lineItems as StripeObject[] | undefined) ?? [];
	return {
		...session,
		line_items: {
			object: 'list',
			data: items,
			has_more: false,
			url: `/v1/checkout/sessions/${session.id}/line_items`,
		},
	};
}

export function expireSession(ctx: RequestContext, id: string): StripeObject {
	const session = getSession(ctx, id);
	if (session.status !== 'open') {
		throw invalidRequest(
			`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${String(session.status)}".`,
			{ param: 'session' },
		);
	}
	markExpired(ctx, session);
	return session;
}

export function registerCheckout(router: Router): void {
	router.post('/v1/checkout/sessions', (ctx) => withLineItems(ctx, createSession(ctx)));
	router.get('/v1/checkout/sessions/:session', (ctx, { session }) =>
		withLineItems(ctx, getSession(ctx, session)),
	);
	router.get('/v1/checkout/sessions/:session/line_items', (ctx, { session }) =>
		lineItemsList(ctx, getSession(ctx, session)),
	);
	router.post('/v1/checkout/sessions/:session/expire', (ctx, { session }) =>
		expireSession(ctx, session),
	);
	router.get('/v1/checkout/sessions', (ctx) => {
		const filters = {
			payment_intent: optionalString(ctx.params, 'payment_intent'),
			customer: optionalString(ctx.params, 'customer'),
			status: optionalString(ctx.params, 'status'),
			payment_link: optionalString(ctx.params, 'payment_link'),
		};
		const items = ctx.scope.list(
			'checkout.session',
			(session) =>
				Object.entries(filters).every(([field, value]) => !value || session[field] === value) &&
				matchesRange(session.created, ctx.params.created),
		);
		return listResponse(ctx.params, items, '/v1/checkout/sessions');
	});
}
