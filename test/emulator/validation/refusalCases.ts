import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import { startStripeEmulator, type StripeEmulator } from '../index';
import { raw, type RawResponse } from '../testClient';

/** One emulator per test file and the request shapes issue 12's refusal tests send. */
export function refusalCases() {
	let emulator: StripeEmulator;
	before(async () => {
		emulator = await startStripeEmulator({ rateLimitPerSecond: 0 });
	});
	after(() => emulator.stop());

	const post = (path: string, params: Record<string, unknown>) =>
		raw(emulator, 'POST', path, params);
	return {
		emulator: () => emulator,
		post,
		/** A confirmed card payment that needs no return_url. */
		charge: (fields: Record<string, unknown>) =>
			post('/v1/payment_intents', {
				payment_method: 'pm_card_visa',
				confirm: true,
				automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
				...fields,
			}),
		session: (fields: Record<string, unknown>) =>
			post('/v1/checkout/sessions', { success_url: 'https://example.com/ok', ...fields }),
		priceData: (currency: string, unitAmount: number, extra: object = {}) => ({
			price_data: { currency, unit_amount: unitAmount, product_data: { name: 'Mug' }, ...extra },
			quantity: 1,
		}),
	};
}

/** Stripe's refusal: 400, invalid_request_error, the parameter named, the message (and code). */
export async function refused(
	response: Promise<RawResponse>,
	param: string,
	message: RegExp,
	code?: string,
): Promise<void> {
	const { status, body } = await response;
	assert.equal(status, 400, JSON.stringify(body));
	assert.equal(body.error.type, 'invalid_request_error');
	assert.equal(body.error.param, param);
	assert.match(body.error.message, message);
	if (code) assert.equal(body.error.code, code);
}
