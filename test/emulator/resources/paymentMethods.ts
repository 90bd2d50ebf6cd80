import { resolvePaymentMethod } from '../cards';
import { docUrl, invalidRequest, StripeApiError } from '../errors';
import { listResponse } from '../pagination';
import { optionalString, requireString } from '../params';
import { emitFrom, type RequestContext, type Router } from '../router';
import type { StripeObject } from '../state';

/**
 * Attaching verifies the card: Stripe's declining test cards fail to attach with their card_error,
 * while pm_card_chargeCustomerFail attaches and then declines when charged.
 */
export function attachPaymentMethod(
	ctx: RequestContext,
	id: string,
	customerId: string,
): StripeObject {
	const customer = ctx.scope.get(customerId, 'customer', 'customer', 'customer');
	const { paymentMethod, outcome } = resolvePaymentMethod(ctx.scope, id, 'payment_method');
	if (paymentMethod.customer && paymentMethod.customer !== customer.id) {
		throw invalidRequest(
			'The payment method you provided has already been attached to a customer.',
			{ param: 'payment_method' },
		);
	}
	const chargeCustomerFail = id === 'pm_card_chargeCustomerFail';
	if (outcome.kind === 'decline' && !chargeCustomerFail && id.startsWith('pm_card_')) {
		throw new StripeApiError(402, {
			type: 'card_error',
			code: outcome.code,
			decline_code: outcome.declineCode,
			doc_url: docUrl(outcome.code),
			message: outcome.message,
			param: '',
		});
	}
	if (paymentMethod.customer === customer.id) return paymentMethod;
	paymentMethod.customer = customer.id;
	emitFrom(ctx, 'payment_method.attached', paymentMethod);
	return paymentMethod;
}

function detach(ctx: RequestContext, id: string): StripeObject {
	const paymentMethod = ctx.scope.get(id, 'payment_method', 'PaymentMethod', 'payment_method');
	if (!paymentMethod.customer) {
		throw invalidRequest(
			'The payment method you provided is not attached to a customer so detachment is impossible.',
			{
				param: 'payment_method',
			},
		);
	}
	const previous = { customer: paymentMethod.customer };
	paymentMethod.customer = null;
	emitFrom(ctx, 'payment_method.detached', paymentMethod, previous);
	return paymentMethod;
}

function listFor(ctx: RequestContext, customer: string | undefined, url: string) {
	const type = optionalString(ctx.params, 'type');
	const items = ctx.scope.list(
		'payment_method',
		(pm) => (!customer || pm.customer === customer) && (!type || pm.type === type),
	);
	return listResponse(ctx.params, items, url);
}

export function registerPaymentMethods(router: Router): void {
	router.post('/v1/payment_methods/:pm/attach', (ctx, { pm }) =>
		attachPaymentMethod(ctx, pm, requireString(ctx.params, 'customer')),
	);
	router.post('/v1/payment_methods/:pm/detach', (ctx, { pm }) => detach(ctx, pm));
	router.get('/v1/payment_methods/:pm', (ctx, { pm }) =>
		ctx.scope.get(pm, 'payment_method', 'PaymentMethod', 'payment_method'),
	);
	router.get('/v1/payment_methods', (ctx) => {
		const customer = optionalString(ctx.params, 'customer');
		if (customer) ctx.scope.get(customer, 'customer', 'customer', 'customer');
		return listFor(ctx, customer, '/v1/payment_methods');
	});
	router.get('/v1/customers/:customer/payment_methods', (ctx, { customer }) => {
		ctx.scope.get(customer, 'customer', 'customer', 'customer');
		return listFor(ctx, customer, `/v1/customers/${customer}/payment_methods`);
	});
}
