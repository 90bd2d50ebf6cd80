import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import { idempotentEndpoint } from './idempotentEndpoint';
import { assertStripeRequest } from './expectRequest';
import {
	byId,
	insufficientFundsDecline,
	runStripePayments,
	stripeMock,
	TEST_KEY,
	useStripeTestHooks,
} from './support';

const HOSTED_URL = 'https://invoice.stripe.com/i/acct_1/test_YWNjdF8x';

/** Stripe's example invoice as a failed renewal: open, one attempt, a hosted page. */
const failedRenewal = (overrides: IDataObject = {}): IDataObject => ({
	...stripeFixture('invoice'),
	id: 'in_1',
	status: 'open',
	amount_due: 2000,
	attempt_count: 1,
	next_payment_attempt: 1_700_000_000,
	hosted_invoice_url: HOSTED_URL,
	invoice_pdf: `${HOSTED_URL}/pdf`,
	...overrides,
});

describe('Stripe Payments › Invoice (workflow through n8n-core)', () => {
	useStripeTestHooks();

	it('get: the invoice with a payment block whose next step is the hosted page', async () => {
		const { scope, requests } = stripeMock();
		scope.get('/v1/invoices/in_1').reply(200, failedRenewal());

		const { output } = await runStripePayments({
			resource: 'invoice',
			operation: 'get',
			invoice: byId('in_1'),
		});

		assertStripeRequest(requests[0], { method: 'GET', path: '/v1/invoices/in_1' });
		const payment = output[0].json.payment as IDataObject;
		assert.equal(payment.kind, 'invoice');
		assert.equal(payment.paid, false);
		assert.equal(payment.nextStep, 'ask_for_new_payment_method');
		assert.equal(payment.nextStepUrl, HOSTED_URL);
	});

	it('list: customer, status and subscription filters', async () => {
		const { scope, requests } = stripeMock();
		scope
			.get('/v1/invoices')
			.query(true)
			.reply(200, { object: 'list', data: [failedRenewal()], has_more: false });

		const { output } = await runStripePayments({
			resource: 'invoice',
			operation: 'list',
			returnAll: false,
			limit: 20,
			filters: { customer: 'cus_1', status: 'open', subscription: 'sub_1' },
		});

		assertStripeRequest(requests[0], {
			method: 'GET',
			path: '/v1/invoices',
			query: { customer: 'cus_1', status: 'open', subscription: 'sub_1', limit: '20' },
		});
		assert.equal(output.length, 1);
		assert.equal((output[0].json.payment as IDataObject).status, 'open');
	});

	it('pay now: POST /v1/invoices/{id}/pay with the payment method and an idempotency key', async () => {
		const { scope, requests } = stripeMock();
		scope
			.post('/v1/invoices/in_1/pay')
			.reply(200, failedRenewal({ status: 'paid', amount_paid: 2000, attempt_count: 2 }));

		const { output, error } = await runStripePayments({
			resource: 'invoice',
			operation: 'pay',
			invoice: byId('in_1'),
			payOptions: { payment_method: 'pm_card_visa' },
		});

		assert.equal(error, undefined);
		const key = assertStripeRequest(requests[0], {
			method: 'POST',
			path: '/v1/invoices/in_1/pay',
			body: 'payment_method=pm_card_visa',
		});
		assert.equal(output[0].json.idempotencyKey, key);
		assert.equal((output[0].json.payment as IDataObject).paid, true);
	});

	it('pay now: connection reset after Stripe charged, then the retry → one payment, one key', async () => {
		const endpoint = idempotentEndpoint('/v1/invoices/in_1/pay', ['reset_after_execution'], () =>
			failedRenewal({ status: 'paid', amount_paid: 2000 }),
		);

		const { output, error } = await runStripePayments({
			resource: 'invoice',
			operation: 'pay',
			invoice: byId('in_1'),
		});

		assert.equal(error, undefined);
		assert.equal(endpoint.requests.length, 2);
		const keys = endpoint.requests.map((request) => request.headers['idempotency-key']);
		assert.equal(new Set(keys).size, 1);
		assert.equal(endpoint.moneyMovements(), 1);
		assert.equal(output.length, 1);
		assert.equal((output[0].json.payment as IDataObject).paid, true);
		assert.equal(output[0].json.idempotencyKey, keys[0]);
	});

	for (const action of ['send', 'void'] as const) {
		it(`${action}: POST /v1/invoices/{id}/${action}, empty body, with an idempotency key`, async () => {
			const { scope, requests } = stripeMock();
			const status = action === 'void' ? 'void' : 'open';
			scope.post(`/v1/invoices/in_1/${action}`).reply(200, failedRenewal({ status }));

			const { output } = await runStripePayments({
				resource: 'invoice',
				operation: action,
				invoice: byId('in_1'),
			});

			assert.equal(requests.length, 1);
			const key = assertStripeRequest(requests[0], {
				method: 'POST',
				path: `/v1/invoices/in_1/${action}`,
				body: '',
			});
			assert.equal(output[0].json.status, status);
			assert.equal(output[0].json.idempotencyKey, key);
		});
	}

	it('get hosted invoice URL: a compact item with hosted_invoice_url', async () => {
		const { scope } = stripeMock();
		scope.get('/v1/invoices/in_1').reply(200, failedRenewal());

		const { output } = await runStripePayments({
			resource: 'invoice',
			operation: 'getHostedUrl',
			invoice: {
				__rl: true,
				mode: 'url',
				value: 'https://dashboard.stripe.com/test/invoices/in_1',
			},
		});

		const { payment, ...rest } = output[0].json;
		assert.deepEqual(rest, {
			id: 'in_1',
			number: null,
			status: 'open',
			customer: stripeFixture('invoice').customer,
			customer_email: null,
			amount_due: 2000,
			currency: 'usd',
			hosted_invoice_url: HOSTED_URL,
			invoice_pdf: `${HOSTED_URL}/pdf`,
		});
		assert.equal((payment as IDataObject).nextStepUrl, HOSTED_URL);
	});

	it('get hosted invoice URL of a draft: an error saying to finalize it', async () => {
		const { scope } = stripeMock();
		scope.get('/v1/invoices/in_draft').reply(200, { ...stripeFixture('invoice'), id: 'in_draft' });

		const { output } = await runStripePayments(
			{ resource: 'invoice', operation: 'getHostedUrl', invoice: byId('in_draft') },
			{ continueOnFail: true },
		);

		const item = output[0].json.error as IDataObject;
		assert.equal(item.nextStep, 'fix_request');
		assert.match(String(item.message), /in_draft has no hosted page yet \(status draft\)/);
	});

	describe('failure: a declined renewal', () => {
		const declined = insufficientFundsDecline();

		it('with Continue on Fail: the error item with its next step, not retried', async () => {
			const { scope, requests } = stripeMock();
			scope.post('/v1/invoices/in_1/pay').reply(402, declined, { 'request-id': 'req_pay' });

			const { output } = await runStripePayments(
				{ resource: 'invoice', operation: 'pay', invoice: byId('in_1') },
				{ continueOnFail: true },
			);

			assert.equal(requests.length, 1);
			assert.deepEqual(output[0].json.error, {
				message: (output[0].json.error as IDataObject).message,
				userMessage: (output[0].json.error as IDataObject).userMessage,
				nextStep: 'retry_later',
				type: 'card_error',
				code: 'card_declined',
				declineCode: 'insufficient_funds',
				retryable: false,
				docUrl: declined.error.doc_url,
				requestId: 'req_pay',
			});
		});

		it('without it: a NodeApiError whose description names the next step', async () => {
			const { scope } = stripeMock();
			scope.post('/v1/invoices/in_1/pay').reply(402, declined);

			const { error } = await runStripePayments({
				resource: 'invoice',
				operation: 'pay',
				invoice: byId('in_1'),
			});

			assert.equal(error?.name, 'NodeApiError');
			assert.match(String(error?.description), /retry_later/);
			assert.doesNotMatch(JSON.stringify(error), new RegExp(TEST_KEY));
		});
	});
});
