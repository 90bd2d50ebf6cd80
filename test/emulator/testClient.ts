import Stripe from 'stripe';
import { startStripeEmulator, type StripeEmulator, type StripeEmulatorOptions } from './index';

/** Test helpers: an emulator on a random port, Stripe's own SDK pointed at it, and a raw client. */
export interface RawResponse {
	status: number;
	headers: Headers;
	body: any;
}

export function stripeClient(emulator: StripeEmulator, key = 'sk_test_123'): Stripe {
	return new Stripe(key, {
		host: emulator.host,
		port: emulator.port,
		protocol: 'http',
		maxNetworkRetries: 0,
	});
}

export function encodeForm(params: Record<string, unknown>, prefix = ''): string {
	const parts: string[] = [];
	for (const [key, value] of Object.entries(params)) {
		const name = prefix ? `${prefix}[${key}]` : key;
		if (value === undefined) continue;
		if (Array.isArray(value)) {
			value.forEach((item, index) => {
				if (typeof item === 'object' && item !== null)
					parts.push(encodeForm(item as Record<string, unknown>, `${name}[${index}]`));
				else parts.push(`${encodeURIComponent(`${name}[]`)}=${encodeURIComponent(String(item))}`);
			});
		} else if (typeof value === 'object' && value !== null) {
			parts.push(encodeForm(value as Record<string, unknown>, name));
		} else {
			parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
		}
	}
	return parts.filter(Boolean).join('&');
}

export async function raw(
	emulator: StripeEmulator,
	method: 'GET' | 'POST' | 'DELETE',
	path: string,
	params: Record<string, unknown> = {},
	headers: Record<string, string> = {},
	key: string | null = 'sk_test_123',
): Promise<RawResponse> {
	const form = encodeForm(params);
	const url =
		method === 'POST' || !form ? `${emulator.url}${path}` : `${emulator.url}${path}?${form}`;
	const response = await fetch(url, {
		method,
		headers: {
			...(key ? { Authorization: `Bearer ${key}` } : {}),
			...(method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
			...headers,
		},
		body: method === 'POST' ? form : undefined,
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// Non-JSON pages stay text.
	}
	return { status: response.status, headers: response.headers, body };
}

export async function control(
	emulator: StripeEmulator,
	method: string,
	path: string,
	body?: unknown,
) {
	const response = await fetch(`${emulator.url}/_emulator${path}`, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as any };
}

export async function withEmulator(
	options: StripeEmulatorOptions,
	run: (emulator: StripeEmulator, stripe: Stripe) => Promise<void>,
): Promise<void> {
	const emulator = await startStripeEmulator({ rateLimitPerSecond: 0, ...options });
	try {
		await run(emulator, stripeClient(emulator));
	} finally {
		await emulator.stop();
	}
}
