import { PaymentError } from '../errors';
import type { SendRequest, Sleep } from '../http';
import { interpretConnectionError, interpretStripeError } from './errors';
import { buildStripeRequest, type StripeCall } from './request';
import { DEFAULT_RETRY_POLICY, sendWithRetries, type RetryPolicy } from './retry';

export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
export type { StripeCall } from './request';

export interface StripeCallResult<T = Record<string, unknown>> {
	body: T;
	status: number;
	/** Stripe's `request-id`: quote it to Stripe support, find it in the Dashboard logs. */
	requestId?: string;
	/** The key sent with a POST (the same on every attempt). */
	idempotencyKey?: string;
	attempts: number;
	/** True when Stripe answered from its idempotency store: the operation had already happened. */
	idempotentReplayed: boolean;
}

export interface StripeCallIo {
	send: SendRequest;
	sleep: Sleep;
	random?: () => number;
	policy?: RetryPolicy;
	now?: () => number;
}

/**
 * Build → send with retries → parse. Resolves with the parsed body of a 2xx answer; throws
 * PaymentInputError before sending for bad input, PaymentError (interpreted, redacted) otherwise.
 */
export async function callStripe<T = Record<string, unknown>>(
	call: StripeCall,
	io: StripeCallIo,
): Promise<StripeCallResult<T>> {
	const request = buildStripeRequest(call);
	const outcome = await sendWithRetries(request, {
		...io,
		policy: io.policy ?? DEFAULT_RETRY_POLICY,
	});
	if ('connectionError' in outcome) {
		throw new PaymentError(interpretConnectionError(outcome.connectionError, outcome.attempts));
	}
	const { response, attempts } = outcome;
	if (response.status < 200 || response.status >= 300) {
		throw new PaymentError(withAttempts(interpretStripeError(response), attempts));
	}
	if (!isJsonObject(response.body)) {
		throw new PaymentError(
			withAttempts(interpretStripeError({ ...response, status: 502, body: undefined }), attempts),
		);
	}
	return {
		body: response.body as T,
		status: response.status,
		requestId: response.headers['request-id'],
		idempotencyKey: request.headers['Idempotency-Key'],
		attempts,
		idempotentReplayed: response.headers['idempotent-replayed'] === 'true',
	};
}

function withAttempts<T extends { message: string; retryable: boolean }>(
	details: T,
	attempts: number,
): T {
	return attempts > 1
		? { ...details, message: `${details.message} (${attempts} attempts made.)` }
		: details;
}

function isJsonObject(body: unknown): body is Record<string, unknown> {
	return typeof body === 'object' && body !== null && !Array.isArray(body);
}
