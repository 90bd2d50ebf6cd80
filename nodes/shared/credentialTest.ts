import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { PaymentInputError } from '../../core/errors';
import type { PaymentErrorDetails } from '../../core/payments/types';
import { redactSecrets } from '../../core/security/redact';
import { interpretConnectionError, interpretStripeError } from '../../core/stripe/errors';
import { assertKeyMatchesMode } from '../../core/stripe/keys';
import { buildStripeRequest } from '../../core/stripe/request';

/**
 * The probe: listing one PaymentIntent needs only "PaymentIntents: Read" on a restricted key,
 * which every key able to take payments has. (GET /v1/balance would need "Balance: Read", which a
 * least-privilege key for these nodes does not.)
 */
const PROBE = { method: 'GET', path: '/v1/payment_intents', params: { limit: 1 } } as const;

const TIMEOUT_MS = 15_000;

/** Node-side credential test (`testedBy: 'paywireStripeApiTest'`): mode check first, then one read. */
export async function paywireStripeApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data: ICredentialDataDecryptedObject = credential.data ?? {};
	const secretKey = typeof data.secretKey === 'string' ? data.secretKey.trim() : '';
	const mode = data.mode === 'live' ? 'live' : 'test';
	let request;
	try {
		assertKeyMatchesMode(secretKey, mode);
		request = buildStripeRequest({
			...PROBE,
			apiVersion: optionalText(data.apiVersion),
			stripeAccount: optionalText(data.stripeAccount),
			baseUrl: optionalText(data.baseUrl),
		});
	} catch (error) {
		const problem = error instanceof PaymentInputError ? error.message : String(error);
		return { status: 'Error', message: redactSecrets(problem) };
	}

	let response: { statusCode: number; headers?: Record<string, unknown>; body: unknown };
	try {
		// ICredentialTestFunctions offers no other HTTP helper in n8n-workflow 2.40 (no httpRequest).
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		response = await this.helpers.request({
			method: request.method,
			uri: request.url,
			headers: { ...request.headers, Authorization: `Bearer ${secretKey}` },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			timeout: TIMEOUT_MS,
		});
	} catch (error) {
		const details = interpretConnectionError(error);
		const origin = new URL(request.url).origin;
		const message =
			details.category === 'configuration'
				? details.message
				: `Could not reach Stripe at ${origin} (${details.code ?? 'no response'}). Check the API Base URL, the network and any proxy.`;
		return { status: 'Error', message: redactSecrets(message) };
	}

	if (response.statusCode >= 200 && response.statusCode < 300) {
		if (!isStripeList(response.body)) {
			return {
				status: 'Error',
				message: `${new URL(request.url).origin} answered, but not the way Stripe does. Check the API Base URL.`,
			};
		}
		return { status: 'OK', message: `Connected to Stripe in ${mode} mode.` };
	}
	const details = interpretStripeError({
		status: response.statusCode,
		body: response.body,
		headers: lowerCaseHeaders(response.headers),
	});
	return { status: 'Error', message: redactSecrets(explain(details, mode)) };
}

function explain(details: PaymentErrorDetails, mode: 'test' | 'live'): string {
	const requestId = details.requestId ? ` (Stripe request id ${details.requestId})` : '';
	switch (details.category) {
		case 'authentication':
			return (
				`Stripe refused the key: it is wrong or revoked${details.code === 'api_key_expired' ? ' (expired)' : ''}. ` +
				`Copy a current ${mode} key from the Stripe Dashboard (Developers → API keys)${requestId}.`
			);
		case 'permission':
			return (
				'The key is valid but lacks a permission. A restricted key needs at least "PaymentIntents: Read" ' +
				'for this test, and the permissions of the operations you use (see the Paywire credential docs); ' +
				`with a Connect account id, the platform must be allowed to act on that account${requestId}.`
			);
		default:
			return `${details.message}${requestId}`;
	}
}

function isStripeList(body: unknown): boolean {
	return (
		typeof body === 'object' && body !== null && (body as { object?: unknown }).object === 'list'
	);
}

function optionalText(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function lowerCaseHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
	const lowered: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (value !== undefined && value !== null) lowered[name.toLowerCase()] = String(value);
	}
	return lowered;
}
