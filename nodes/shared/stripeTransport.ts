import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { GatewayRequest, GatewayResponse, HttpMethod } from '../../core/http';
import { callStripe, DEFAULT_RETRY_POLICY } from '../../core/stripe/client';
import type { RetryPolicy, StripeCallResult } from '../../core/stripe/client';
import { assertKeyMatchesMode, stripeKeyMode } from '../../core/stripe/keys';
import { redactSecrets } from '../../core/security/redact';
import { toNodeError } from './nodeErrors';
import { acquireRequestSlot } from './requestRateLimit';

export type StripeContext =
	| IExecuteFunctions
	| IHookFunctions
	| IWebhookFunctions
	| ILoadOptionsFunctions;

export const STRIPE_CREDENTIAL_TYPE = 'paywireStripeApi';

export interface StripeTransportCall {
	method: HttpMethod;
	/** e.g. '/v1/refunds'; put ids through encodeURIComponent first. */
	path: string;
	params?: Record<string, unknown>;
	/** Required for POST. */
	idempotencyKey?: string;
	/** Names the item in errors; also picks the item's credential when it is an expression. */
	itemIndex?: number;
	/** A shorter retry budget for calls a person waits on (trigger activation); default: the node's. */
	retryPolicy?: RetryPolicy;
}

/** What the transport reads from the paywireStripeApi credential. */
interface StripeCredential {
	secretKey?: string;
	mode?: 'test' | 'live';
	apiVersion?: string;
	stripeAccount?: string;
	baseUrl?: string;
}

/**
 * Tests and benchmarks shorten the retry waits here (n8n's engine gives them no other way in);
 * the node itself never changes them.
 */
export const stripeTransportSettings: { retryPolicy: RetryPolicy } = {
	retryPolicy: DEFAULT_RETRY_POLICY,
};

/**
 * One Stripe call through n8n: the credential's mode is checked against its key before anything is
 * sent, core builds the request, n8n's authenticated helper sends it, core interprets the status,
 * retries (same Idempotency-Key) and maps errors; what escapes is a redacted NodeApiError or
 * NodeOperationError whose `context.paymentError` carries the structured details.
 */
export async function stripeApiRequest(
	this: StripeContext,
	call: StripeTransportCall,
): Promise<StripeCallResult<IDataObject>> {
	const node = this.getNode();
	try {
		const credential = await readCredential(this, call.itemIndex);
		const send = async (request: GatewayRequest): Promise<GatewayResponse> => {
			await acquireRequestSlot(this);
			return await sendThroughN8n(this, request, credential);
		};
		return await callStripe<IDataObject>(
			{
				method: call.method,
				path: call.path,
				params: call.params,
				idempotencyKey: call.idempotencyKey,
				apiVersion: credential.apiVersion,
				stripeAccount: credential.stripeAccount,
				baseUrl: credential.baseUrl,
			},
			{ send, sleep, policy: call.retryPolicy ?? stripeTransportSettings.retryPolicy },
		);
	} catch (error) {
		throw toNodeError(node, error, call.itemIndex);
	}
}

export interface StripeListOptions {
	/** Stop after this many objects; undefined returns every page. */
	limit?: number;
	itemIndex?: number;
	retryPolicy?: RetryPolicy;
}

const STRIPE_MAX_PAGE_SIZE = 100;

/**
 * Every object of a list (`has_more` + `starting_after`) or search (`next_page` + `page`) endpoint.
 * GETs carry no idempotency key, so a retried page is harmless.
 */
