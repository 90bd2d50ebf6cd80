import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type Stripe from 'stripe';

import { PaymentInputError } from '../../../../core/errors';
import { toMinorUnits } from '../../../../core/payments/amounts';
import { positiveQuantity } from '../../../../core/payments/wholeNumbers';

/** Line items from existing prices or ad-hoc (name + decimal amount), each with a quantity. */
export const lineItemsField: INodeProperties = {
	displayName: 'Line Items',
	name: 'lineItems',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Line Item',
	default: {},
	required: true,
	options: [
		{
			displayName: 'Item',
			name: 'items',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'T-shirt',
				},
				{
					displayName: 'Price ID',
					name: 'price',
					type: 'string',
					default: '',
					placeholder: 'price_1MoBy5LkdIwHu7ixZhnattbh',
				},
				{
					displayName: 'Quantity',
					name: 'quantity',
					type: 'number',
					default: 1,
					typeOptions: { minValue: 1 },
					description: 'A whole number of 1 or more',
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: 'price',
					options: [
						{
							name: 'Existing Price',
							value: 'price',
						},
						{
							name: 'Ad-Hoc Amount',
							value: 'adHoc',
						},
					],
				},
				{
					displayName: 'Unit Amount',
					name: 'amount',
					type: 'string',
					default: '',
					placeholder: '19.99',
					description: 'A decimal in the session currency',
				},
			],
		},
	],
};

interface LineItemParameter {
	type?: 'price' | 'adHoc';
	price?: string;
	name?: string;
	amount?: string | number;
	quantity?: number;
}

export interface LineItemContext {
	/** Needed by ad-hoc items. */
	currency: string;
	/** Ad-hoc items of a subscription need a billing interval. */
	recurringInterval?: Stripe.Checkout.SessionCreateParams.LineItem.PriceData.Recurring.Interval;
}

export function lineItemsFromParameter(
	value: unknown,
	context: LineItemContext,
): Stripe.Checkout.SessionCreateParams.LineItem[] {
	const entries = ((value as IDataObject | undefined)?.items ?? []) as LineItemParameter[];
	if (entries.length === 0) {
		throw new PaymentInputError('Line Items', 'are empty.', 'Add at least one item.');
	}
	return entries.map((entry, index) => {
		const field = `Line Items ${index + 1}`;
		const quantity = positiveQuantity(entry.quantity ?? 1, `${field} Quantity`);
		if ((entry.type ?? 'price') === 'price') {
			const price = String(entry.price ?? '').trim();
			if (!/^price_[A-Za-z0-9_]+$/.test(price)) {
				throw new PaymentInputError(
					field,
					'has no valid price id.',
					'Use a price id such as price_123.',
				);
			}
			return { price, quantity };
		}
		const name = String(entry.name ?? '').trim();
		if (name === '') {
			throw new PaymentInputError(field, 'has no name.', 'Name what the customer is paying for.');
		}
		if (!context.currency) {
			throw new PaymentInputError(
				'Currency',
				'is empty.',
				'Ad-hoc items need a currency, such as usd.',
			);
		}
		return {
			quantity,
			price_data: {
				currency: context.currency,
				unit_amount: toMinorUnits(entry.amount ?? '', context.currency, `${field} Unit Amount`),
				product_data: { name },
				...(context.recurringInterval
					? { recurring: { interval: context.recurringInterval } }
					: {}),
			},
		};
	});
}
