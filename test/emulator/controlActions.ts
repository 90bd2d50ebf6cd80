import type { StripeEmulator } from './index';
import { internalContext } from './router';
import type { Scope } from './state';
import { completeAuthentication } from './resources/confirm';

/**
 * Control routes that act as the customer or the bank: authenticate a 3-D Secure payment, pay a
 * checkout session, settle a delayed payment. Returns undefined when no route matches.
 */
export function controlActions(
	emulator: StripeEmulator,
	scope: Scope,
	method: string,
	path: string,
	body: Record<string, unknown>,
): Promise<unknown> | undefined {
	const parts = path.replace(/\/+$/, '').split('/').slice(2);
	const ctx = internalContext(scope, emulator.url);
	if (method === 'POST' && parts[0] === 'payment_intents' && parts[2] === 'authenticate') {
		return Promise.resolve(completeAuthentication(ctx, parts[1], body.succeed !== false));
	}
	if (method === 'GET' && parts[0] === 'webhook_endpoints' && parts[2] === 'secret') {
		scope.get(parts[1], 'webhook_endpoint');
		return Promise.resolve({ secret: scope.hiddenOf(parts[1]).secret });
	}
	return undefined;
}
