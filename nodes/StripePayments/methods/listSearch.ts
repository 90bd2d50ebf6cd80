import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { fromMinorUnits } from '../../../core/payments/amounts';
import { stripeApiRequest } from '../../shared/stripeTransport';

const PAGE_SIZE = 25;
const DASHBOARD = 'https://dashboard.stripe.com';

type ToListItem = (object: IDataObject, testPath: string) => INodeListSearchItems;

/**
 * One page of a Stripe list (`starting_after` paging) or, with a filter that Stripe can search on,
 * one page of a search (`page` paging). The token says which of the two it continues.
 */
async function listOrSearch(
	context: ILoadOptionsFunctions,
	endpoint: {
		list: string;
		search?: string;
		searchQuery?: (filter: string) => string;
		params?: IDataObject;
	},
	toItem: ToListItem,
	filter: string | undefined,
	paginationToken: string | undefined,
	localMatch?: (object: IDataObject, filter: string) => boolean,
): Promise<INodeListSearchResult> {
	const trimmed = filter?.trim() ?? '';
	const useSearch = trimmed !== '' && endpoint.search !== undefined && endpoint.searchQuery;
	const params: IDataObject = { ...endpoint.params, limit: PAGE_SIZE };
	if (useSearch) {
		params.query = endpoint.searchQuery!(trimmed);
		if (paginationToken) params.page = paginationToken;
	} else if (paginationToken) {
		params.starting_after = paginationToken;
	}
	const { body } = await stripeApiRequest.call(context, {
		method: 'GET',
		path: useSearch ? endpoint.search! : endpoint.list,
		params,
	});
	const page = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	const testPath = body.livemode === true || page[0]?.livemode === true ? '' : '/test';
	const matching =
		!useSearch && trimmed !== '' && localMatch
			? page.filter((object) => localMatch(object, trimmed.toLowerCase()))
			: page;
	let nextToken: string | undefined;
	if (body.has_more === true) {
		nextToken = useSearch ? (body.next_page as string) : String(page[page.length - 1]?.id ?? '');
	}
	return {
		results: matching.map((object) => toItem(object, testPath)),
		paginationToken: nextToken || undefined,
	};
}

/** Stripe's search query language: quotes and backslashes inside a value are escaped. */
function quoted(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
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

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listOrSearch(
		this,
		{
			list: '/v1/customers',
			search: '/v1/customers/search',
			searchQuery: (text) => `email~${quoted(text)} OR name~${quoted(text)}`,
		},
		(customer, testPath) => ({
			name: [customer.name, customer.email].filter(Boolean).join(' — ') || String(customer.id),
			value: String(customer.id),
			url: `${DASHBOARD}${testPath}/customers/${String(customer.id)}`,
		}),
		filter,
		paginationToken,
	);
}

export async function searchPrices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listOrSearch(
		this,
		{ list: '/v1/prices', params: { active: true, expand: ['data.product'] } },
		(price, testPath) => {
			const product = price.product as IDataObject | string | undefined;
			const productName = typeof product === 'object' ? product?.name : undefined;
			const label = [price.nickname ?? productName, money(price, 'unit_amount')].filter(Boolean);
			return {
				name: label.join(' — ') || String(price.id),
				value: String(price.id),
				url: `${DASHBOARD}${testPath}/prices/${String(price.id)}`,
			};
		},
		filter,
		paginationToken,
		(price, text) =>
			includes(price.id, text) ||
			includes(price.nickname, text) ||
			includes((price.product as IDataObject | undefined)?.name, text),
	);
}

export async function searchPaymentIntents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listOrSearch(
		this,
		{ list: '/v1/payment_intents' },
		(intent, testPath) => ({
			name: [money(intent, 'amount'), intent.status, intent.description ?? intent.id]
				.filter(Boolean)
				.join(' — '),
			value: String(intent.id),
			url: `${DASHBOARD}${testPath}/payments/${String(intent.id)}`,
		}),
		filter,
		paginationToken,
		(intent, text) =>
			includes(intent.id, text) ||
			includes(intent.description, text) ||
			includes(intent.customer, text),
	);
}

export async function searchCheckoutSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listOrSearch(
		this,
		{ list: '/v1/checkout/sessions' },
		(session, testPath) => ({
			name: [money(session, 'amount_total'), session.status, session.customer_email ?? session.id]
				.filter(Boolean)
				.join(' — '),
			value: String(session.id),
			url: `${DASHBOARD}${testPath}/checkout/sessions/${String(session.id)}`,
		}),
		filter,
		paginationToken,
		(session, text) =>
			includes(session.id, text) ||
			includes(session.customer_email, text) ||
			includes(session.client_reference_id, text),
	);
}

export async function searchInvoices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listOrSearch(
		this,
		{ list: '/v1/invoices' },
		(invoice, testPath) => ({
			name: [invoice.number ?? invoice.id, money(invoice, 'amount_due'), invoice.status]
				.filter(Boolean)
				.join(' — '),
			value: String(invoice.id),
			url: `${DASHBOARD}${testPath}/invoices/${String(invoice.id)}`,
		}),
		filter,
		paginationToken,
		(invoice, text) =>
			includes(invoice.id, text) ||
			includes(invoice.number, text) ||
			includes(invoice.customer_email, text),
	);
}
