import { randomUUID } from 'node:crypto';

/** Direct calls to the emulator's Stripe API, as a test's "other side" (the shop, the bank). */
export async function stripe<T = Record<string, unknown>>(
	emulatorUrl: string,
	method: 'GET' | 'POST' | 'DELETE',
	path: string,
	params: Record<string, string | number | boolean> = {},
): Promise<T> {
	const form = new URLSearchParams();
	for (const [key, value] of Object.entries(params)) form.append(key, String(value));
	const query = method === 'POST' ? '' : `?${form.toString()}`;
	const idempotencyKey = `e2e-${randomUUID()}`;
	// The test is a client like any other: it shares the emulator's test-mode rate limit (25/s) with
	// the n8n under test, so a 429 is waited out (same key for a POST) instead of failing the test.
	for (let attempt = 1; ; attempt += 1) {
		const response = await fetch(`${emulatorUrl}${path}${query}`, {
			method,
			headers: {
				authorization: 'Bearer sk_test_123',
				...(method === 'POST'
					? { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': idempotencyKey }
					: {}),
			},
			body: method === 'POST' ? form.toString() : undefined,
		});
		const body = (await response.json()) as T;
		if (response.status === 429 && attempt < RATE_LIMITED_ATTEMPTS) {
			await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
			continue;
		}
		if (!response.ok) {
			throw new Error(`emulator ${method} ${path}: ${response.status} ${JSON.stringify(body)}`);
		}
		return body;
	}
}

const RATE_LIMITED_ATTEMPTS = 8;

/** A succeeded card payment (emits payment_intent.succeeded to the emulator's endpoints). */
export async function paidPaymentIntent(emulatorUrl: string, amount = 2000) {
	return await stripe<{ id: string; status: string; amount: number }>(
		emulatorUrl,
		'POST',
		'/v1/payment_intents',
		{
			amount,
			currency: 'usd',
			payment_method: 'pm_card_visa',
			confirm: true,
			'automatic_payment_methods[enabled]': true,
			'automatic_payment_methods[allow_redirects]': 'never',
		},
	);
}

export async function createCustomer(emulatorUrl: string, email: string) {
	return await stripe<{ id: string }>(emulatorUrl, 'POST', '/v1/customers', { email });
}

/** A test payment method saved to the customer (Stripe creates a new pm_… from a pm_card_* id). */
export async function savedPaymentMethod(emulatorUrl: string, customer: string, testMethod: string) {
	const method = await stripe<{ id: string }>(emulatorUrl, 'POST', `/v1/payment_methods/${testMethod}/attach`, {
		customer,
	});
	return method.id;
}
