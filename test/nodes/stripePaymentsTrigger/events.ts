import type { IDataObject } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import type { StripeFixtureName } from '../../fixtures/stripe';

/** Stripe events built from Stripe's own example objects (test/fixtures/stripe, MIT). */

let sequence = 0;

export function stripeEvent(
	type: string,
	objectName: StripeFixtureName,
	changes: IDataObject = {},
	eventId = `evt_test_${(sequence += 1)}`,
): IDataObject {
	const envelope = stripeFixture<IDataObject>('event');
	const object = { ...stripeFixture<IDataObject>(objectName), ...changes };
	return {
		...envelope,
		id: eventId,
		type,
		created: Math.floor(Date.now() / 1000),
		data: { object },
	};
}

export const PAYMENT_INTENT_ID = 'pi_1PgafyB7WZ01zgkWSjxsAJo3';

export const intentSucceeded = (eventId?: string) =>
	stripeEvent('payment_intent.succeeded', 'payment_intent', { status: 'succeeded' }, eventId);

export const checkoutCompleted = (paymentStatus: 'paid' | 'unpaid', eventId?: string) =>
	stripeEvent(
		'checkout.session.completed',
		'checkout.session',
		{ status: 'complete', payment_status: paymentStatus, amount_total: 1099, currency: 'usd' },
		eventId,
	);
