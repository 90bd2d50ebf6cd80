import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { emulatorControl } from '../../scripts/lib/emulator';
import { nodeOutput } from '../../scripts/lib/n8nRest';
import { deliver, paymentIntentObject, stripeEvent } from './support/deliveries';
import { waitForExecutions } from './support/executions';
import {
	captureItemPayment,
	chargeItemCustomer,
	partialRefundOfItem,
} from '../helpers/moneyParameters';
import { allRunsOutput, itemsWorkflow, postItems } from './support/moneyShapes';
import { createCustomer, paidPaymentIntent, savedPaymentMethod, stripe } from './support/stripe';
import { startSuite, type E2eSuite } from './support/suite';
import { waitForWebhook } from './support/webhooks';
import {
	ACTION_NODE,
	actionWorkflow,
	runAction,
	TRIGGER_NODE,
	triggerWorkflow,
} from './support/workflows';

type Movement = {
	kind: string;
	paymentIntent: string | null;
	amount: number;
	idempotencyKey: string;
};
type Item = Record<string, unknown>;

/**
 * The workflow shapes of issue 9 on a real n8n 2.40.7: a Loop Over Items pass per refund, n8n's
 * own Retry of a failed batch charge (the REST call behind the editor's Retry button), a
 * subscription Checkout, a partial capture. The emulator's ledger says what money moved.
 */
