/**
 * Stripe's error shapes: `{ error: { type, code, decline_code, message, param, doc_url, ... } }`.
 * `beforeExecution` marks errors Stripe raises before an API method starts (validation): their
 * responses are not stored under an idempotency key, as Stripe documents.
 */
export type StripeErrorType =
	| 'api_error'
	| 'card_error'
	| 'idempotency_error'
	| 'invalid_request_error';

export interface StripeErrorBody {
	type: StripeErrorType;
	message: string;
	code?: string;
	decline_code?: string;
	param?: string;
	doc_url?: string;
	[extra: string]: unknown;
}

export class StripeApiError extends Error {
	constructor(
		readonly status: number,
		readonly error: StripeErrorBody,
		readonly beforeExecution = false,
		readonly headers: Record<string, string> = {},
	) {
		super(error.message);
	}
}

export function docUrl(code: string): string {
	return `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;
}

export function invalidRequest(
	message: string,
	options: { param?: string; code?: string; status?: number; beforeExecution?: boolean } = {},
): StripeApiError {
	const error: StripeErrorBody = { type: 'invalid_request_error', message };
	if (options.code) {
		error.code = options.code;
		error.doc_url = docUrl(options.code);
	}
	if (options.param) error.param = options.param;
	return new StripeApiError(options.status ?? 400, error, options.beforeExecution ?? false);
}

export function parameterMissing(param: string): StripeApiError {
	return invalidRequest(`Missing required param: ${param}.`, {
		param,
		code: 'parameter_missing',
		beforeExecution: true,
	});
}

export function parameterInvalid(param: string, message: string): StripeApiError {
	return invalidRequest(message, {
		param,
		code: 'parameter_invalid_integer',
		beforeExecution: true,
	});
}

export function resourceMissing(objectName: string, id: string, param = 'id'): StripeApiError {
	return invalidRequest(`No such ${objectName}: '${id}'`, {
		param,
		code: 'resource_missing',
		status: 404,
	});
}

export function unrecognizedUrl(method: string, path: string): StripeApiError {
	return invalidRequest(
		`Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
		{ status: 404, beforeExecution: true },
	);
}

/** Stripe masks keys in messages: prefix, asterisks, last four characters. */
export function maskKey(key: string): string {
	const prefix = /^[a-z]{2,4}_(test|live)_/.exec(key)?.[0] ?? '';
	const rest = key.slice(prefix.length);
	if (rest.length <= 4) return prefix + '*'.repeat(rest.length);
	return prefix + '*'.repeat(rest.length - 4) + rest.slice(-4);
}

export function authenticationError(key: string | null): StripeApiError {
	const message =
		key === null
			? "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/."
			: `Invalid API Key provided: ${maskKey(key)}`;
	return invalidRequest(message, { status: 401, beforeExecution: true });
}

export function rateLimitError(): StripeApiError {
	return new StripeApiError(
		429,
		{
			type: 'invalid_request_error',
			code: 'rate_limit',
			doc_url: docUrl('rate_limit'),
			message:
				'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
		},
		true,
	);
}

export function apiError(): StripeApiError {
	return new StripeApiError(
		500,
		{
			type: 'api_error',
			message:
				'An unknown error occurred. Please retry your request, or contact support at https://support.stripe.com/.',
		},
		true,
	);
}

export function idempotencyMismatch(key: string): StripeApiError {
	return new StripeApiError(
		400,
		{
			type: 'idempotency_error',
			message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
		},
		true,
	);
}

export function idempotencyInProgress(key: string): StripeApiError {
	return new StripeApiError(
		409,
		{
			type: 'idempotency_error',
			code: 'idempotency_key_in_use',
			doc_url: docUrl('idempotency_key_in_use'),
			message: `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
		},
		true,
	);
}

/** Stripe's 429 for two requests touching one object at once (no Retry-After). */
export function lockTimeoutError(): StripeApiError {
	return new StripeApiError(
		429,
		{
			type: 'invalid_request_error',
			code: 'lock_timeout',
			doc_url: docUrl('lock_timeout'),
			message:
				'This object cannot be accessed right now because another API request or Stripe process is currently accessing it. If you see this error intermittently, retry the request. If you see this error frequently and are making multiple concurrent requests to a single object, make your requests serially or at a lower rate.',
		},
		true,
	);
}
