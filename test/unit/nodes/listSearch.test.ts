import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	searchCustomers,
	searchInvoices,
	searchPaymentIntents,
	searchPrices,
} from '../../../nodes/StripePayments/methods/listSearch';
import { fakeLoadOptionsContext } from './fakeLoadOptionsContext';

describe('resource locator searches', () => {
	it('customers: lists without a filter, searches email or name with one, and pages', async () => {
		const { context, sent } = fakeLoadOptionsContext([
			{
				status: 200,
				body: {
					data: [{ id: 'cus_1', name: 'Ada', email: 'ada@example.com', livemode: false }],
					has_more: true,
				},
			},
			{
				status: 200,
				body: { data: [{ id: 'cus_2', email: 'o"b@x.io' }], has_more: true, next_page: 'pg_2' },
			},
		]);
		const listed = await searchCustomers.call(context);
		assert.deepEqual(listed, {
			results: [
				{
					name: 'Ada — ada@example.com',
					value: 'cus_1',
					url: 'https://dashboard.stripe.com/test/customers/cus_1',
				},
			],
			paginationToken: 'cus_1',
		});
		const searched = await searchCustomers.call(context, 'o"b');
		assert.equal(searched.paginationToken, 'pg_2');
		const url = new URL(sent[1].url);
		assert.equal(url.pathname, '/v1/customers/search');
		assert.equal(url.searchParams.get('query'), 'email~"o\\"b" OR name~"o\\"b"');
	});

	it('prices: expands the product for a readable name and filters locally', async () => {
		const { context, sent } = fakeLoadOptionsContext([
			{
				status: 200,
				body: {
					data: [
						{ id: 'price_1', unit_amount: 1999, currency: 'eur', product: { name: 'Mug' } },
						{
							id: 'price_2',
							unit_amount: 500,
							currency: 'jpy',
							nickname: 'Sticker',
							product: 'prod_2',
						},
					],
					has_more: false,
				},
			},
		]);
		const result = await searchPrices.call(context, 'mug');
		assert.deepEqual(
			result.results.map((r) => [r.name, r.value]),
			[['Mug — 19.99 EUR', 'price_1']],
		);
		assert.equal(result.paginationToken, undefined);
		assert.equal(new URL(sent[0].url).searchParams.get('expand[0]'), 'data.product');
	});

	it('payment intents and invoices show amount and status, with Dashboard links', async () => {
		const { context } = fakeLoadOptionsContext([
			{
				status: 200,
				body: {
					data: [
						{ id: 'pi_1', amount: 1000, currency: 'usd', status: 'succeeded', livemode: true },
					],
					has_more: false,
				},
			},
			{
				status: 200,
				body: {
					data: [{ id: 'in_1', number: 'A-1', amount_due: 300, currency: 'usd', status: 'open' }],
					has_more: false,
				},
			},
		]);
		const payments = await searchPaymentIntents.call(context);
		assert.deepEqual(payments.results[0], {
			name: '10.00 USD — succeeded — pi_1',
			value: 'pi_1',
			url: 'https://dashboard.stripe.com/payments/pi_1',
		});
		const invoices = await searchInvoices.call(context);
		assert.equal(invoices.results[0].name, 'A-1 — 3.00 USD — open');
	});
});
