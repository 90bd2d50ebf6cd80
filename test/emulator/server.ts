import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { applyExpand } from './expand';
import {
	apiError,
	authenticationError,
	invalidRequest,
	lockTimeoutError,
	maskKey,
	rateLimitError,
	StripeApiError,
	unrecognizedUrl,
} from './errors';
import type { FaultController } from './faults';
import { clone, newId } from './fixtures';
import { apiKeyOf, errorBody, headerOf, readBody, send } from './http';
import { validateRequest } from './validation/rules';
import { fingerprint, parseForm, type FormParams } from './form';
import type { IdempotencyStore } from './idempotency';
import type { SlidingWindowLimiter } from './rateLimit';
import type { Method, RequestContext, Router } from './router';
import type { EmulatorState, KeyMode } from './state';

export interface RequestRecord {
	requestId: string;
	method: string;
	path: string;
	status: number;
	keyMode: KeyMode | null;
	apiVersion: string | null;
	stripeAccount: string | null;
	idempotencyKey: string | null;
	idempotentReplayed: boolean;
	fault: string | null;
}

export interface ApiDeps {
	router: Router;
	state: EmulatorState;
	idempotency: IdempotencyStore;
	limiter: SlidingWindowLimiter;
	faults: FaultController;
	latencyMs: () => number;
	rateLimitFor: (mode: KeyMode) => number;
	baseUrl: () => string;
	searchLagMs: () => number;
	requests: RequestRecord[];
}

const KEY_PATTERN = /^(sk|rk)_(test|live)_.+$/;