export async function stripeApiRequestAllItems<T extends IDataObject = IDataObject>(
	this: StripeContext,
	path: string,
	params: Record<string, unknown> = {},
	options: StripeListOptions = {},
): Promise<T[]> {
	const collected: T[] = [];
	const isSearch = /\/search$/.test(path);
	let cursor: string | undefined;
	for (;;) {
		const remaining = options.limit === undefined ? Infinity : options.limit - collected.length;
		const pageParams: Record<string, unknown> = {
			...params,
			limit: Math.min(STRIPE_MAX_PAGE_SIZE, remaining),
		};
		if (cursor !== undefined) pageParams[isSearch ? 'page' : 'starting_after'] = cursor;
		const { body } = await stripeApiRequest.call(this, {
			method: 'GET',
			path,
			params: pageParams,
			itemIndex: options.itemIndex,
			retryPolicy: options.retryPolicy,
		});
		const page = Array.isArray(body.data) ? (body.data as T[]) : [];
		collected.push(...page.slice(0, remaining));
		if (collected.length >= (options.limit ?? Infinity) || page.length === 0) break;
		if (isSearch) {
			if (body.has_more !== true || typeof body.next_page !== 'string') break;
			cursor = body.next_page;
		} else {
			if (body.has_more !== true) break;
			cursor = String(page[page.length - 1].id);
		}
	}
	return collected;
}

/** The key's mode, for the rate limit; null when the credential holds no recognisable key. */
export async function stripeCredentialMode(
	context: StripeContext,
): Promise<'test' | 'live' | null> {
	const credential = (await context.getCredentials(STRIPE_CREDENTIAL_TYPE)) as StripeCredential;
	return stripeKeyMode(String(credential.secretKey ?? ''));
}

async function readCredential(
	context: StripeContext,
	itemIndex: number | undefined,
): Promise<StripeCredential> {
	const credential = (await (itemIndex === undefined
		? context.getCredentials(STRIPE_CREDENTIAL_TYPE)
		: (context as IExecuteFunctions).getCredentials(STRIPE_CREDENTIAL_TYPE, itemIndex))) as
		| StripeCredential
		| undefined;
	if (!credential) throw new Error('No Paywire Stripe API credential is selected.');
	const mode = credential.mode === 'live' ? 'live' : 'test';
	assertKeyMatchesMode(String(credential.secretKey ?? ''), mode);
	return credential;
}

/** Resolves with whatever status Stripe answered; rejects only when no response came back. */
async function sendThroughN8n(
	context: StripeContext,
	request: GatewayRequest,
	credential: StripeCredential,
): Promise<GatewayResponse> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		headers: request.headers,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	if (request.body !== undefined) options.body = request.body;
	let response: { statusCode: number; headers: IDataObject; body: unknown };
	try {
		// The credential was already read (and its mode checked); handing it over saves n8n a
		// second decryption per request.
		response = await context.helpers.httpRequestWithAuthentication.call(
			context,
			STRIPE_CREDENTIAL_TYPE,
			options,
			{
				credentialsDecrypted: {
					id: STRIPE_CREDENTIAL_TYPE,
					name: STRIPE_CREDENTIAL_TYPE,
					type: STRIPE_CREDENTIAL_TYPE,
					data: credential as ICredentialDataDecryptedObject,
				},
			},
		);
	} catch (error) {
		throw connectionFailure(error);
	}
	return {
		status: response.statusCode,
		headers: lowerCaseHeaders(response.headers),
		body: parseBody(response.body),
	};
}

function lowerCaseHeaders(headers: IDataObject | undefined): Record<string, string | undefined> {
	const lowered: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (value === undefined || value === null) continue;
		lowered[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return lowered;
}

function parseBody(body: unknown): unknown {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
	if (typeof text !== 'string') return text;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/**
 * n8n wraps a failed connection in a NodeApiError whose message can quote request options; keep only
 * the system error code (what core's retry decision needs) and a redacted message.
 */
function connectionFailure(error: unknown): Error & { code?: string } {
	let code: string | undefined;
	for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
		const candidate = (current as { code?: unknown }).code;
		if (typeof candidate === 'string' && /^[A-Z_]+$/.test(candidate)) {
			code = candidate;
			break;
		}
		current = (current as { cause?: unknown }).cause;
	}
	const message = error instanceof Error ? redactSecrets(error.message) : 'no response';
	return Object.assign(new Error(message), { code });
}
