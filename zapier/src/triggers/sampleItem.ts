import type { NormalizedEventName, NormalizedPayment } from '../../../core/payments/types';

/** A sample in the shape every trigger item has, for the Zap editor before a real event exists. */
export function sampleItem(input: {
	eventType: string;
	names: NormalizedEventName[];
	payment: Partial<NormalizedPayment> & Pick<NormalizedPayment, 'kind' | 'id' | 'status' | 'paid'>;
	object: Record<string, unknown>;
	dunning?: { attemptCount: number; nextAttemptAt: string | null; hostedInvoiceUrl: string | null };
}): Record<string, unknown> {
	const payment: NormalizedPayment = {
		gateway: 'stripe',
		amount: '19.99',
		amountMinor: 1999,
		amountRequested: null,
		amountRefunded: null,
		currency: 'usd',
		customerId: 'cus_123',
		customerEmail: 'jane@example.com',
		paymentId: 'pi_123',
		nextStep: 'none',
		nextStepUrl: null,
		reason: null,
		metadata: { order_id: '42' },
		createdAt: '2026-01-01T00:00:00.000Z',
		livemode: false,
		account: null,
		...input.payment,
	};
	return {
		id: 'evt_123',
		event: {
			id: 'evt_123',
			type: input.eventType,
			created: 1767225600,
			livemode: false,
			apiVersion: '2026-10-28.endive',
			account: null,
		},
		names: input.names,
		payment,
		object: input.object,
		...(input.dunning ? { dunning: input.dunning } : {}),
	};
}
