import { invalidRequest, parameterMissing } from '../errors';
import type { FormValue } from '../form';
import { clone, newId, template } from '../fixtures';
import { optionalArray } from '../params';
import type { RequestContext } from '../router';
import type { StripeObject } from '../state';
import { createPrice, getPrice } from './prices';

type Hash = { [key: string]: FormValue };

/** `line_items[i][price]` or `line_items[i][price_data]` with `quantity`, as `item` objects. */
export function readLineItems(ctx: RequestContext, required: boolean): StripeObject[] {
	const raw = optionalArray(ctx.params, 'line_items');
	if (!raw || raw.length === 0) {
		if (required) throw parameterMissing('line_items');
		return [];
	}
	return raw.map((entry, index) => {
		const param = `line_items[${index}]`;
		if (typeof entry !== 'object' || Array.isArray(entry))
			throw invalidRequest('Invalid hash', { param });
		const line = entry as Hash;
		const quantityText = line.quantity;
		if (typeof quantityText !== 'string') throw parameterMissing(`${param}[quantity]`);
		const quantity = Number(quantityText);
		if (!Number.isInteger(quantity) || quantity < 1) {
			throw invalidRequest('Quantity must be a positive integer.', { param: `${param}[quantity]` });
		}
		let price: StripeObject;
		if (typeof line.price === 'string') price = getPrice(ctx, line.price, `${param}[price]`);
		else if (line.price_data && typeof line.price_data === 'object') {
			price = createPrice(ctx, line.price_data as Hash, `${param}[price_data]`);
		} else {
			throw invalidRequest(`You must specify either \`price\` or \`price_data\` in ${param}.`, {
				param,
				code: 'parameter_missing',
			});
		}
		const product = ctx.scope.find(price.product as string);
		const amount = (price.unit_amount as number) * quantity;
		const item = template('item') as StripeObject;
		Object.assign(item, {
			id: newId('li'),
			adjustable_quantity: null,
			amount_discount: 0,
			amount_subtotal: amount,
			amount_tax: 0,
			amount_total: amount,
			currency: price.currency,
			description: (product?.name as string | undefined) ?? null,
			metadata: {},
			price: clone(price),
			quantity,
		});
		return item;
	});
}

export function totalOf(items: StripeObject[]): number {
	return items.reduce((sum, item) => sum + (item.amount_total as number), 0);
}

export function currencyOf(items: StripeObject[]): string | null {
	const currencies = new Set(items.map((item) => item.currency as string));
	if (currencies.size > 1) {
		throw invalidRequest('All line items must use the same currency.', { param: 'line_items' });
	}
	return items.length > 0 ? (items[0].currency as string) : null;
}

/** Checkout Sessions and Payment Links without custom text. */
export function emptyCustomText() {
	return {
		after_submit: null,
		shipping_address: null,
		submit: null,
		terms_of_service_acceptance: null,
	};
}
