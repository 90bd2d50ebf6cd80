import assert from 'node:assert/strict';
import { afterEach, beforeEach } from 'node:test';

import nock from 'nock';
import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';

import App from '../src/index';
import { STRIPE_API_VERSION } from '../../core/stripe/apiVersion';

export const STRIPE = 'https://api.stripe.com';
export const API_KEY = 'sk_test_123';
export const authData = { apiKey: API_KEY, mode: 'test' };
export const appTester = createAppTester(App);

type StepFunction = (z: ZObject, bundle: Bundle) => unknown;

/** Runs one of the app's functions (perform, performList, performSubscribe…) through appTester. */
/** Zapier's cache (z.cache) starts empty on each call unless keepCache is set. */
export async function run<T = Record<string, unknown>>(
	fn: unknown,
	bundle: object,
	options: { keepCache?: boolean } = {},
): Promise<T> {
	assert.equal(typeof fn, 'function', 'the app defines this function');
	return (await appTester(fn as StepFunction, bundle as Partial<Bundle>, !options.keepCache)) as T;
}
export { App, STRIPE_API_VERSION };
export { zapierErrorOf } from './zapierError';

/** Every test starts with no network and must use up every interceptor it declares. */
export function useNock(): void {
	beforeEach(() => {
		nock.disableNetConnect();
	});
	afterEach(() => {
		const pending = nock.pendingMocks();
		nock.cleanAll();
		nock.enableNetConnect();
		assert.deepEqual(pending, [], 'every expected Stripe request was made');
	});
}

/** Headers every request to Stripe carries: the key, the pinned version. */
export const stripeHeaders = {
	reqheaders: {
		authorization: `Bearer ${API_KEY}`,
		'stripe-version': STRIPE_API_VERSION,
	},
};

/** The parsed form body of a request, for exact assertions on what was sent. */
export function formOf(body: string): Record<string, string> {
	return Object.fromEntries(new URLSearchParams(body));
}

export interface SentRequest {
	path: string;
	form: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
}

/** Makes a nock reply that records what was sent, so tests assert on the exact request. */
export function recordInto(
	sent: SentRequest[],
	status: number,
	body: object,
	headers: Record<string, string> = {},
) {
	return function (
		this: { req: { headers: Record<string, string | string[] | undefined> } },
		uri: string,
		requestBody: unknown,
	) {
		sent.push({
			path: uri,
			form: typeof requestBody === 'string' ? formOf(requestBody) : {},
			headers: this.req.headers,
		});
		return [status, body, headers] as [number, object, Record<string, string>];
	};
}

/**
 * Answers `times` POSTs to `path` on Stripe with `status` and `body`, recording what was sent;
 * with `checkHeaders`, only requests carrying the key and the pinned version match.
 */
export function recordPosts(
	path: string,
	body: object,
	options: { status?: number; times?: number; checkHeaders?: boolean } = {},
): SentRequest[] {
	const sent: SentRequest[] = [];
	nock(STRIPE, options.checkHeaders ? stripeHeaders : undefined)
		.post(path)
		.times(options.times ?? 1)
		.reply(recordInto(sent, options.status ?? 200, body));
	return sent;
}

/** The bundle of one run: the test account, this input, and the Zap it runs in when given. */
export function bundleOf(inputData: object, zapId?: string) {
	return { authData, inputData, ...(zapId ? { meta: { zap: { id: zapId } } } : {}) };
}