/** Stripe refuses a malformed Stripe-Version and a Stripe-Account that is not an account id. */
function assertVersionAndAccount(key: string, apiVersion: string | null, account: string | null) {
	if (apiVersion !== null && !/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(apiVersion)) {
		throw invalidRequest(`Invalid Stripe API version: ${apiVersion}`, { beforeExecution: true });
	}
	if (account !== null && !/^acct_[A-Za-z0-9]+$/.test(account)) {
		throw invalidRequest(
			`The provided key '${maskKey(key)}' does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
			{ status: 403, code: 'account_invalid', beforeExecution: true },
		);
	}
}

export async function handleApiRequest(
	req: IncomingMessage,
	res: ServerResponse,
	deps: ApiDeps,
): Promise<void> {
	const raw = await readBody(req);
	const url = new URL(req.url ?? '/', 'http://emulator.invalid');
	const method = (req.method ?? 'GET').toUpperCase();
	const path = url.pathname;
	const requestId = newId('req');
	const apiVersion = headerOf(req, 'stripe-version');
	const stripeAccount = headerOf(req, 'stripe-account');
	const idempotencyHeader = headerOf(req, 'idempotency-key');
	const idempotencyKey = method === 'POST' ? idempotencyHeader : null;
	const record: RequestRecord = {
		requestId,
		method,
		path,
		status: 0,
		keyMode: null,
		apiVersion,
		stripeAccount,
		idempotencyKey,
		idempotentReplayed: false,
		fault: null,
	};
	deps.requests.push(record);
	if (deps.requests.length > 5000) deps.requests.splice(0, deps.requests.length - 5000);
	const headers: Record<string, string> = {
		'Request-Id': requestId,
		'Stripe-Version': apiVersion ?? deps.state.defaultApiVersion,
	};
	if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
	let livemode = false;
	const fail = (error: StripeApiError) => {
		record.status = error.status;
		send(res, error.status, errorBody(error, requestId, livemode), {
			...headers,
			...error.headers,
		});
	};

	const fault = deps.faults.decide(method, path);
	if (fault.kind !== 'none') record.fault = fault.kind;
	try {
		const key = apiKeyOf(req);
		const match = key ? KEY_PATTERN.exec(key) : null;
		if (!key || !match) throw authenticationError(key);
		const mode = match[2] as KeyMode;
		livemode = mode === 'live';
		record.keyMode = mode;
		if (!deps.limiter.allow(key, deps.rateLimitFor(mode))) throw rateLimitError();
		assertVersionAndAccount(key, apiVersion, stripeAccount);
		if (fault.extraLatencyMs > 0) await sleep(fault.extraLatencyMs);
		if (fault.kind === 'reset') {
			record.status = -1;
			req.socket.destroy();
			return;
		}
		if (fault.kind === 'error500') throw apiError();
		if (fault.kind === 'lockTimeout429') throw lockTimeoutError();
		if (fault.kind === 'rateLimit429') {
			const limited = rateLimitError();
			throw new StripeApiError(429, limited.error, true, {
				'Retry-After': String(deps.faults.retryAfterSeconds),
			});
		}
		if (!['GET', 'POST', 'DELETE'].includes(method)) throw unrecognizedUrl(method, path);
		const contentType = headerOf(req, 'content-type') ?? '';
		if (method === 'POST' && raw && !contentType.startsWith('application/x-www-form-urlencoded')) {
			throw invalidRequest(
				`Invalid request: unsupported Content-Type ${contentType}. If error persists and you need assistance, please contact support@stripe.com.`,
				{ beforeExecution: true },
			);
		}
		const route = deps.router.match(method, path);
		if (!route) throw unrecognizedUrl(method, path);
		if (idempotencyKey !== null && idempotencyKey.length > 255) {
			throw invalidRequest(
				`Invalid Idempotency-Key: keys can be up to 255 characters long (got ${idempotencyKey.length}).`,
				{ beforeExecution: true },
			);
		}
		let params: FormParams;
		try {
			params =
				method === 'GET' || method === 'DELETE' ? parseForm(url.search.slice(1)) : parseForm(raw);
			if (method === 'POST' && url.search) Object.assign(params, parseForm(url.search.slice(1)));
		} catch {
			throw invalidRequest('Invalid request body: could not parse form encoding.', {
				beforeExecution: true,
			});
		}
		if (apiVersion === null || apiVersion === deps.state.defaultApiVersion) {
			validateRequest(`${method} ${route.template}`, params);
		}
		const scope = deps.state.scope(mode, stripeAccount);
		const scopeKey = `${mode}:${stripeAccount ?? ''}`;
		const decision = idempotencyKey
			? deps.idempotency.begin(scopeKey, idempotencyKey, {
					method,
					path,
					fingerprint: fingerprint(params),
				})
			: null;
		if (decision?.kind === 'replay') {
			record.status = decision.response.status;
			record.idempotentReplayed = true;
			if (fault.kind === 'resetAfter') {
				record.status = -1;
				req.socket.destroy();
				return;
			}
			send(res, decision.response.status, decision.response.body, {
				...headers,
				'Idempotent-Replayed': 'true',
				'Original-Request': decision.response.requestId,
			});
			return;
		}
		const ctx: RequestContext = {
			method: method as Method,
			path,
			params,
			scope,
			requestId,
			idempotencyKey,
			apiVersion,
			baseUrl: deps.baseUrl(),
			eventRequest: { id: requestId, idempotency_key: idempotencyKey },
			searchLagMs: deps.searchLagMs(),
		};
		let status = 200;
		let body: unknown;
		try {
			const latency = deps.latencyMs();
			if (latency > 0) await sleep(latency);
			const result = await route.handler(ctx, route.pathParams);
			try {
				body = applyExpand(scope, params, result, ['line_items']);
			} catch (error) {
				// The method already ran: its error is stored like any executed result, never re-run.
				if (error instanceof StripeApiError) {
					throw new StripeApiError(error.status, error.error, false, error.headers);
				}
				throw error;
			}
		} catch (error) {
			if (!(error instanceof StripeApiError)) {
				decision?.abandon();
				throw error;
			}
			if (error.beforeExecution) {
				decision?.abandon();
				throw error;
			}
			status = error.status;
			body = errorBody(error, requestId, livemode);
		}
		// A snapshot: the stored object keeps changing, the replayed response must not.
		decision?.complete({ status, body: clone(body), requestId });
		record.status = status;
		if (fault.kind === 'resetAfter') {
			record.status = -1;
			req.socket.destroy();
			return;
		}
		send(res, status, body, headers);
	} catch (error) {
		if (error instanceof StripeApiError) return fail(error);
		const internal = apiError();
		fail(internal);
		console.error('emulator: internal error', error);
	}
}
