import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The Stripe objects a builder can pick from a list, paste as an id, or paste as a Dashboard URL. */
export type LocatableObject =
	| 'customer'
	| 'price'
	| 'paymentIntent'
	| 'checkoutSession'
	| 'invoice';

interface LocatorSpec {
	label: string;
	idPattern: string;
	example: string;
	searchListMethod: string;
	dashboardExample: string;
}

const ID_CHARS = '[A-Za-z0-9_]+';

export const LOCATOR_SPECS: Record<LocatableObject, LocatorSpec> = {
	customer: {
		label: 'Customer',
		idPattern: `cus_${ID_CHARS}`,
		example: 'cus_NffrFeUfNV2Hib',
		searchListMethod: 'searchCustomers',
		dashboardExample: 'https://dashboard.stripe.com/test/customers/cus_NffrFeUfNV2Hib',
	},
	price: {
		label: 'Price',
		idPattern: `price_${ID_CHARS}`,
		example: 'price_1MoBy5LkdIwHu7ixZhnattbh',
		searchListMethod: 'searchPrices',
		dashboardExample: 'https://dashboard.stripe.com/test/prices/price_1MoBy5LkdIwHu7ixZhnattbh',
	},
	paymentIntent: {
		label: 'Payment',
		idPattern: `pi_${ID_CHARS}`,
		example: 'pi_3MtwBwLkdIwHu7ix28a3tqPa',
		searchListMethod: 'searchPaymentIntents',
		dashboardExample: 'https://dashboard.stripe.com/test/payments/pi_3MtwBwLkdIwHu7ix28a3tqPa',
	},
	checkoutSession: {
		label: 'Checkout Session',
		idPattern: `cs_${ID_CHARS}`,
		example: 'cs_test_a1b2c3',
		searchListMethod: 'searchCheckoutSessions',
		dashboardExample: 'https://dashboard.stripe.com/test/checkout/sessions/cs_test_a1b2c3',
	},
	invoice: {
		label: 'Invoice',
		idPattern: `in_${ID_CHARS}`,
		example: 'in_1MtHbELkdIwHu7ixl4OzzPMv',
		searchListMethod: 'searchInvoices',
		dashboardExample: 'https://dashboard.stripe.com/test/invoices/in_1MtHbELkdIwHu7ixl4OzzPMv',
	},
};

/**
 * The id inside a Dashboard URL, wherever the path puts it (with or without /test/ or a Connect
 * account segment), e.g. https://dashboard.stripe.com/acct_1/test/customers/cus_123.
 */
export function dashboardUrlPattern(object: LocatableObject): string {
	return `^https://dashboard\\.stripe\\.com/(?:[^?#]*/)?(${LOCATOR_SPECS[object].idPattern})(?:[/?#].*)?$`;
}

export function stripeResourceLocator(
	object: LocatableObject,
	overrides: Partial<INodeProperties> & { name: string },
): INodeProperties {
	const spec = LOCATOR_SPECS[object];
	return {
		displayName: spec.label,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${spec.label.toLowerCase()}...`,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.example,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^${spec.idPattern}$`,
							errorMessage: `Not a valid Stripe ${spec.label.toLowerCase()} ID`,
						},
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: spec.dashboardExample,
				extractValue: { type: 'regex', regex: dashboardUrlPattern(object) },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: dashboardUrlPattern(object),
							errorMessage: `Not a Stripe Dashboard URL of a ${spec.label.toLowerCase()}`,
						},
					},
				],
			},
		],
		...overrides,
	};
}

/** The id a resource locator resolved to (list, id, or extracted from the URL), trimmed. */
export function locatedId(this: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = this.getNodeParameter(name, itemIndex, '', { extractValue: true });
	return String(value ?? '').trim();
}
