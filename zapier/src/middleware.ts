import type {
	AfterResponseMiddleware,
	BeforeRequestMiddleware,
	Bundle,
	HttpRequestOptions,
	ZObject,
} from 'zapier-platform-core';

import { PaymentError } from '../../core/errors';
import { STRIPE_API_VERSION } from '../../core/stripe/apiVersion';
import { interpretStripeError } from '../../core/stripe/errors';
import { isStripeApiUrl, readStripeAuth } from './authData';
import { toZapierError } from './errors';
import { headerRecord, parseBody } from './transport';

/**
 * Adds the secret key, and the pinned API version when a request does not carry one, to requests
 * for the connected Stripe API only. The key's mode is checked against the chosen mode first, so a
 * live key in a test connection never reaches Stripe.
 */
export const addStripeAuth: BeforeRequestMiddleware = (request, z: ZObject, bundle: Bundle) => {
	let auth;
	try {
		auth = readStripeAuth(bundle.authData);
	} catch (error) {
		throw toZapierError(z, error);
	}
	if (!isStripeApiUrl(request.url, auth)) return request;
	const headers: NonNullable<HttpRequestOptions['headers']> = { ...request.headers };
	headers.Authorization = `Bearer ${auth.apiKey}`;
	const hasVersion = Object.keys(headers).some((name) => name.toLowerCase() === 'stripe-version');
	if (!hasVersion) headers['Stripe-Version'] = STRIPE_API_VERSION;
	return { ...request, headers };
};

/**
 * Maps Stripe error answers through core's interpretation for requests that did not opt out.
 * Requests sent through core's callStripe opt out (skipThrowForStatus), because core retries and
 * interprets them itself.
 */
export const mapStripeErrors: AfterResponseMiddleware = (response, z: ZObject) => {
	if (response.skipThrowForStatus || response.status < 400) return response;
	const details = interpretStripeError({
		status: response.status,
		body: parseBody(response),
		headers: headerRecord(response),
	});
	throw toZapierError(z, new PaymentError(details));
};
