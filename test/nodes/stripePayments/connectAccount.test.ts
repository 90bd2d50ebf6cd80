import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import { StripePayments } from '../../../nodes/StripePayments/StripePayments.node';
import { runWorkflow, type WorkflowRunResult } from '../harness';
import { fullRefundParameters, STRIPE, stripeMock, TEST_KEY, useStripeTestHooks } from './support';
import type { RecordedRequest } from './support';
import {
	ACTION,
	AggregateOrders,
	FakeStripePaymentsTrigger,
	KeepOrderId,
	triggerWorkflow,
	type Intermediate,
} from './triggerNodes';

/**
 * Issue 9 item 6: a Stripe Payments node after a connected account's event acts on that account
 * (Stripe-Account) on every call, refuses a credential set to another account, and follows its
 * Connect field when the builder sets one (docs/trigger.md, Connect).
 */

const SELLER = 'acct_1SellerConnect';
const OTHER = 'acct_1OtherSeller';

/** What the trigger emits for a payment.succeeded event (account null: the platform's own). */
function paymentSucceeded(eventId: string, account: string | null): IDataObject {
	return {
		event: { id: eventId, type: 'payment.succeeded', account },
		payment: { id: 'pi_connect', account, amount: '20.00', currency: 'usd' },
	};
}

interface ConnectRun {
	result: WorkflowRunResult;
	requests: RecordedRequest[];
}

async function refundAfter(
	triggerItems: IDataObject[],
	options: {
		intermediate?: Intermediate;
		credentialAccount?: string;
		parameters?: INodeParameters;
		partial?: boolean;
	} = {},
): Promise<ConnectRun> {
	const { scope, requests } = stripeMock();
	if (options.partial) {
		scope
			.get('/v1/payment_intents/pi_connect')
			.times(triggerItems.length)
			.reply(200, { ...stripeFixture('payment_intent'), id: 'pi_connect', currency: 'usd' });
	}
	scope.post('/v1/refunds').times(triggerItems.length).reply(200, stripeFixture('refund'));
	const amount: INodeParameters = options.partial ? { amountType: 'partial', amount: '5.00' } : {};
	const parameters = {
		...fullRefundParameters('pi_connect'),
		...amount,
		...options.parameters,
	};
	const result = await runWorkflow({
		nodes: [FakeStripePaymentsTrigger, StripePayments, KeepOrderId, AggregateOrders],
		workflow: triggerWorkflow(options.intermediate ?? 'keepOrderId', parameters, {
			id: 'connect-workflow',
			actionNodeId: 'connect-refund',
		}),
		credentials: {
			paywireStripeApi: {
				secretKey: TEST_KEY,
				mode: 'test',
				baseUrl: STRIPE,
				stripeAccount: options.credentialAccount ?? '',
			},
		},
		triggerItems: triggerItems.map((json) => ({ json })),
		mode: 'webhook',
	});
	return { result, requests };
}

const accountsSent = (requests: RecordedRequest[]) =>
	requests.map(
		(request) => `${request.method} ${request.headers['stripe-account'] ?? '(platform)'}`,
	);

describe('Stripe Payments › Connect: calls act on the triggering event’s account', () => {
	useStripeTestHooks();

	it('a connected account’s payment.succeeded → Refund (through a Set-like node) sends Stripe-Account', async () => {
		const { result, requests } = await refundAfter([paymentSucceeded('evt_c1', SELLER)]);
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.nodeExecutionOrder.at(-1), ACTION);
		assert.deepEqual(accountsSent(requests), [`POST ${SELLER}`]);
	});

	it('every call of the operation carries it (partial refund: the payment read and the refund)', async () => {
		const { result, requests } = await refundAfter([paymentSucceeded('evt_c2', SELLER)], {
			intermediate: 'none',
			partial: true,
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(accountsSent(requests), [`GET ${SELLER}`, `POST ${SELLER}`]);
	});

	it('each item follows its own event: a seller’s and a platform payment in one run', async () => {
		const { result, requests } = await refundAfter([
			paymentSucceeded('evt_c3', SELLER),
			paymentSucceeded('evt_p3', null),
		]);
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(accountsSent(requests).sort(), [`POST ${SELLER}`, 'POST (platform)'].sort());
		const sellerRefund = requests.find((r) => r.headers['stripe-account'] === SELLER);
		assert.ok(sellerRefund, 'the seller’s refund was sent on the seller’s account');
	});

	it('pairing lost (an Aggregate): the run’s one event account still applies', async () => {
		const { result, requests } = await refundAfter([paymentSucceeded('evt_c9', SELLER)], {
			intermediate: 'aggregate',
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(accountsSent(requests), [`POST ${SELLER}`]);
	});

	it('pairing lost and the run’s events on different accounts: refused, nothing sent', async () => {
		const { result, requests } = await refundAfter(
			[paymentSucceeded('evt_c10', SELLER), paymentSucceeded('evt_p10', null)],
			{ intermediate: 'aggregate' },
		);
		assert.deepEqual(requests, []);
		assert.match(result.error?.message ?? '', /^Connect › Account: this item cannot be traced/);
		assert.ok(result.error?.message.includes(SELLER), result.error?.message);
	});

	it('a credential set to another account is refused before anything is sent', async () => {
		const { result, requests } = await refundAfter([paymentSucceeded('evt_c4', SELLER)], {
			credentialAccount: OTHER,
		});
		assert.deepEqual(requests, [], 'no request reached Stripe');
		const message = result.error?.message ?? '';
		assert.match(message, /Connect Account ID \(credential\)/);
		assert.ok(message.includes(OTHER) && message.includes(SELLER), message);
		assert.match(String(result.error?.description), /Connect Account ID empty|Connect › Account/);
	});

	it('a credential set to the same account, or a platform event, keeps the credential’s', async () => {
		const same = await refundAfter([paymentSucceeded('evt_c5', SELLER)], {
			credentialAccount: SELLER,
		});
		assert.equal(same.result.error, undefined, same.result.error?.message);
		assert.deepEqual(accountsSent(same.requests), [`POST ${SELLER}`]);
		const platformEvent = await refundAfter([paymentSucceeded('evt_p5', null)], {
			credentialAccount: OTHER,
		});
		assert.deepEqual(accountsSent(platformEvent.requests), [`POST ${OTHER}`]);
	});

	it('the Connect field overrides: Platform Account, or an account id whatever the credential says', async () => {
		const platform = await refundAfter([paymentSucceeded('evt_c6', SELLER)], {
			parameters: { connect: { account: 'platform' } },
		});
		assert.deepEqual(accountsSent(platform.requests), ['POST (platform)']);
		const chosen = await refundAfter([paymentSucceeded('evt_c7', SELLER)], {
			credentialAccount: OTHER,
			parameters: { connect: { account: 'connected', accountId: SELLER } },
		});
		assert.equal(chosen.result.error, undefined, chosen.result.error?.message);
		assert.deepEqual(accountsSent(chosen.requests), [`POST ${SELLER}`]);
	});

	it('a Connect field account id that is not acct_… is refused, naming the field', async () => {
		const { result, requests } = await refundAfter([paymentSucceeded('evt_c8', SELLER)], {
			parameters: { connect: { account: 'connected', accountId: 'seller-42' } },
		});
		assert.deepEqual(requests, []);
		assert.match(
			result.error?.message ?? '',
			/Connect › Account ID: "seller-42" is not a Stripe account id/,
		);
	});
});
