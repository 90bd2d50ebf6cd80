import { invalidRequest } from '../errors';
import { newId, nowSeconds, randomToken, template } from '../fixtures';
import type { FormParams } from '../form';
import { listResponse } from '../pagination';
import {
	applyMetadata,
	optionalBoolean,
	optionalObject,
	optionalString,
	requireString,
} from '../params';
import { emitFrom, internalContext, type RequestContext, type Router } from '../router';
import type { StripeObject } from '../state';
import { createSession } from './checkout';
import { assertChargeableTotal } from '../validation/currency';
import { currencyOf, emptyCustomText, readLineItems, totalOf } from './lineItems';

export function getLink(ctx: RequestContext, id: string): StripeObject {
	return ctx.scope.get(id, 'payment_link', 'payment_link', 'payment_link');
}

function create(ctx: RequestContext): StripeObject {
	const items = readLineItems(ctx, true);
	const currency = currencyOf(items);
	const link = template('payment_link') as StripeObject;
	const id = newId('plink');
	const completion = optionalObject(ctx.params, 'after_completion');
	const intentData = optionalObject(ctx.params, 'payment_intent_data');
	const recurring = items.some((item) => (item.price as StripeObject).recurring);
	if (!recurring && currency) assertChargeableTotal(totalOf(items), currency, 'Payment Link');
	Object.assign(link, {
		id,
		active: true,
		after_completion:
			completion?.type === 'redirect'
				? {
						type: 'redirect',
						redirect: { url: (completion.redirect as { url?: string } | undefined)?.url ?? null },
					}
				: { type: 'hosted_confirmation', hosted_confirmation: { custom_message: null } },
		allow_promotion_codes: false,
		automatic_tax: { enabled: false, liability: null },
		billing_address_collection: 'auto',
		consent_collection: null,
		currency,
		custom_fields: [],
		custom_text: emptyCustomText(),
		customer_creation: 'if_required',
		inactive_message: null,
		invoice_creation: null,
		livemode: ctx.scope.livemode,
		managed_payments: null,
		metadata: applyMetadata({}, ctx.params),
		payment_intent_data: recurring
			? null
			: {
					capture_method: null,
					description: intentData?.description ?? null,
					metadata: (intentData?.metadata as object) ?? {},
					setup_future_usage: null,
					statement_descriptor: null,
					statement_descriptor_suffix: null,
					transfer_group: null,
				},
		payment_method_collection: 'always',
		payment_method_options: null,
		payment_method_types: null,
		phone_number_collection: { enabled: false },
		restrictions: null,
		shipping_address_collection: null,
		shipping_options: [],
		submit_type: 'auto',
		subscription_data: recurring
			? {
					description: null,
					invoice_settings: { issuer: { type: 'self' } },
					metadata: {},
					trial_period_days: null,
					trial_settings: null,
				}
			: null,
		tax_id_collection: { enabled: false, required: 'never' },
		transfer_data: null,
		url: `${ctx.baseUrl}/payment_links/${ctx.scope.livemode ? '' : 'test_'}${randomToken(14)}`,
	});
	ctx.scope.put(link);
	ctx.scope.hiddenOf(id).lineItems = items;
	emitFrom(ctx, 'payment_link.created', link);
	return link;
}

function update(ctx: RequestContext, id: string): StripeObject {
	const link = getLink(ctx, id);
	const previous: Record<string, unknown> = {};
	const active = optionalBoolean(ctx.params, 'active');
	if (active !== undefined) {
		previous.active = link.active;
		link.active = active;
	}
	const message = optionalString(ctx.params, 'inactive_message');
	if (message !== undefined) link.inactive_message = message || null;
	if (ctx.params.metadata !== undefined) {
		previous.metadata = link.metadata;
		link.metadata = applyMetadata(link.metadata as Record<string, string>, ctx.params);
	}
	emitFrom(ctx, 'payment_link.updated', link, previous);
	return link;
}

/** A customer opening the link (control API): a new Checkout Session tied to it. */
export function openLink(ctx: RequestContext, id: string): StripeObject {
	const link = getLink(ctx, id);
	if (link.active !== true) throw invalidRequest('This payment link is no longer active.');
	const items = ctx.scope.hiddenOf(id).lineItems as StripeObject[];
	const recurring = items.some((item) => (item.price as StripeObject).recurring);
	const params: FormParams = {
		mode: recurring ? 'subscription' : 'payment',
		line_items: items.map((item) => ({
			price: (item.price as StripeObject).id as string,
			quantity: String(item.quantity),
		})),
		metadata: { ...(link.metadata as Record<string, string>) },
	};
	const data = link.payment_intent_data as { metadata?: Record<string, string> } | null;
	if (data?.metadata) params.payment_intent_data = { metadata: { ...data.metadata } };
	const sessionCtx = { ...internalContext(ctx.scope, ctx.baseUrl), params };
	return createSession(sessionCtx, link);
}

export function registerPaymentLinks(router: Router): void {
	router.post('/v1/payment_links', (ctx) => create(ctx));
	router.get('/v1/payment_links/:link', (ctx, { link }) => getLink(ctx, link));
	router.post('/v1/payment_links/:link', (ctx, { link }) => update(ctx, link));
	router.get('/v1/payment_links/:link/line_items', (ctx, { link }) => {
		getLink(ctx, link);
		const items = (ctx.scope.hiddenOf(link).lineItems as StripeObject[]) ?? [];
		return listResponse(ctx.params, items, `/v1/payment_links/${link}/line_items`);
	});
	router.get('/v1/payment_links', (ctx) => {
		const active = optionalBoolean(ctx.params, 'active');
		const items = ctx.scope.list(
			'payment_link',
			(link) => active === undefined || link.active === active,
		);
		return listResponse(ctx.params, items, '/v1/payment_links');
	});
}

export function registerBillingPortal(router: Router): void {
	router.post('/v1/billing_portal/sessions', (ctx) => {
		const customerId = requireString(ctx.params, 'customer');
		ctx.scope.get(customerId, 'customer', 'customer', 'customer');
		const session = template('billing_portal.session') as StripeObject;
		const id = newId('bps');
		Object.assign(session, {
			id,
			configuration: newId('bpc'),
			created: nowSeconds(),
			customer: customerId,
			customer_account: null,
			flow: null,
			livemode: ctx.scope.livemode,
			locale: null,
			on_behalf_of: null,
			return_url: optionalString(ctx.params, 'return_url') ?? null,
			url: `${ctx.baseUrl}/billing_portal/${id}`,
		});
		// Portal sessions are short-lived and cannot be retrieved in Stripe; they are not stored.
		return session;
	});
}