describe('money in the shapes builders wire', () => {
	let suite: E2eSuite;
	const ledger = async () =>
		(await emulatorControl<{ moneyMovements: Movement[] }>(suite.emulator.url, 'GET', 'state'))
			.moneyMovements;

	before(async () => {
		suite = await startSuite('money-shapes');
	});
	after(async () => await suite?.stop());

	it('Loop Over Items refunding three equal parts of one payment makes three refunds', async () => {
		const workflowId = 'e2eMoneyLoop0001';
		await suite.rest.createWorkflow(
			itemsWorkflow(workflowId, suite.credential, partialRefundOfItem(), { loop: true }),
		);
		await suite.rest.activate(workflowId);
		const payment = (await paidPaymentIntent(suite.emulator.url, 5000)).id;
		await postItems(
			suite.n8n.baseUrl,
			workflowId,
			[1, 2, 3].map(() => ({ paymentIntent: payment, amount: '10.00' })),
		);

		const [execution] = await waitForExecutions(suite.rest, workflowId, 1);
		assert.equal(execution.status, 'success');
		const refunds = (await ledger()).filter(
			(m) => m.kind === 'refund' && m.paymentIntent === payment,
		);
		assert.deepEqual(
			refunds.map((m) => m.amount),
			[1000, 1000, 1000],
		);
		assert.equal(new Set(refunds.map((m) => m.idempotencyKey)).size, 3, 'three keys');
		const outputs = allRunsOutput(
			(await suite.rest.executionData(execution.id)).resultData.runData,
			ACTION_NODE,
		);
		assert.equal(outputs.length, 3, 'one refund per pass');
		assert.equal(new Set(outputs.map((o) => o.id)).size, 3, 'three refund objects');
		for (const output of outputs) {
			assert.equal(output.idempotentReplayed, false);
			assert.ok(refunds.some((m) => m.idempotencyKey === output.idempotencyKey));
		}
	});

	for (const loadWorkflow of [false, true]) {
		it(`a batch charge with one decline, retried by n8n (loadWorkflow ${loadWorkflow}) after the card is fixed, charges each customer once`, async () => {
			const workflowId = loadWorkflow ? 'e2eMoneyRetry002' : 'e2eMoneyRetry001';
			await suite.rest.createWorkflow(
				itemsWorkflow(workflowId, suite.credential, chargeItemCustomer('12.00')),
			);
			await suite.rest.activate(workflowId);
			const customers: string[] = [];
			for (const card of ['pm_card_visa', 'pm_card_chargeCustomerFail', 'pm_card_visa']) {
				const customer = (await createCustomer(suite.emulator.url, `retry-${card}@example.com`)).id;
				await setDefaultCard(suite.emulator.url, customer, card);
				customers.push(customer);
			}
			await postItems(
				suite.n8n.baseUrl,
				workflowId,
				customers.map((customer) => ({ customer })),
			);
			const [failed] = await waitForExecutions(suite.rest, workflowId, 1);
			assert.equal(failed.status, 'error', 'the decline stops the run');

			await setDefaultCard(suite.emulator.url, customers[1], 'pm_card_visa'); // the card is fixed
			const retried = await suite.rest.request<{ id: string; status: string; retryOf: string }>(
				'POST',
				`/rest/executions/${failed.id}/retry`,
				{ loadWorkflow },
			);
			assert.equal(retried.status, 'success');
			assert.equal(retried.retryOf, failed.id);

			const charges = (await ledger()).filter((m) => m.kind === 'charge');
			for (const customer of customers) {
				const intents = await stripe<{ data: Array<{ id: string }> }>(
					suite.emulator.url,
					'GET',
					'/v1/payment_intents',
					{ customer, limit: 100 },
				);
				const ids = new Set(intents.data.map((intent) => intent.id));
				const own = charges.filter((charge) => ids.has(String(charge.paymentIntent)));
				assert.equal(own.length, 1, `customer ${customer} charged exactly once`);
			}
			const outputs = nodeOutput(await suite.rest.executionData(retried.id), ACTION_NODE);
			assert.deepEqual(
				outputs.map((o) => o.customer),
				customers,
			);
			assert.deepEqual(
				outputs.map((o) => o.idempotentReplayed),
				[true, false, true],
				'succeeded items replay',
			);
		});
	}

	it('a subscription Checkout paid in the emulator starts one "payment succeeded" execution', async () => {
		const workflowId = 'e2eMoneySubPaid1';
		await suite.rest.createWorkflow(
			triggerWorkflow(workflowId, suite.credential, ['payment.succeeded']),
		);
		await suite.rest.activate(workflowId);
		const state = await emulatorControl<{ endpoints: Array<{ id: string; url: string }> }>(
			suite.emulator.url,
			'GET',
			'state',
		);
		const endpoint = state.endpoints.find((candidate) => candidate.url.includes('/webhook/'));
		assert.ok(endpoint);
		await waitForWebhook(endpoint.url);

		const session = await stripe<{ id: string }>(
			suite.emulator.url,
			'POST',
			'/v1/checkout/sessions',
			{
				mode: 'subscription',
				'line_items[0][price_data][currency]': 'usd',
				'line_items[0][price_data][unit_amount]': 900,
				'line_items[0][price_data][recurring][interval]': 'month',
				'line_items[0][price_data][product_data][name]': 'Pro',
				'line_items[0][quantity]': 1,
				success_url: 'https://shop.example.com/thanks',
			},
		);
		await emulatorControl(suite.emulator.url, 'POST', `checkout/${session.id}/pay`, {
			email: 'sub@example.com',
		});
		await emulatorControl(suite.emulator.url, 'POST', 'idle');
		// Sentinel: once this later payment's execution exists, the checkout's deliveries were handled.
		const sentinel = await deliver(suite.emulator.url, {
			endpoint: endpoint.id,
			event: stripeEvent('payment_intent.succeeded', paymentIntentObject()),
		});
		assert.equal(sentinel.deliveries[0].status, 200);
		const executions = await waitForExecutions(suite.rest, workflowId, 2);
		assert.equal(
			executions.length,
			2,
			'one execution for the subscription payment, one for the sentinel',
		);
		const [first] = nodeOutput(await suite.rest.executionData(executions[0].id), TRIGGER_NODE);
		const payment = first.payment as Item;
		assert.equal(payment.amount, '9.00');
		assert.equal(payment.paid, true);
	});

	it('a partial capture reports the captured amount downstream', async () => {
		const workflowId = 'e2eMoneyCapture1';
		await suite.rest.createWorkflow(
			actionWorkflow(workflowId, suite.credential, 'e2e-capture', captureItemPayment()),
		);
		await suite.rest.activate(workflowId);
		const authorised = await stripe<{ id: string; status: string }>(
			suite.emulator.url,
			'POST',
			'/v1/payment_intents',
			{
				amount: 2000,
				currency: 'usd',
				payment_method: 'pm_card_visa',
				confirm: true,
				capture_method: 'manual',
				'automatic_payment_methods[enabled]': true,
				'automatic_payment_methods[allow_redirects]': 'never',
			},
		);
		assert.equal(authorised.status, 'requires_capture');
		const [captured] = await runAction(suite.n8n.baseUrl, 'e2e-capture', [
			{ paymentIntent: authorised.id, amount: '15.00' },
		]);
		const payment = captured.payment as Item;
		assert.equal(payment.amount, '15.00', 'the captured amount, not the authorised 20.00');
		assert.equal(payment.amountMinor, 1500);
		assert.equal(payment.paid, true);
		const capture = (await ledger()).filter(
			(m) => m.kind === 'capture' && m.paymentIntent === authorised.id,
		);
		assert.deepEqual(
			capture.map((m) => m.amount),
			[1500],
		);
	});
});

/** The customer saves a test card as their default (how a card gets "fixed"). */
async function setDefaultCard(
	emulatorUrl: string,
	customer: string,
	testCard: string,
): Promise<void> {
	const method = await savedPaymentMethod(emulatorUrl, customer, testCard);
	await stripe(emulatorUrl, 'POST', `/v1/customers/${customer}`, {
		'invoice_settings[default_payment_method]': method,
	});
}
