import type { GatewayRequest, GatewayResponse, SendRequest, Sleep } from '../http';

export interface RetryPolicy {
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Budget for sleeping plus waiting, from the first send; no retry starts past it. */
	maxTotalMs: number;
}

/** Stripe's own client backs off 0.5 s doubling to 5 s; we bound attempts and total time too. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 4,
	baseDelayMs: 500,
	maxDelayMs: 5_000,
	maxTotalMs: 20_000,
};

/** What one attempt produced: a response (any status) or a failure before any response. */
export type AttemptOutcome =
	| { kind: 'response'; status: number; headers: Record<string, string | undefined> }
	| { kind: 'connection'; code?: string };

export type RetryDecision =
	| { retry: true; delayMs: number; reason: string }
	| { retry: false; reason: string };

/** Errors that mean the request cannot succeed by waiting: a wrong host or a bad certificate. */
const PERMANENT_CONNECTION_CODES = new Set([
	'ENOTFOUND',
	'ERR_INVALID_URL',
	'CERT_HAS_EXPIRED',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * Whether to send the same request (same idempotency key) again after `attemptsSoFar` attempts.
 * Pure: the caller passes elapsed time and a random number in [0, 1) for the jitter.
 */
export function decideRetry(input: {
	outcome: AttemptOutcome;
	attemptsSoFar: number;
	elapsedMs: number;
	policy?: RetryPolicy;
	random: number;
}): RetryDecision {
	const policy = input.policy ?? DEFAULT_RETRY_POLICY;
	const why = retryReason(input.outcome);
	if (!why.retry) return why;
	if (input.attemptsSoFar >= policy.maxAttempts) {
		return { retry: false, reason: `${why.reason}; gave up after ${input.attemptsSoFar} attempts` };
	}
	let delayMs = backoffDelayMs(input.attemptsSoFar, policy, input.random);
	const retryAfterMs =
		input.outcome.kind === 'response'
			? parseRetryAfterMs(input.outcome.headers['retry-after'])
			: null;
	if (retryAfterMs !== null) delayMs = Math.max(delayMs, Math.min(retryAfterMs, policy.maxDelayMs));
	if (input.elapsedMs + delayMs > policy.maxTotalMs) {
		return {
			retry: false,
			reason: `${why.reason}; retry time budget of ${policy.maxTotalMs} ms used`,
		};
	}
	return { retry: true, delayMs, reason: why.reason };
}

function retryReason(
	outcome: AttemptOutcome,
): { retry: true; reason: string } | { retry: false; reason: string } {
	if (outcome.kind === 'connection') {
		const code = outcome.code ?? 'no response';
		return PERMANENT_CONNECTION_CODES.has(code)
			? { retry: false, reason: `connection error ${code} will not clear by waiting` }
			: { retry: true, reason: `connection error ${code}` };
	}
	const { status } = outcome;
	if (status < 400) return { retry: false, reason: `status ${status}` };
	const shouldRetry = outcome.headers['stripe-should-retry'];
	if (shouldRetry === 'false') return { retry: false, reason: 'Stripe-Should-Retry: false' };
	if (shouldRetry === 'true') return { retry: true, reason: 'Stripe-Should-Retry: true' };
	if (status === 409) return { retry: true, reason: 'status 409 conflict' };
	if (status === 429) return { retry: true, reason: 'status 429 rate limited' };
	if (status >= 500) return { retry: true, reason: `status ${status}` };
	return { retry: false, reason: `status ${status} is not retried` };
}

/**
 * Delay before retry number `retryNumber` (1 = first retry): base × 2^(n−1) capped at maxDelayMs,
 * with "equal jitter" (half fixed, half random) so concurrent clients spread out, never below base.
 */
export function backoffDelayMs(retryNumber: number, policy: RetryPolicy, random: number): number {
	const exponential = policy.baseDelayMs * 2 ** Math.max(0, retryNumber - 1);
	const capped = Math.min(exponential, policy.maxDelayMs);
	const jittered = capped * 0.5 * (1 + random);
	return Math.round(Math.max(policy.baseDelayMs, jittered));
}

/** Retry-After as delta-seconds or an HTTP date; null when absent or unparseable. */
export function parseRetryAfterMs(
	value: string | undefined,
	nowMs: number = Date.now(),
): number | null {
	if (value === undefined || value.trim() === '') return null;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

export interface RetryIo {
	send: SendRequest;
	sleep: Sleep;
	random?: () => number;
	policy?: RetryPolicy;
	now?: () => number;
}

export type RetriedSend =
	| { response: GatewayResponse; attempts: number }
	| { connectionError: unknown; attempts: number };

/** Sends the very same request object (same Idempotency-Key) until decideRetry says stop. */
export async function sendWithRetries(request: GatewayRequest, io: RetryIo): Promise<RetriedSend> {
	const random = io.random ?? Math.random;
	const now = io.now ?? Date.now;
	const startedAt = now();
	for (let attempts = 1; ; attempts += 1) {
		let result: RetriedSend;
		let outcome: AttemptOutcome;
		try {
			const response = await io.send(request);
			result = { response, attempts };
			outcome = { kind: 'response', status: response.status, headers: response.headers };
		} catch (connectionError) {
			result = { connectionError, attempts };
			outcome = { kind: 'connection', code: connectionErrorCode(connectionError) };
		}
		const decision = decideRetry({
			outcome,
			attemptsSoFar: attempts,
			elapsedMs: now() - startedAt,
			policy: io.policy,
			random: random(),
		});
		if (!decision.retry) return result;
		await io.sleep(decision.delayMs);
	}
}

/** The system error code of a failed request, looking through wrappers such as fetch's `cause`. */
export function connectionErrorCode(error: unknown): string | undefined {
	for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && code !== '') return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}
