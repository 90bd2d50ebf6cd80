import { newId, nowSeconds, randomToken, template } from '../fixtures';
import { cardDetailsOf } from '../cards';
import { listResponse } from '../pagination';
import { optionalString } from '../params';
import { emitFrom, type RequestContext, type Router } from '../router';
import type { StripeObject } from '../state';

export interface ChargeOutcome {
	succeeded: boolean;
	captured: boolean;
	failureCode?: string;
	failureMessage?: string;
	declineCode?: string;
}

/** A Charge for one confirmation attempt of a PaymentIntent, built on Stripe's example charge. */
export function buildCharge(
	ctx: RequestContext,
	intent: StripeObject,
	paymentMethod: StripeObject,
	outcome: ChargeOutcome,
): StripeObject {
	const charge = template('charge') as StripeObject;
	const card = cardDetailsOf(paymentMethod);
	const id = newId('ch');
	const amount = intent.amount as number;
	const base = (charge.payment_method_details as { card: Record<string, unknown> }).card;
	Object.assign(charge, {
		id,
		amount,
		amount_captured: outcome.succeeded && outcome.captured ? amount : 0,
		amount_refunded: 0,
		balance_transaction: outcome.succeeded && outcome.captured ? newId('txn') : null,
		billing_details: paymentMethod.billing_details,
		calculated_statement_descriptor: 'PAYWIRE EMULATOR',
		captured: outcome.succeeded && outcome.captured,
		created: nowSeconds(),
		currency: intent.currency,
		customer: intent.customer ?? null,
		description: intent.description ?? null,
		disputed: false,
		failure_code: outcome.failureCode ?? null,
		failure_message: outcome.failureMessage ?? null,
		fraud_details: {},
		livemode: ctx.scope.livemode,
		metadata: { ...(intent.metadata as object) },
		outcome: outcome.succeeded
			? {
					advice_code: null,
					network_advice_code: null,
					network_decline_code: null,
					network_status: 'approved_by_network',
					reason: null,
					risk_level: 'normal',
					seller_message: 'Payment complete.',
					type: 'authorized',
				}
			: {
					advice_code: null,
					network_advice_code: null,
					network_decline_code: null,
					network_status: 'declined_by_network',
					reason: outcome.declineCode ?? null,
					risk_level: 'normal',
					seller_message: 'The bank did not return any further details with this decline.',
					type: 'issuer_declined',
				},
		paid: outcome.succeeded,
		payment_intent: intent.id,
		payment_method: paymentMethod.id,
		payment_method_details: {
			card: {
				...base,
				amount_authorized: outcome.succeeded ? amount : null,
				brand: card.brand,
				last4: card.last4,
				exp_month: card.exp_month,
				exp_year: card.exp_year,
				fingerprint: card.fingerprint,
				funding: card.funding,
				wallet: null,
			},
			type: 'card',
		},
		receipt_email: intent.receipt_email ?? null,
		receipt_url: `${ctx.baseUrl}/receipts/${id}/${randomToken(16)}`,
		refunded: false,
		refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
		review: null,
		shipping: null,
		source: null,
		status: outcome.succeeded ? 'succeeded' : 'failed',
		transfer_data: null,
	});
	return ctx.scope.put(charge);
}

/** A dispute opened on a charge, as Stripe does for pm_card_createDispute. */
export function openDispute(ctx: RequestContext, charge: StripeObject): StripeObject {
	const dispute = template('dispute') as StripeObject;
	Object.assign(dispute, {
		id: newId('dp'),
		amount: charge.amount,
		balance_transactions: [],
		charge: charge.id,
		created: nowSeconds(),
		currency: charge.currency,
		is_charge_refundable: false,
		livemode: ctx.scope.livemode,
		metadata: {},
		payment_intent: charge.payment_intent,
		reason: 'fraudulent',
		status: 'needs_response',
		intended_submission_method: null,
	});
	ctx.scope.put(dispute);
	charge.disputed = true;
	emitFrom(ctx, 'charge.dispute.created', dispute);
	return dispute;
}

export function registerCharges(router: Router): void {
	router.get('/v1/charges/:charge', (ctx, { charge }) =>
		ctx.scope.get(charge, 'charge', 'charge', 'charge'),
	);
	router.get('/v1/charges', (ctx) => {
		const customer = optionalString(ctx.params, 'customer');
		const intent = optionalString(ctx.params, 'payment_intent');
		const items = ctx.scope.list(
			'charge',
			(charge) =>
				(!customer || charge.customer === customer) &&
				(!intent || charge.payment_intent === intent),
		);
		return listResponse(ctx.params, items, '/v1/charges');
	});
	router.get('/v1/disputes/:dispute', (ctx, { dispute }) =>
		ctx.scope.get(dispute, 'dispute', 'dispute', 'dispute'),
	);
	router.get('/v1/disputes', (ctx) =>
		listResponse(ctx.params, ctx.scope.list('dispute'), '/v1/disputes'),
	);
}
