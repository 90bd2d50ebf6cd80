import { startStripeEmulator, type StripeEmulator } from '../../test/emulator/index';

export type RunningEmulator = StripeEmulator & { close(): Promise<void> };

/**
 * The local Stripe emulator (test/emulator) on loopback, in this process. Port 0 picks a free one.
 * Tests drive it through its control API (/_emulator/..., see test/emulator/README.md).
 */
export async function startEmulator(port = 0): Promise<RunningEmulator> {
	const emulator = await startStripeEmulator({ port, host: '127.0.0.1' });
	return Object.assign(emulator, { close: async () => await emulator.stop() });
}

/** JSON call to the emulator's control API. */
export async function emulatorControl<T = Record<string, unknown>>(
	baseUrl: string,
	method: 'GET' | 'POST' | 'DELETE',
	path: string,
	body?: unknown,
): Promise<T> {
	const response = await fetch(`${baseUrl}/_emulator/${path.replace(/^\//, '')}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`emulator ${method} ${path} answered ${response.status}: ${text}`);
	return JSON.parse(text) as T;
}
