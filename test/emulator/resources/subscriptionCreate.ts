import { invalidRequest, parameterMissing } from '../errors';
import type { FormValue } from '../form';
import {
	applyMetadata,
	optionalArray,
	optionalString,
	requireOneOf,
	requireString,
} from '../params';
import type { RequestContext, Router } from '../router';
import type { StripeObject } from '../state';
import { getPrice } from './prices';
import { createSubscription } from './subscriptions';

const BEHAVIOURS = [
	'allow_incomplete',
	'error_if_incomplete',
	'default_incomplete',
	'pending_if_incomplete',
] as const;

/**
 * POST /v1/subscriptions with one recurring price. The first invoice is paid at once with
 * default_payment_method (or the customer's default), as with Stripe's `allow_incomplete`: a decline
 * leaves the subscription `incomplete`; `error_if_incomplete` answers the 402 instead. The emulator
 * does not model `default_incomplete` (payment left for the customer): it is refused.
 */
function create(ctx: RequestContext): StripeObject {
	const customer = ctx.scope.get(
		requireString(ctx.params, 'customer'),
		'customer',
		'customer',
		'customer',
	);
	const items = optionalArray(ctx.params, 'items');
	if (!items || items.length === 0) throw parameterMissing('items');
	if (items.length > 1) {
		throw invalidRequest('The emulator supports one item per subscription.', { param: 'items' });
	}
	const item = items[0] as { [key: string]: FormValue };
	if (typeof item.price !== 'string') throw parameterMissing('items[0][price]');
	const price = getPrice(ctx, item.price, 'items[0][price]');
	if (!price.recurring) {
		throw invalidRequest(
			'The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.',
			{
				param: 'items[0][price]',
			},
		);
	}
	const behaviour = requireOneOf(ctx.params, 'payment_behavior', BEHAVIOURS, 'allow_incomplete');
	if (behaviour === 'default_incomplete' || behaviour === 'pending_if_incomplete') {
		throw invalidRequest(`The emulator does not model payment_behavior=${behaviour}.`, {
			param: 'payment_behavior',
			beforeExecution: true,
		});
	}
	const settings = customer.invoice_settings as { default_payment_method?: string | null };
	const paymentMethod =
		optionalString(ctx.params, 'default_payment_method') ?? settings.default_payment_method ?? null;
	if (!paymentMethod) {
		throw invalidRequest(
			'This customer has no attached payment source or default payment method.',
			{
				code: 'resource_missing',
				param: 'default_payment_method',
			},
		);
	}
	const { subscription, error } = createSubscription(ctx, {
		customer,
		price,
		paymentMethod,
		metadata: applyMetadata({}, ctx.params),
	});
	if (error && behaviour === 'error_if_incomplete') throw error;
	return subscription;
}

export function registerSubscriptionCreate(router: Router): void {
	router.post('/v1/subscriptions', (ctx) => create(ctx));
}
