import { invalidRequest, parameterMissing } from '../errors';
import type { FormValue } from '../form';
import { newId, nowSeconds, template } from '../fixtures';
import { assertAmountFitsCurrency } from '../validation/currency';
import { listResponse } from '../pagination';
import { applyMetadata, optionalString, requireString } from '../params';
import type { RequestContext, Router } from '../router';
import type { StripeObject } from '../state';

type Hash = { [key: string]: FormValue };

export function createProduct(
	ctx: RequestContext,
	name: string,
	metadata: Record<string, string> = {},
): StripeObject {
	const product = template('product') as StripeObject;
	Object.assign(product, {
		id: newId('prod'),
		active: true,
		created: nowSeconds(),
		updated: nowSeconds(),
		default_price: null,
		description: null,
		images: [],
		livemode: ctx.scope.livemode,
		metadata,
		name,
		tax_details: null,
	});
	return ctx.scope.put(product);
}

/** A Price from `price_data`-like input (also used for inline line items). */
export function createPrice(ctx: RequestContext, data: Hash, param: string): StripeObject {
	const currency = data.currency;
	if (typeof currency !== 'string' || !currency) throw parameterMissing(`${param}[currency]`);
	const unitAmount = data.unit_amount;
	if (typeof unitAmount !== 'string' || !/^\d+$/.test(unitAmount)) {
		throw parameterMissing(`${param}[unit_amount]`);
	}
	assertAmountFitsCurrency(
		Number(unitAmount),
		currency,
		`${param}[unit_amount]`,
		`${param}[currency]`,
	);
	let productId = typeof data.product === 'string' ? data.product : undefined;
	const productData = data.product_data as Hash | undefined;
	if (productId) ctx.scope.get(productId, 'product', 'product', `${param}[product]`);
	else if (productData && typeof productData.name === 'string') {
		productId = createProduct(ctx, productData.name).id;
	} else throw parameterMissing(`${param}[product_data][name]`);
	const recurring = data.recurring as Hash | undefined;
	const price = template('price') as StripeObject;
	Object.assign(price, {
		id: newId('price'),
		active: true,
		created: nowSeconds(),
		currency: currency.toLowerCase(),
		custom_unit_amount: null,
		livemode: ctx.scope.livemode,
		metadata: {},
		product: productId,
		recurring: recurring
			? {
					interval: recurring.interval ?? 'month',
					interval_count: Number(recurring.interval_count ?? 1),
					meter: null,
					trial_period_days: null,
					usage_type: 'licensed',
				}
			: null,
		transform_quantity: null,
		type: recurring ? 'recurring' : 'one_time',
		unit_amount: Number(unitAmount),
		unit_amount_decimal: unitAmount,
	});
	return ctx.scope.put(price);
}

export function getPrice(ctx: RequestContext, id: string, param: string): StripeObject {
	const price = ctx.scope.get(id, 'price', 'price', param);
	if (price.active !== true) {
		throw invalidRequest(
			`The price specified is inactive. This field only accepts active prices.`,
			{ param },
		);
	}
	return price;
}

export function registerPrices(router: Router): void {
	router.post('/v1/products', (ctx) =>
		createProduct(ctx, requireString(ctx.params, 'name'), applyMetadata({}, ctx.params)),
	);
	router.get('/v1/products/:product', (ctx, { product }) =>
		ctx.scope.get(product, 'product', 'product'),
	);
	router.post('/v1/prices', (ctx) => {
		const price = createPrice(ctx, ctx.params as Hash, 'price');
		price.metadata = applyMetadata({}, ctx.params);
		price.nickname = optionalString(ctx.params, 'nickname') ?? null;
		return price;
	});
	router.get('/v1/prices/:price', (ctx, { price }) => ctx.scope.get(price, 'price', 'price'));
	router.get('/v1/prices', (ctx) =>
		listResponse(ctx.params, ctx.scope.list('price'), '/v1/prices'),
	);
	router.get('/v1/products', (ctx) =>
		listResponse(ctx.params, ctx.scope.list('product'), '/v1/products'),
	);
}
