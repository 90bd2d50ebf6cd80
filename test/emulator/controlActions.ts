import type { StripeEmulator } from './index';
import { internalContext, emitFrom } from './router';
import type { Scope } from './state';
import { expireSession } from './resources/checkout';
import {
	authenticateAndFinish,
	payCheckoutSession,
	settleCheckoutSession,
} from './resources/checkoutPay';
import { createCustomer } from './resources/customers';
import { openLink } from './resources/paymentLinks';
import { attachPaymentMethod } from './resources/paymentMethods';
import { createPrice } from './resources/prices';
import { createSubscription, getSubscription, renewSubscription } from './resources/subscriptions';

/**
 * Control routes that act as the customer, the bank or time passing: authenticate 3-D Secure, pay
 * or expire a checkout session, settle a delayed payment, open a payment link, start a subscription
 * and bill its next period. Returns undefined when no route matches.
 */
export function controlActions(
	emulator: StripeEmulator,
	scope: Scope,
	method: string,
	path: string,
	body: Record<string, unknown>,
): Promise<unknown> | undefined {
	if (method !== 'POST' && method !== 'GET') return undefined;
	const [resource, id, action] = path.replace(/\/+$/, '').split('/').slice(2);
	const ctx = internalContext(scope, emulator.url);
	const run = (work: () => unknown) => Promise.resolve().then(work);
	if (method === 'GET') {
		if (resource === 'webhook_endpoints' && action === 'secret') {
			return run(() => {
				scope.get(id, 'webhook_endpoint');
				return { secret: scope.hiddenOf(id).secret };
			});
		}
		return undefined;
	}
	if (resource === 'payment_intents' && action === 'authenticate') {
		return run(() => authenticateAndFinish(ctx, id, body.succeed !== false));
	}
	if (resource === 'checkout' && action === 'pay') {
		return run(() =>
			payCheckoutSession(ctx, id, {
				delayed: body.delayed === true,
				paymentMethod: body.paymentMethod as string | undefined,
				email: body.email as string | undefined,
			}),
		);
	}
	if (resource === 'checkout' && action === 'settle') {
		return run(() => settleCheckoutSession(ctx, id, body.succeeded !== false));
	}
	if (resource === 'checkout' && action === 'expire') return run(() => expireSession(ctx, id));
	if (resource === 'payment_links' && (action === 'open' || action === 'pay')) {
		return run(() => {
			const session = openLink(ctx, id);
			if (action === 'open') return { session };
			return payCheckoutSession(ctx, session.id, {
				delayed: body.delayed === true,
				paymentMethod: body.paymentMethod as string | undefined,
				email: body.email as string | undefined,
			});
		});
	}
	if (resource === 'subscriptions' && id === undefined) {
		return run(() => {
			const customer = body.customer
				? scope.get(String(body.customer), 'customer')
				: createCustomer(ctx, {
						email: (body.email as string | undefined) ?? 'subscriber@example.com',
					});
			const pm = attachPaymentMethod(
				ctx,
				(body.paymentMethod as string | undefined) ?? 'pm_card_visa',
				customer.id,
			);
			const price = createPrice(
				ctx,
				{
					currency: String(body.currency ?? 'usd'),
					unit_amount: String(body.amount ?? 1000),
					product_data: { name: String(body.product ?? 'Emulator plan') },
					recurring: { interval: String(body.interval ?? 'month') },
				},
				'price_data',
			);
			const created = createSubscription(ctx, { customer, price, paymentMethod: pm.id });
			return { customer, ...created, error: created.error?.error ?? null };
		});
	}
	if (resource === 'subscriptions' && action === 'renew')
		return run(() => renewSubscription(ctx, id));
	if (resource === 'subscriptions' && action === 'pause') {
		return run(() => {
			const subscription = getSubscription(ctx, id);
			const previous = { status: subscription.status };
			subscription.status = 'paused';
			emitFrom(ctx, 'customer.subscription.paused', subscription, previous);
			return subscription;
		});
	}
	return undefined;
}
