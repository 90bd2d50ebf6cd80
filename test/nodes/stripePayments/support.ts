import { after, afterEach, before } from 'node:test';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { DEFAULT_RETRY_POLICY } from '../../../core/stripe/client';
import { STRIPE_API_VERSION } from '../../../core/stripe/apiVersion';
import { stripeTransportSettings } from '../../../nodes/shared/stripeTransport';
import { StripePayments } from '../../../nodes/StripePayments/StripePayments.node';
import {
	NODE_UNDER_TEST,
	runWorkflow,
	singleNodeWorkflow,
	type WorkflowRunResult,
} from '../harness';

export const STRIPE = 'https://api.stripe.com';
export const TEST_KEY = 'sk_test_123';
export { STRIPE_API_VERSION };

/** What reached "Stripe": one entry per attempt, in order. */
export interface RecordedRequest {
	method: string;
	path: string;
	/** Form body as key → value (bracket keys kept as they were sent). */
	form: Record<string, string>;
	rawBody: string;
	headers: Record<string, string>;
}

/**
 * Backoff shortened for tests: the retry decisions (which statuses, Retry-After, same key) are
 * unchanged, only the waits are 1–5 ms.
 */
export function useFastRetries(): void {
	stripeTransportSettings.retryPolicy = {
		...DEFAULT_RETRY_POLICY,
		baseDelayMs: 1,
		maxDelayMs: 5,
		maxTotalMs: 2_000,
	};
}

export function restoreRetries(): void {
	stripeTransportSettings.retryPolicy = DEFAULT_RETRY_POLICY;
}

/** The hooks of a describe block that talks to "Stripe": no real network, fast retries, clean nock. */
export function useStripeTestHooks(): void {
	before(() => {
		nock.disableNetConnect();
		useFastRetries();
	});
	afterEach(() => nock.cleanAll());
	after(() => {
		nock.enableNetConnect();
		restoreRetries();
	});
}

export function parseForm(body: string): Record<string, string> {
	const form: Record<string, string> = {};
	for (const pair of body.split('&').filter(Boolean)) {
		const [key, value = ''] = pair.split('=');
		form[decodeURIComponent(key)] = decodeURIComponent(value.replace(/\+/g, ' '));
	}
	return form;
}

/** The query string of a recorded request's path, decoded, as key → value (bracket keys kept). */
export function queryOf(path: string): Record<string, string> {
	return Object.fromEntries(new URL(path, STRIPE).searchParams);
}

/** A nock scope on api.stripe.com that records every request it answers. */
export function stripeMock(): { scope: nock.Scope; requests: RecordedRequest[] } {
	const requests: RecordedRequest[] = [];
	const scope = nock(STRIPE);
	scope.on(
		'request',
		(
			req: { method: string; path: string; headers: Record<string, string> },
			_interceptor: unknown,
			body: string,
		) => {
			const headers: Record<string, string> = {};
			for (const [name, value] of Object.entries(req.headers))
				headers[name.toLowerCase()] = String(value);
			requests.push({
				method: req.method,
				path: req.path,
				form: parseForm(body ?? ''),
				rawBody: body ?? '',
				headers,
			});
		},
	);
	return { scope, requests };
}

export interface RunOptions {
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** n8n's "On Error" setting; 'continueErrorOutput' sends failed items to a second output. */
	onError?: 'continueRegularOutput' | 'continueErrorOutput';
	credential?: IDataObject;
}

export async function runStripePayments(
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<WorkflowRunResult & { output: INodeExecutionData[] }> {
	const result = await runWorkflow({
		nodes: [StripePayments],
		workflow: singleNodeWorkflow(StripePayments, parameters, ['paywireStripeApi'], {
			nodeSettings: {
				...(options.continueOnFail ? { continueOnFail: true } : {}),
				...(options.onError ? { onError: options.onError } : {}),
			},
		}),
		credentials: {
			paywireStripeApi: {
				secretKey: TEST_KEY,
				mode: 'test',
				baseUrl: STRIPE,
				...options.credential,
			},
		},
		triggerItems: (options.items ?? [{}]).map((json) => ({ json })),
	});
	return { ...result, output: result.items[NODE_UNDER_TEST] ?? [] };
}

export const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

/** The ids a resource's List returns (Return All off, up to `limit`) with these Filters. */
export async function listedIds(
	resource: string,
	limit: number,
	filters: INodeParameters,
): Promise<unknown[]> {
	const { output } = await runStripePayments({
		resource,
		operation: 'list',
		returnAll: false,
		limit,
		filters,
	});
	return output.map((item) => item.json.id);
}

/** The Payment Intent of each input item (`$json.paymentIntent`), as a resource locator. */
export const EACH_ITEMS_PAYMENT_INTENT = {
	__rl: true,
	mode: 'id',
	value: '={{ $json.paymentIntent }}',
};

/** Refund › Create of everything not yet refunded of a payment intent (an id, or a locator). */
export function fullRefundParameters(
	paymentIntent: string | INodeParameters,
	extra: INodeParameters = {},
): INodeParameters {
	return {
		resource: 'refund',
		operation: 'create',
		refundSource: 'paymentIntent',
		paymentIntent: typeof paymentIntent === 'string' ? byId(paymentIntent) : paymentIntent,
		amountType: 'full',
		...extra,
	};
}

/** Stripe's 402 body for a card declined for insufficient funds (next step: retry later). */
export function insufficientFundsDecline(extra: IDataObject = {}): { error: IDataObject } {
	return {
		error: {
			type: 'card_error',
			code: 'card_declined',
			decline_code: 'insufficient_funds',
			message: 'Your card has insufficient funds.',
			doc_url: 'https://stripe.com/docs/error-codes/card-declined',
			...extra,
		},
	};
}

/** Custom API Call › Make an API Call with these parameters (method, path, …). */
export const customApiCall = (parameters: IDataObject) => ({
	resource: 'customApiCall',
	operation: 'call',
	...parameters,
});
