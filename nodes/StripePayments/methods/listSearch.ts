import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fromMinorUnits } from '../../../core/payments/amounts';
import { stripeApiRequest } from '../../shared/stripeTransport';
import { searchQueryValue } from '../actions/customer/searchQuery';

const PAGE_SIZE = 25;
const DASHBOARD = 'https://dashboard.stripe.com';

interface SearchSpec {
	/** List endpoint, paged with `starting_after`. */
	list: string;
	/** Search endpoint (paged with `page`), used when there is a filter. */
	search?: { path: string; query: (filter: string) => string };
	params?: IDataObject;
	/** Dashboard path segment: https://dashboard.stripe.com[/test]/<dashboardPath>/<id>. */
	dashboardPath: string;
	label: (object: IDataObject) => Array<unknown>;
	/** Without a search endpoint, a filter is applied to each page locally on these fields. */
	filterFields?: string[];
}

/**
 * A listSearch method over one Stripe object kind: one page of the list, or with a filter one page
 * of the search (or of the list, filtered locally). The pagination token continues whichever it is.
 */
function listSearchMethod(spec: SearchSpec) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const text = filter?.trim() ?? '';
		const search = text !== '' ? spec.search : undefined;
		const params: IDataObject = { ...spec.params, limit: PAGE_SIZE };
		if (search) params.query = search.query(text);
		if (paginationToken) params[search ? 'page' : 'starting_after'] = paginationToken;
		const { body } = await stripeApiRequest.call(this, {
			method: 'GET',
			path: search ? search.path : spec.list,
			params,
		});
		const page = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
		const lowered = text.toLowerCase();
		const matching =
			!search && text !== ''
				? page.filter((object) =>
						(spec.filterFields ?? ['id']).some((field) =>
							includes(fieldOf(object, field), lowered),
						),
					)
				: page;
		let nextToken: string | undefined;
		if (body.has_more === true) {
			nextToken = search ? String(body.next_page ?? '') : String(page[page.length - 1]?.id ?? '');
		}
		return {
			results: matching.map((object) => {
				const testPath = object.livemode === true ? '' : '/test';
				const id = String(object.id);
				return {
					name: spec.label(object).filter(Boolean).join(' — ') || id,
					value: id,
					url: `${DASHBOARD}${testPath}/${spec.dashboardPath}/${id}`,
				};
			}),
			paginationToken: nextToken || undefined,
		};
	};
}

/** A field, or a field of an expanded object ('product.name'). */
function fieldOf(object: IDataObject, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], object);
}

function includes(value: unknown, filter: string): boolean {
	return typeof value === 'string' && value.toLowerCase().includes(filter);
}

function money(object: IDataObject, amountField: string): string {
	const amount = object[amountField];
	const currency = typeof object.currency === 'string' ? object.currency : '';
	if (typeof amount !== 'number' || !currency) return '';
	return `${fromMinorUnits(amount, currency)} ${currency.toUpperCase()}`;
}

export const searchCustomers = listSearchMethod({
	list: '/v1/customers',
	search: {
		path: '/v1/customers/search',
		query: (text) => `email~${searchQueryValue(text)} OR name~${searchQueryValue(text)}`,
	},
	dashboardPath: 'customers',
	label: (customer) => [customer.name, customer.email],
});

export const searchPrices = listSearchMethod({
	list: '/v1/prices',
	params: { active: true, expand: ['data.product'] },
	dashboardPath: 'prices',
	label: (price) => [price.nickname ?? fieldOf(price, 'product.name'), money(price, 'unit_amount')],
	filterFields: ['id', 'nickname', 'product.name'],
});

export const searchPaymentIntents = listSearchMethod({
	list: '/v1/payment_intents',
	dashboardPath: 'payments',
	label: (intent) => [money(intent, 'amount'), intent.status, intent.description ?? intent.id],
	filterFields: ['id', 'description', 'customer'],
});

export const searchCheckoutSessions = listSearchMethod({
	list: '/v1/checkout/sessions',
	dashboardPath: 'checkout/sessions',
	label: (session) => [
		money(session, 'amount_total'),
		session.status,
		session.customer_email ?? session.id,
	],
	filterFields: ['id', 'customer_email', 'client_reference_id'],
});

export const searchInvoices = listSearchMethod({
	list: '/v1/invoices',
	dashboardPath: 'invoices',
	label: (invoice) => [invoice.number ?? invoice.id, money(invoice, 'amount_due'), invoice.status],
	filterFields: ['id', 'number', 'customer_email'],
});
