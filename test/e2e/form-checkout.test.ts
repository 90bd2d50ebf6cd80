import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { REPO_ROOT } from '../../scripts/lib/n8nCache';
import { nodeOutput } from '../../scripts/lib/n8nRest';
import { deliverSentinel } from './support/deliveries';
import { endpointState, settledEndpointCount } from './support/endpoints';
import { importExamples } from './support/examples';
import { waitForExecutions } from './support/executions';
import { stripe } from './support/stripe';
import { fillAndSubmitForm, followFormEnding, payOnHostedCheckout } from './support/hostedForm';
import { startSuite, type E2eSuite } from './support/suite';
import { waitForWebhook } from './support/webhooks';

/**
 * docs/examples/form-checkout*.json, imported as `npm start` imports them: a buyer fills the n8n
 * form, is redirected to the (emulated) Stripe hosted checkout, pays there, and the separate
 * fulfilment workflow grants access exactly once.
 */
const ORDER_WORKFLOW = 'PaywireExFormBuy';
const ACCESS_WORKFLOW = 'PaywireExFormAcc';
const FORM_PATH = 'paywire-order';

describe('the Form → Checkout example, as a buyer goes through it', () => {
	let suite: E2eSuite;
	let endpoint = '';

	before(async () => {
		suite = await startSuite('form-checkout', {
			// Only this example's two files, imported the way `npm start` imports every example.
			beforeStart: async (userFolder, emulator) => {
				const staging = join(userFolder, 'form-checkout-examples');
				mkdirSync(staging, { recursive: true });
				for (const file of ['form-checkout.json', 'form-checkout-access.json']) {
					copyFileSync(join(REPO_ROOT, 'docs', 'examples', file), join(staging, file));
				}
				await importExamples(userFolder, emulator.url, staging);
			},
		});
		await suite.rest.activate(ORDER_WORKFLOW);
		await suite.rest.activate(ACCESS_WORKFLOW);
		const state = await endpointState(suite.emulator.url);
		assert.equal(state.endpoints.length, 1, 'the access workflow holds one endpoint');
		endpoint = state.endpoints[0].id;
		await waitForWebhook(state.endpoints[0].url);
	});
	after(async () => await suite?.stop());

	it('form → redirect to the hosted page → pay → one fulfilment execution', async () => {
		const form = await fillAndSubmitForm(`${suite.n8n.baseUrl}/form/${FORM_PATH}`, {
			Product: 'Workshop',
			Email: 'buyer@example.com',
		});
		// Card data never touches n8n: the form it serves asks for nothing but these two.
		assert.deepEqual(form.labels, ['Product', 'Email']);
		const checkoutUrl = await followFormEnding(form.waitingUrl);
		assert.ok(
			checkoutUrl.startsWith(`${suite.emulator.url}/checkout/cs_`),
			`the form ending redirects to the hosted checkout page (${checkoutUrl})`,
		);

		const [orderRun] = await waitForExecutions(suite.rest, ORDER_WORKFLOW, 1);
		assert.equal(orderRun.status, 'success', 'the order workflow finished after the redirect');
		const sessionId = checkoutUrl.split('/').pop()!;
		const [session] = nodeOutput(await suite.rest.executionData(orderRun.id), 'Create Checkout Session');
		assert.equal(session.id, sessionId, 'the redirect went to the session this run created');
		assert.equal(session.amount_total, 12000, 'the price came from the workflow: Workshop, 120.00');
		assert.equal(session.customer_email, 'buyer@example.com');

		const landing = await payOnHostedCheckout(checkoutUrl, 'pm_card_visa');
		assert.equal(landing, `https://shop.example.com/thanks?session=${sessionId}`);
		await suite.emulator.idle();

		// Stripe sends both events for a paid card checkout; both reached the trigger, signed, and were
		// acknowledged in the end. The one arriving while the other held the payment's once-key is
		// answered 409 first, and the emulator re-delivers it as Stripe would.
		const paidEvents = suite.emulator.deliveries.filter((delivery) =>
			['checkout.session.completed', 'payment_intent.succeeded'].includes(String(delivery.eventType)),
		);
		const lastStatusByType = new Map(paidEvents.map((delivery) => [delivery.eventType, delivery.status]));
		assert.deepEqual([...lastStatusByType.values()], [200, 200], 'both events acknowledged in the end');
		for (const delivery of paidEvents) {
			assert.ok([200, 409].includes(Number(delivery.status)), `answered ${delivery.status}`);
		}

		// A later, unrelated payment: once its execution exists, both deliveries above were handled.
		await deliverSentinel(suite.emulator.url, endpoint);
		const executions = await waitForExecutions(suite.rest, ACCESS_WORKFLOW, 2);
		assert.equal(executions.length, 2, 'one fulfilment for the checkout, one for the sentinel');
		const grants = [];
		for (const run of executions) {
			grants.push(...nodeOutput(await suite.rest.executionData(run.id), 'Grant access'));
		}
		const paid = await stripe<{ payment_intent: string }>(
			suite.emulator.url,
			'GET',
			`/v1/checkout/sessions/${sessionId}`,
		);
		const forCheckout = grants.filter((grant) => grant.paymentId === paid.payment_intent);
		assert.equal(forCheckout.length, 1, 'exactly one fulfilment execution for the checkout');
		const [granted] = forCheckout;
		assert.equal(granted.email, 'buyer@example.com');
		assert.equal(granted.product, 'Workshop');
		assert.equal(granted.amountPaid, '120.00 USD');
		assert.equal(granted.accessGranted, true);
	});

	it('a product that is not in the price list creates no Checkout Session', async () => {
		// The browser offers only the listed products; anyone can post another value to the URL.
		const sessions = async () =>
			(await stripe<{ data: unknown[] }>(suite.emulator.url, 'GET', '/v1/checkout/sessions', { limit: 100 }))
				.data.length;
		const before = await sessions();
		await fillAndSubmitForm(`${suite.n8n.baseUrl}/form/${FORM_PATH}`, {
			Product: 'Everything, free',
			Email: 'forger@example.com',
		});
		const runs = await waitForExecutions(suite.rest, ORDER_WORKFLOW, 2);
		const forged = runs[runs.length - 1];
		assert.equal(forged.status, 'error');
		const run = await suite.rest.executionData(forged.id);
		assert.match(String(run.resultData.error?.message), /Unit Amount/);
		assert.equal(await sessions(), before, 'no session was created');
	});

	it('deactivating the access workflow frees its endpoint', async () => {
		await suite.rest.deactivate(ACCESS_WORKFLOW);
		assert.equal(await settledEndpointCount(suite.emulator.url, 0), 0);
	});
});
