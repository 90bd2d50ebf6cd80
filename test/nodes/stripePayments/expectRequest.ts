import assert from 'node:assert/strict';

import { queryOf, STRIPE_API_VERSION, TEST_KEY, type RecordedRequest } from './support';

export interface ExpectedStripeRequest {
	method: 'GET' | 'POST' | 'DELETE';
	/** Without the query string. */
	path: string;
	/** The exact form body of a POST. */
	body?: string;
	/** The exact query of a GET or DELETE, decoded. */
	query?: Record<string, string>;
}

/**
 * What every Paywire request to Stripe must look like: the method, path and parameters asked for,
 * the pinned Stripe-Version, the credential's key, and an Idempotency-Key on a POST (none
 * otherwise). Returns the key sent, for comparing with the output's `idempotencyKey`.
 */
export function assertStripeRequest(
	request: RecordedRequest | undefined,
	expected: ExpectedStripeRequest,
): string | undefined {
	assert.ok(request, `no ${expected.method} ${expected.path} reached Stripe`);
	assert.equal(request.method, expected.method);
	assert.equal(request.path.split('?')[0], expected.path);
	if (expected.body !== undefined) assert.equal(request.rawBody, expected.body);
	assert.deepEqual(queryOf(request.path), expected.query ?? {});
	assert.equal(request.headers['stripe-version'], STRIPE_API_VERSION);
	assert.equal(request.headers.authorization, `Bearer ${TEST_KEY}`);
	const key = request.headers['idempotency-key'];
	if (expected.method === 'POST') assert.match(key, /^paywire-[0-9a-f]{64}$/);
	else assert.equal(key, undefined);
	return key;
}
