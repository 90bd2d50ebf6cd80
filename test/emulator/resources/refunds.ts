import { invalidRequest } from '../errors';
import { assertAmountFitsCurrency } from '../validation/currency';
import { clone, newId, nowSeconds, template } from '../fixtures';
import { listResponse, matchesRange } from '../pagination';
import { applyMetadata, optionalInteger, optionalString } from '../params';
import { emitFrom, type RequestContext, type Router } from '../router';
import type { StripeObject } from '../state';

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'];

function chargeToRefund(ctx: RequestContext): StripeObject {
	const intentId = optionalString(ctx.params, 'payment_intent');
	const chargeId = optionalString(ctx.params, 'charge');
	if (!intentId && !chargeId) {
		throw invalidRequest(
			'One of the following params should be provided for this request: payment_intent or charge.',
			{
				code: 'parameter_missing',
				beforeExecution: true,
			},
		);
	}
	if (chargeId) {
		const charge = ctx.scope.get(chargeId, 'charge', 'charge', 'charge');
		if (charge.captured !== true && charge.status === 'succeeded') {
			throw invalidRequest(
				`Charge ${charge.id} has not been captured, so it cannot be refunded. To release the authorized amount, cancel the PaymentIntent${charge.payment_intent ? ` ${String(charge.payment_intent)}` : ''} instead.`,
				{ param: 'charge', code: 'charge_not_refundable' },
			);
		}
		return charge;
	}
	const intent = ctx.scope.get(
		intentId as string,
		'payment_intent',
		'payment_intent',
		'payment_intent',
	);
	const charge = intent.latest_charge ? ctx.scope.find(intent.latest_charge as string) : undefined;
	if (!charge || charge.status !== 'succeeded' || charge.captured !== true) {
		throw invalidRequest(
			`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
			{ param: 'payment_intent', code: 'charge_not_refundable' },
		);
	}
	return charge;
}

/** Refunds a succeeded charge, refusing what Stripe refuses: over-refunds and refunded charges. */
function create(ctx: RequestContext): StripeObject {
	const reason = optionalString(ctx.params, 'reason');
	if (reason !== undefined && !REASONS.includes(reason)) {
		throw invalidRequest(`Invalid reason: must be one of ${REASONS.join(', ')}`, {
			param: 'reason',
			beforeExecution: true,
		});
	}
	const amountParam = optionalInteger(ctx.params, 'amount');
	if (amountParam !== undefined && amountParam < 1) {
		throw invalidRequest('This value must be greater than or equal to 1.', {
			param: 'amount',
			beforeExecution: true,
		});
	}
	const charge = chargeToRefund(ctx);
	const captured = charge.amount_captured as number;
	const refunded = charge.amount_refunded as number;
	const remaining = (charge.amount as number) - refunded;
	if (charge.refunded === true || remaining <= 0) {
		throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
			code: 'charge_already_refunded',
		});
	}
	if (charge.disputed === true) {
		throw invalidRequest(`Charge ${charge.id} has been charged back; cannot issue a refund.`, {
			code: 'charge_disputed',
		});
	}
	const amount = amountParam ?? remaining;
	assertAmountFitsCurrency(amount, String(charge.currency), 'amount');
	if (amount > remaining || captured === 0) {
		throw invalidRequest(
			`Refund amount (${money(amount, charge)}) is greater than unrefunded amount on charge (${money(remaining, charge)})`,
			{ param: 'amount', code: 'amount_too_large' },
		);
	}
	const refund = template('refund') as StripeObject;
	Object.assign(refund, {
		id: newId('re'),
		amount,
		balance_transaction: newId('txn'),
		charge: charge.id,
		created: nowSeconds(),
		currency: charge.currency,
		destination_details: {
			card: {
				reference_status: 'pending',
				reference_type: 'acquirer_reference_number',
				type: 'refund',
			},
			type: 'card',
		},
		metadata: applyMetadata({}, ctx.params),
		payment_intent: charge.payment_intent ?? null,
		payment_method: charge.payment_method ?? null,
		reason: reason ?? null,
		status: 'succeeded',
	});
	ctx.scope.put(refund);
	charge.amount_refunded = refunded + amount;
	charge.refunded = charge.amount_refunded === charge.amount;
	ctx.scope.recordMoney({
		kind: 'refund',
		objectId: refund.id,
		paymentIntent: (charge.payment_intent as string | null) ?? null,
		amount,
		idempotencyKey: ctx.idempotencyKey,
	});
	emitFrom(ctx, 'refund.created', refund);
	emitFrom(ctx, 'charge.refunded', charge, { amount_refunded: refunded, refunded: false });
	if (refundFailsFor(ctx, charge)) {
		const answered = clone(refund);
		failRefund(ctx, refund, charge);
		return answered;
	}
	return refund;
}

function refundFailsFor(ctx: RequestContext, charge: StripeObject): boolean {
	const outcome = ctx.scope.hiddenOf(String(charge.payment_method)).outcome as
		| { kind: string; refundFails?: boolean }
		| undefined;
	return outcome?.kind === 'succeed' && outcome.refundFails === true;
}

/**
 * pm_card_refundFail: the refund is answered `succeeded`, then fails (card closed): the money goes
 * back to the balance, and refund.failed / refund.updated / charge.refund.updated follow.
 */
function failRefund(ctx: RequestContext, refund: StripeObject, charge: StripeObject): void {
	Object.assign(refund, {
		status: 'failed',
		failure_reason: 'expired_or_canceled_card',
		failure_balance_transaction: newId('txn'),
	});
	charge.amount_refunded = (charge.amount_refunded as number) - (refund.amount as number);
	charge.refunded = false;
	const movement = ctx.scope.moneyMovements.find((entry) => entry.objectId === refund.id);
	if (movement) movement.failed = true;
	emitFrom(ctx, 'refund.failed', refund);
	emitFrom(ctx, 'refund.updated', refund, { status: 'succeeded' });
	emitFrom(ctx, 'charge.refund.updated', refund, { status: 'succeeded' });
}

function money(amount: number, charge: StripeObject): string {
	const currency = String(charge.currency).toUpperCase();
	return currency === 'USD' ? `$${(amount / 100).toFixed(2)}` : `${amount} ${currency}`;
}

function update(ctx: RequestContext, id: string): StripeObject {
	const refund = ctx.scope.get(id, 'refund', 'refund', 'refund');
	const previous = { metadata: refund.metadata };
	refund.metadata = applyMetadata(refund.metadata as Record<string, string>, ctx.params);
	emitFrom(ctx, 'refund.updated', refund, previous);
	return refund;
}

/** Only refunds waiting for customer action can be canceled; card refunds succeed at once. */
function cancel(ctx: RequestContext, id: string): StripeObject {
	const refund = ctx.scope.get(id, 'refund', 'refund', 'refund');
	if (refund.status !== 'requires_action') {
		throw invalidRequest(
			`You can only cancel refunds with a status of requires_action. This refund has a status of ${String(refund.status)}.`,
			{},
		);
	}
	refund.status = 'canceled';
	emitFrom(ctx, 'refund.updated', refund, { status: 'requires_action' });
	return refund;
}

export function registerRefunds(router: Router): void {
	router.post('/v1/refunds', (ctx) => create(ctx));
	router.get('/v1/refunds/:refund', (ctx, { refund }) =>
		ctx.scope.get(refund, 'refund', 'refund', 'refund'),
	);
	router.post('/v1/refunds/:refund', (ctx, { refund }) => update(ctx, refund));
	router.post('/v1/refunds/:refund/cancel', (ctx, { refund }) => cancel(ctx, refund));
	router.get('/v1/refunds', (ctx) => {
		const intent = optionalString(ctx.params, 'payment_intent');
		const charge = optionalString(ctx.params, 'charge');
		const items = ctx.scope.list(
			'refund',
			(refund) =>
				(!intent || refund.payment_intent === intent) &&
				(!charge || refund.charge === charge) &&
				matchesRange(refund.created, ctx.params.created),
		);
		return listResponse(ctx.params, items, '/v1/refunds');
	});
}
