import type { Bundle, HttpRequestOptions, HttpResponse, ZObject } from 'zapier-platform-core';

import type { GatewayRequest, GatewayResponse, SendRequest } from '../../core/http';
import {
	callStripe,
	type RetryPolicy,
	type StripeCall,
	type StripeCallResult,
} from '../../core/stripe/client';
import { readStripeAuth } from './authData';

/**
 * The Zapier transport: core builds the request, retries it with the same idempotency key and
 * interprets the answer; this file only hands each attempt to z.request (so the app's middleware
 * adds the key) and hands the raw response back. Zapier gives a step about 30 seconds, so the
 * retry budget is smaller than core's default.
 */
export const ZAPIER_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 3,
	baseDelayMs: 500,
	maxDelayMs: 4000,
	maxTotalMs: 10_000,
};

export type StripeStepCall = Omit<StripeCall, 'baseUrl'>;

export async function stripeCall<T = Record<string, unknown>>(
	z: ZObject,
	bundle: Bundle,
	call: StripeStepCall,
): Promise<StripeCallResult<T>> {
	const { baseUrl } = readStripeAuth(bundle.authData);
	return callStripe<T>(
		{ ...call, baseUrl },
		{ send: zapierSend(z), sleep: delay, policy: ZAPIER_RETRY_POLICY },
	);
}

/** Sends one attempt through z.request and returns any status: core decides what it means. */
export function zapierSend(z: ZObject): SendRequest {
	return async (request: GatewayRequest): Promise<GatewayResponse> => {
		const options: HttpRequestOptions & { url: string; throwForThrottlingEarly: boolean } = {
			url: request.url,
			method: request.method,
			headers: request.headers,
			skipThrowForStatus: true,
			// Zapier would otherwise turn a 429 into its own error before core can back off and retry.
			throwForThrottlingEarly: false,
		};
		if (request.body !== undefined) options.body = request.body;
		const response = await z.request(options);
		return { status: response.status, headers: headerRecord(response), body: parseBody(response) };
	};
}

export function headerRecord(response: HttpResponse): Record<string, string | undefined> {
	const headers: Record<string, string | undefined> = {};
	response.headers.forEach((value: string, name: string) => {
		headers[name.toLowerCase()] = value;
	});
	return headers;
}

export function parseBody(response: HttpResponse): unknown {
	const text = response.content;
	if (typeof text !== 'string' || text === '') return text;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
