import { newId, nowSeconds, randomToken, template } from '../fixtures';
import { listResponse, matchesRange } from '../pagination';
import { applyMetadata, optionalObject, optionalString } from '../params';
import { emitFrom, type RequestContext, type Router } from '../router';
import { searchResponse } from '../search';
import type { StripeObject } from '../state';
import { attachPaymentMethod } from './paymentMethods';

const FIELDS = ['email', 'name', 'description', 'phone'] as const;

export function getCustomer(ctx: RequestContext, id: string, param = 'customer'): StripeObject {
	return ctx.scope.get(id, 'customer', 'customer', param);
}

export function createCustomer(
	ctx: RequestContext,
	fields: Partial<Record<(typeof FIELDS)[number], string | null>> & {
		metadata?: Record<string, string>;
	} = {},
): StripeObject {
	const customer = template('customer') as StripeObject;
	Object.assign(customer, {
		id: newId('cus'),
		address: null,
		balance: 0,
		created: nowSeconds(),
		currency: null,
		default_source: null,
		delinquent: false,
		description: fields.description ?? null,
		discount: null,
		email: fields.email ?? null,
		invoice_prefix: randomToken(8).toUpperCase(),
		invoice_settings: {
			custom_fields: null,
			default_payment_method: null,
			footer: null,
			rendering_options: null,
		},
		livemode: ctx.scope.livemode,
		metadata: fields.metadata ?? {},
		name: fields.name ?? null,
		phone: fields.phone ?? null,
		shipping: null,
	});
	ctx.scope.put(customer);
	emitFrom(ctx, 'customer.created', customer);
	return customer;
}

function create(ctx: RequestContext): StripeObject {
	const fields: Partial<Record<(typeof FIELDS)[number], string | null>> = {};
	for (const field of FIELDS) fields[field] = optionalString(ctx.params, field) ?? null;
	const customer = createCustomer(ctx, { ...fields, metadata: applyMetadata({}, ctx.params) });
	const paymentMethod = optionalString(ctx.params, 'payment_method');
	if (paymentMethod) attachPaymentMethod(ctx, paymentMethod, customer.id);
	const settings = optionalObject(ctx.params, 'invoice_settings');
	if (typeof settings?.default_payment_method === 'string') {
		(customer.invoice_settings as Record<string, unknown>).default_payment_method =
			settings.default_payment_method;
	}
	return customer;
}

function update(ctx: RequestContext, id: string): StripeObject {
	const customer = getCustomer(ctx, id);
	const previous: Record<string, unknown> = {};
	for (const field of FIELDS) {
		const value = optionalString(ctx.params, field);
		if (value === undefined) continue;
		previous[field] = customer[field];
		customer[field] = value === '' ? null : value;
	}
	if (ctx.params.metadata !== undefined) {
		previous.metadata = customer.metadata;
		customer.metadata = applyMetadata(customer.metadata as Record<string, string>, ctx.params);
	}
	const settings = optionalObject(ctx.params, 'invoice_settings');
	if (typeof settings?.default_payment_method === 'string') {
		const current = customer.invoice_settings as Record<string, unknown>;
		previous.invoice_settings = { ...current };
		current.default_payment_method = settings.default_payment_method || null;
	}
	emitFrom(ctx, 'customer.updated', customer, previous);
	return customer;
}

/** Stripe keeps a deleted customer as a stub: retrieving it answers `{ id, object, deleted: true }`. */
function remove(ctx: RequestContext, id: string) {
	const customer = getCustomer(ctx, id);
	customer.deleted = true;
	emitFrom(ctx, 'customer.deleted', { ...customer, deleted: undefined } as StripeObject);
	return { id, object: 'customer', deleted: true };
}

function retrieve(ctx: RequestContext, id: string) {
	const found = ctx.scope.find(id);
	if (found?.object === 'customer' && found.deleted === true) {
		return { id, object: 'customer', deleted: true };
	}
	return getCustomer(ctx, id);
}

export function registerCustomers(router: Router): void {
	router.post('/v1/customers', (ctx) => create(ctx));
	router.get('/v1/customers/search', (ctx) =>
		searchResponse(
			ctx.scope,
			ctx.params,
			'customer',
			'customers',
			['created', 'email', 'metadata', 'name', 'phone'],
			ctx.searchLagMs,
		),
	);
	router.get('/v1/customers/:customer', (ctx, { customer }) => retrieve(ctx, customer));
	router.post('/v1/customers/:customer', (ctx, { customer }) => update(ctx, customer));
	router.delete('/v1/customers/:customer', (ctx, { customer }) => remove(ctx, customer));
	router.get('/v1/customers', (ctx) => {
		const email = optionalString(ctx.params, 'email');
		const items = ctx.scope.list(
			'customer',
			(customer) =>
				(!email || customer.email === email) && matchesRange(customer.created, ctx.params.created),
		);
		return listResponse(ctx.params, items, '/v1/customers');
	});
}
