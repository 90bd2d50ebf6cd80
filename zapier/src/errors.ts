import type { ZObject } from 'zapier-platform-core';

import { PaymentError, PaymentInputError } from '../../core/errors';
import { redactSecrets } from '../../core/security/redact';

/**
 * Turns whatever core or a request threw into the error Zapier shows the user: one plain sentence
 * with the next step, and the machine-readable next step as the error code. Zapier-specific error
 * classes are used where Zapier acts on them: ThrottledError (Zapier retries the step later) and
 * ExpiredAuthError (Zapier asks the user to reconnect the account).
 */
export function toZapierError(z: ZObject, error: unknown): Error {
	if (isZapierError(error)) return error as Error;
	if (error instanceof PaymentError) {
		const { details } = error;
		const message = `${details.message} Next step: ${details.nextStep}.`;
		if (details.category === 'rate_limited') return new z.errors.ThrottledError(message, 30);
		if (details.category === 'authentication') return new z.errors.ExpiredAuthError(message);
		return new z.errors.Error(message, details.nextStep, details.httpStatus);
	}
	if (error instanceof PaymentInputError) {
		return new z.errors.Error(`${error.message} Next step: fix_request.`, 'fix_request', 400);
	}
	const text = error instanceof Error ? error.message : String(error);
	return new z.errors.Error(redactSecrets(text), 'unexpected_error');
}

/** Runs a step body and rethrows anything it throws as a Zapier error. */
export async function withZapierErrors<T>(z: ZObject, body: () => Promise<T>): Promise<T> {
	try {
		return await body();
	} catch (error) {
		throw toZapierError(z, error);
	}
}

const ZAPIER_ERROR_NAMES = new Set([
	'AppError',
	'ThrottledError',
	'ExpiredAuthError',
	'HaltedError',
	'RefreshAuthError',
]);

function isZapierError(error: unknown): boolean {
	return error instanceof Error && ZAPIER_ERROR_NAMES.has(error.name);
}
