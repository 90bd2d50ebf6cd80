import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type Stripe from 'stripe';

import { PaymentInputError } from '../../core/errors';
import { STRIPE_API_VERSION } from '../../core/stripe/apiVersion';
import { buildStripeRequest } from '../../core/stripe/request';

const isInputError = (field: string) => (error: unknown) =>
	error instanceof PaymentInputError && error.field === field;

describe('buildStripeRequest', () => {
	it('builds a POST with a form body, pinned version, idempotency key and content type', () => {
		const request = buildStripeRequest({
			method: 'POST',
			path: '/v1/refunds',
			params: { payment_intent: 'pi_123', metadata: { 'order id': '42' } },
			idempotencyKey: 'paywire-abc',
		});
		assert.deepEqual(request, {
			method: 'POST',
			url: 'https://api.stripe.com/v1/refunds',
			headers: {
				'Stripe-Version': STRIPE_API_VERSION,
				'Idempotency-Key': 'paywire-abc',
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: 'payment_intent=pi_123&metadata[order%20id]=42',
		});
	});

	it('puts GET params in the query string with the same encoding and no body', () => {
		const request = buildStripeRequest({
			method: 'GET',
			path: '/v1/payment_intents',
			params: { limit: 1, expand: ['data.customer'], created: { gte: 1700000000 } },
		});
		assert.equal(
			request.url,
			'https://api.stripe.com/v1/payment_intents?limit=1&expand[0]=data.customer&created[gte]=1700000000',
		);
		assert.equal(request.body, undefined);
		assert.equal(request.headers['Content-Type'], undefined);
		assert.equal(request.headers['Idempotency-Key'], undefined);
	});

	it('sends DELETE params as a query string and omits the idempotency key', () => {
		const request = buildStripeRequest({
			method: 'DELETE',
			path: '/v1/webhook_endpoints/we_123',
			idempotencyKey: 'ignored',
		});
		assert.equal(request.url, 'https://api.stripe.com/v1/webhook_endpoints/we_123');
		assert.deepEqual(request.headers, { 'Stripe-Version': STRIPE_API_VERSION });
	});

	it('appends to a query string already in the path', () => {
		const request = buildStripeRequest({
			method: 'GET',
			path: '/v1/events?limit=3',
			params: { type: 'x' },
		});
		assert.equal(request.url, 'https://api.stripe.com/v1/events?limit=3&type=x');
	});

	it('honours a version override, a Connect account and a base URL with a trailing slash', () => {
		const request = buildStripeRequest({
			method: 'POST',
			path: '/v1/customers',
			idempotencyKey: 'k',
			apiVersion: '2024-06-20',
			stripeAccount: ' acct_123 ',
			baseUrl: 'http://127.0.0.1:12111/',
		});
		assert.equal(request.url, 'http://127.0.0.1:12111/v1/customers');
		assert.equal(request.headers['Stripe-Version'], '2024-06-20');
		assert.equal(request.headers['Stripe-Account'], 'acct_123');
	});

	it('falls back to the pinned version and public base for empty overrides', () => {
		const request = buildStripeRequest({
			method: 'GET',
			path: '/v1/balance_transactions',
			apiVersion: ' ',
			stripeAccount: '',
			baseUrl: '',
		});
		assert.equal(request.headers['Stripe-Version'], STRIPE_API_VERSION);
		assert.equal(request.headers['Stripe-Account'], undefined);
		assert.equal(request.url, 'https://api.stripe.com/v1/balance_transactions');
	});

	it('requires an idempotency key on POST', () => {
		assert.throws(
			() => buildStripeRequest({ method: 'POST', path: '/v1/refunds' }),
			isInputError('Idempotency Key'),
		);
		assert.throws(
			() => buildStripeRequest({ method: 'POST', path: '/v1/refunds', idempotencyKey: '  ' }),
			isInputError('Idempotency Key'),
		);
	});

	it('accepts a 255-character key and refuses 256', () => {
		const ok = buildStripeRequest({
			method: 'POST',
			path: '/v1/refunds',
			idempotencyKey: 'k'.repeat(255),
		});
		assert.equal(ok.headers['Idempotency-Key'].length, 255);
		assert.throws(
			() =>
				buildStripeRequest({
					method: 'POST',
					path: '/v1/refunds',
					idempotencyKey: 'k'.repeat(256),
				}),
			(error: unknown) => isInputError('Idempotency Key')(error) && /256/.test(String(error)),
		);
	});

	it('refuses paths that would leave the endpoint they name', () => {
		for (const path of [
			'/v1/refunds/../customers',
			'/v1/refunds/%2e%2e/customers',
			'/v1/refunds/re 1',
			'/v1/refunds/re_1#x',
			'v1/refunds',
			'//evil.example/v1',
		]) {
			assert.throws(() => buildStripeRequest({ method: 'GET', path }), isInputError('ID'), path);
		}
	});

	it('accepts http:// only for loopback hosts (a local emulator); https:// anywhere', () => {
		for (const baseUrl of [
			'http://localhost:12111',
			'http://127.0.0.1:12111',
			'http://[::1]:12111',
			'HTTP://LOCALHOST',
			'https://stripe-proxy.example.com',
		]) {
			const request = buildStripeRequest({ method: 'GET', path: '/v1/customers', baseUrl });
			assert.match(request.url, /\/v1\/customers$/, baseUrl);
		}
		for (const baseUrl of [
			'http://api.stripe.com',
			'http://stripe-proxy.internal:8080',
			'http://10.0.0.5',
			'http://127.0.0.2',
			'http://localhost.evil.example',
			'http://[::2]',
		]) {
			assert.throws(
				() => buildStripeRequest({ method: 'GET', path: '/v1/customers', baseUrl }),
				(error: unknown) =>
					error instanceof PaymentInputError &&
					error.field === 'API Base URL' &&
					/http:\/\/ is allowed only for localhost, 127\.0\.0\.1 and \[::1\]/.test(error.message) &&
					/Use https:\/\//.test(error.fix),
				baseUrl,
			);
		}
	});

	it('refuses a base URL that is not a plain http(s) origin', () => {
		for (const baseUrl of ['not a url', 'ftp://api.stripe.com', 'https://user:pw@proxy.example']) {
			assert.throws(
				() => buildStripeRequest({ method: 'GET', path: '/v1/customers', baseUrl }),
				isInputError('API Base URL'),
				baseUrl,
			);
		}
	});
});

describe('buildStripeRequest with params typed by the stripe package', () => {
	it('accepts a Stripe.RefundCreateParams as it is', () => {
		const params: Stripe.RefundCreateParams = {
			payment_intent: 'pi_123',
			reason: 'requested_by_customer',
			metadata: { order: '42' },
		};
		const request = buildStripeRequest({
			method: 'POST',
			path: '/v1/refunds',
			params,
			idempotencyKey: 'k',
		});
		assert.equal(
			request.body,
			'payment_intent=pi_123&reason=requested_by_customer&metadata[order]=42',
		);
	});
});
