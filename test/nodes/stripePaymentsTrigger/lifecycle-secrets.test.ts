import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';

import type { IDataObject, IWebhookResponseData } from 'n8n-workflow';
import nock from 'nock';

import { resetInProcessDedupe } from '../../../nodes/StripePaymentsTrigger/staticDataStore';
import { restoreRetries } from '../stripePayments/support';
import {
	createdEndpointState,
	deliver,
	hookContext,
	SECRET,
	signedDelivery,
	trigger,
	WEBHOOK_URL,
} from './contexts';
import { intentSucceeded, stripeEvent } from './events';
import { fakeEndpointsApi } from './fakeEndpoints';

/** The signing secret in static data is sealed; only the credential's key opens it. */
const lifecycle = trigger.webhookMethods.default;
const KEY_A = { secretKey: 'sk_test_51SealingKeyA', mode: 'test' };
const KEY_B = { secretKey: 'sk_test_51SealingKeyB', mode: 'test' };

const emitted = (result: IWebhookResponseData) => (result.workflowData?.[0] ?? []).length;

async function createdWith(credential: IDataObject) {
	const fake = fakeEndpointsApi();
	const { hook, staticData } = hookContext({ staticData: {}, credential });
	assert.equal(await lifecycle.checkExists.call(hook), false);
	await lifecycle.create.call(hook);
	return { fake, staticData, secret: 'whsec_fake_1' };
}

describe('Stripe Payments Trigger sealed signing secret', () => {
	beforeEach(() => {
		resetInProcessDedupe();
		nock.disableNetConnect();
	});
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
		restoreRetries();
	});

	it('static data holds no whsec_, and a delivery signed with the endpoint’s secret starts the workflow', async () => {
		const { staticData, secret } = await createdWith(KEY_A);
		assert.doesNotMatch(JSON.stringify(staticData), /whsec_/);
		const { result, response } = await deliver(signedDelivery(intentSucceeded(), { secret }), {
			staticData,
			credential: KEY_A,
		});
		assert.notEqual(response.status, 401, 'not rejected');
		assert.equal(emitted(result), 1);
	});

	it('a credential with another secret key cannot open it: deliveries fail closed, with a log line', async () => {
		const { staticData, secret } = await createdWith(KEY_A);
		const { result, response } = await deliver(signedDelivery(intentSucceeded(), { secret }), {
			staticData,
			credential: KEY_B,
		});
		assert.equal(emitted(result), 0);
		assert.equal(response.status, 401);
	});

	it('after the key changed, the next activation replaces the endpoint with one it can open', async () => {
		const { fake, staticData } = await createdWith(KEY_A);
		const { hook } = hookContext({ staticData, credential: KEY_B });
		assert.equal(await lifecycle.checkExists.call(hook), false);
		await lifecycle.create.call(hook);
		assert.deepEqual([...fake.endpoints.keys()], ['we_fake_2']);
		const { result } = await deliver(
			signedDelivery(intentSucceeded(), { secret: 'whsec_fake_2' }),
			{
				staticData,
				credential: KEY_B,
			},
		);
		assert.equal(emitted(result), 1);
	});

	it('a sealed secret copied into another workflow does not open there', async () => {
		const { staticData, secret } = await createdWith(KEY_A);
		const copied = structuredClone(staticData);
		const sealed = (copied.endpoint as IDataObject).sealedSecret as string;
		(copied.endpoint as IDataObject).id = 'we_other';
		assert.match(sealed, /^seal1\./);
		const { result } = await deliver(signedDelivery(intentSucceeded(), { secret }), {
			staticData: copied,
			credential: KEY_A,
		});
		assert.equal(emitted(result), 0);
	});

	it('0.1.0 plaintext state: read once, then sealed in place (migration)', async () => {
		const staticData = createdEndpointState();
		assert.equal((staticData.endpoint as IDataObject).secret, SECRET);
		const { result } = await deliver(signedDelivery(intentSucceeded()), {
			staticData,
			credential: KEY_A,
		});
		assert.equal(emitted(result), 1);
		assert.doesNotMatch(JSON.stringify(staticData), /whsec_/);
		const anotherPayment = stripeEvent('payment_intent.succeeded', 'payment_intent', {
			id: 'pi_after_migration',
			status: 'succeeded',
		});
		const again = await deliver(signedDelivery(anotherPayment), {
			staticData,
			credential: KEY_A,
		});
		assert.equal(emitted(again.result), 1, 'the sealed secret still verifies');
	});

	it('activation of a 0.1.0 workflow seals the plaintext secret and keeps the endpoint', async () => {
		const staticData = createdEndpointState(['payment_intent.succeeded']);
		const endpoint = staticData.endpoint as IDataObject;
		const fake = fakeEndpointsApi([
			{
				id: endpoint.id,
				url: WEBHOOK_URL,
				enabled_events: [
					'checkout.session.async_payment_succeeded',
					'checkout.session.completed',
					'payment_intent.succeeded',
				],
				api_version: endpoint.apiVersion,
				status: 'enabled',
				metadata: {
					created_by: 'paywire-n8n',
					n8n_workflow_id: 'wf_paywire_1',
					n8n_node_id: 'node-trigger-1',
				},
			},
		]);
		const { hook } = hookContext({ staticData, credential: KEY_A });
		assert.equal(await lifecycle.checkExists.call(hook), true);
		assert.equal(fake.endpoints.size, 1);
		assert.doesNotMatch(JSON.stringify(staticData), /whsec_/);
	});
});
