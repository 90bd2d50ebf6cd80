import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { enabledEventsFor } from '../../../core/stripe/events';
import { restoreRetries, useFastRetries } from '../stripePayments/support';
import {
	hookContext,
	NODE_ID,
	STRIPE_API_VERSION,
	TEST_WEBHOOK_URL,
	trigger,
	WEBHOOK_URL,
	WORKFLOW_ID,
	type ContextOptions,
} from './contexts';
import { endpointsAt, fakeEndpointsApi } from './fakeEndpoints';

const lifecycle = trigger.webhookMethods.default;
const OUR_METADATA = {
	created_by: 'paywire-n8n',
	n8n_workflow_id: WORKFLOW_ID,
	n8n_node_id: NODE_ID,
};

/** What n8n does on publish or restart: checkExists, then create when it answered false. */
async function activate(options: ContextOptions) {
	const { hook, staticData } = hookContext(options);
	const existed = await lifecycle.checkExists.call(hook);
	if (!existed) await lifecycle.create.call(hook);
	return { existed, staticData };
}

function ourEndpoint(id: string, changes: IDataObject = {}): IDataObject {
	return {
		id,
		object: 'webhook_endpoint',
		url: WEBHOOK_URL,
		enabled_events: ['payment_intent.succeeded'],
		api_version: STRIPE_API_VERSION,
		status: 'enabled',
		metadata: { ...OUR_METADATA },
		...changes,
	};
}

const recorded = (id: string, events: string[] = enabledEventsFor(['payment.succeeded'])) => ({
	endpoint: {
		id,
		secret: 'whsec_test_123',
		url: WEBHOOK_URL,
		events,
		apiVersion: STRIPE_API_VERSION,
	},
});

describe('Stripe Payments Trigger endpoint lifecycle (nock)', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
		restoreRetries();
	});

	it('create registers one endpoint: URL, fewest events, pinned api_version, our metadata; keeps id and secret', async () => {
		const fake = fakeEndpointsApi();
		const { existed, staticData } = await activate({});
		assert.equal(existed, false);
		const [endpoint] = endpointsAt(fake, WEBHOOK_URL);
		assert.equal(fake.endpoints.size, 1);
		assert.deepEqual(endpoint.enabled_events, [
			'checkout.session.async_payment_succeeded',
			'checkout.session.completed',
			'payment_intent.succeeded',
		]);
		assert.equal(endpoint.api_version, STRIPE_API_VERSION);
		assert.deepEqual(endpoint.metadata, OUR_METADATA);
		assert.match(String(endpoint.description), /Stripe Payments Trigger/);
		const { sealedSecret, ...stored } = staticData.endpoint as IDataObject;
		assert.deepEqual(stored, {
			id: endpoint.id,
			url: WEBHOOK_URL,
			events: endpoint.enabled_events,
			apiVersion: STRIPE_API_VERSION,
		});
		assert.match(String(sealedSecret), /^seal1\./);
		assert.doesNotMatch(JSON.stringify(staticData), /whsec_/);
	});

	it('checkExists confirms the recorded endpoint after a restart: no second endpoint, no write', async () => {
		const fake = fakeEndpointsApi([
			ourEndpoint('we_1', { enabled_events: enabledEventsFor(['payment.succeeded']) }),
		]);
		const { existed } = await activate({ staticData: recorded('we_1') });
		assert.equal(existed, true);
		assert.equal(fake.endpoints.size, 1);
		assert.deepEqual(
			fake.requests.map((request) => request.method),
			['GET'],
		);
	});

	it('events changed: updates enabled_events in place', async () => {
		const fake = fakeEndpointsApi([
			ourEndpoint('we_1', { enabled_events: enabledEventsFor(['payment.succeeded']) }),
		]);
		const { existed, staticData } = await activate({
			staticData: recorded('we_1'),
			parameters: { events: ['refund.failed'], options: { rawEventTypes: ['payout.paid'] } },
		});
		assert.equal(existed, true);
		assert.deepEqual(fake.endpoints.get('we_1')?.enabled_events, ['payout.paid', 'refund.failed']);
		assert.deepEqual((staticData.endpoint as IDataObject).events, ['payout.paid', 'refund.failed']);
		assert.equal(fake.endpoints.size, 1);
	});

	it('a disabled endpoint is re-enabled', async () => {
		const fake = fakeEndpointsApi([
			ourEndpoint('we_1', {
				enabled_events: enabledEventsFor(['payment.succeeded']),
				status: 'disabled',
			}),
		]);
		await activate({ staticData: recorded('we_1') });
		assert.equal(fake.endpoints.get('we_1')?.status, 'enabled');
	});

	it('lost static data: leftovers of this trigger are deleted, then exactly one is created', async () => {
		const foreign = { id: 'we_foreign', url: WEBHOOK_URL, metadata: {} };
		const otherNode = ourEndpoint('we_other_node', {
			url: 'https://n8n.example.com/webhook/other/webhook',
			metadata: { ...OUR_METADATA, n8n_node_id: 'node-other' },
		});
		const fake = fakeEndpointsApi([
			ourEndpoint('we_old_1'),
			ourEndpoint('we_old_2'),
			foreign,
			otherNode,
		]);
		const { existed, staticData } = await activate({ staticData: {} });
		assert.equal(existed, false);
		const ours = endpointsAt(fake, WEBHOOK_URL).filter((endpoint) => endpoint.id !== 'we_foreign');
		assert.equal(ours.length, 1);
		assert.equal((staticData.endpoint as IDataObject).id, ours[0].id);
		assert.ok(
			fake.endpoints.has('we_foreign'),
			'an endpoint without our metadata is never touched',
		);
		assert.ok(fake.endpoints.has('we_other_node'), 'another trigger’s endpoint is never touched');
	});

	it('an endpoint deleted in the Dashboard is forgotten and created again', async () => {
		const fake = fakeEndpointsApi();
		const { existed, staticData } = await activate({ staticData: recorded('we_gone') });
		assert.equal(existed, false);
		assert.equal(fake.endpoints.size, 1);
		assert.notEqual((staticData.endpoint as IDataObject).id, 'we_gone');
	});

	it('an endpoint pinned to another API version is replaced (api_version cannot be changed)', async () => {
		const fake = fakeEndpointsApi([ourEndpoint('we_1', { api_version: '2024-06-20' })]);
		const { existed } = await activate({ staticData: recorded('we_1') });
		assert.equal(existed, false);
		assert.ok(!fake.endpoints.has('we_1'));
		assert.equal(fake.endpoints.size, 1);
		assert.equal([...fake.endpoints.values()][0].api_version, STRIPE_API_VERSION);
	});

	it('a credential API version override is what new endpoints are pinned to', async () => {
		const fake = fakeEndpointsApi();
		await activate({
			credential: { secretKey: 'sk_test_123', mode: 'test', apiVersion: '2025-09-30.clover' },
		});
		assert.equal([...fake.endpoints.values()][0].api_version, '2025-09-30.clover');
	});

	it('publish, restarts, lost static data and event changes never leave two endpoints', async () => {
		const fake = fakeEndpointsApi();
		let staticData: IDataObject = {};
		const steps: Array<{ lose?: boolean; events?: string[] }> = [
			{},
			{},
			{ lose: true },
			{ events: ['payment.succeeded', 'refund.succeeded'] },
			{ lose: true, events: ['checkout.expired'] },
			{},
		];
		let events = ['payment.succeeded'];
		for (const step of steps) {
			if (step.lose) staticData = {};
			events = step.events ?? events;
			({ staticData } = await activate({ staticData, parameters: { events } }));
			assert.equal(endpointsAt(fake, WEBHOOK_URL).length, 1);
		}
		assert.deepEqual([...fake.endpoints.values()][0].enabled_events, ['checkout.session.expired']);
	});

	it('the test URL gets its own endpoint, and a leftover from an earlier test session is cleaned up', async () => {
		const fake = fakeEndpointsApi([
			ourEndpoint('we_prod'),
			ourEndpoint('we_test_old', { url: TEST_WEBHOOK_URL }),
		]);
		const { staticData } = await activate({
			staticData: {},
			mode: 'manual',
			webhookUrl: TEST_WEBHOOK_URL,
		});
		assert.ok(fake.endpoints.has('we_prod'));
		assert.ok(!fake.endpoints.has('we_test_old'));
		assert.equal(endpointsAt(fake, TEST_WEBHOOK_URL).length, 1);
		assert.equal((staticData.endpoint as IDataObject).url, TEST_WEBHOOK_URL);
	});

	it('create without a secret in Stripe’s answer fails and removes what it created', async () => {
		const fake = fakeEndpointsApi();
		fake.omitSecret = true;
		await assert.rejects(activate({}), /signing secret/);
		assert.equal(fake.endpoints.size, 0);
	});

	describe('delete', () => {
		it('removes the endpoint and forgets it', async () => {
			const fake = fakeEndpointsApi([ourEndpoint('we_1')]);
			const { hook, staticData } = hookContext({ staticData: recorded('we_1') });
			assert.equal(await lifecycle.delete.call(hook), true);
			assert.equal(fake.endpoints.size, 0);
			assert.equal(staticData.endpoint, undefined);
		});

		it('tolerates an endpoint that is already gone, and says so in the log', async () => {
			const fake = fakeEndpointsApi();
			fake.ghosts.push(ourEndpoint('we_1'));
			const { hook, staticData, logged } = hookContext({ staticData: recorded('we_1') });
			assert.equal(await lifecycle.delete.call(hook), true);
			assert.equal(staticData.endpoint, undefined);
			assert.deepEqual(
				fake.requests.map((request) => `${request.method} ${request.path}`),
				['GET /v1/webhook_endpoints?limit=100', 'DELETE /v1/webhook_endpoints/we_1'],
			);
			assert.ok(logged.some((line) => /already deleted/.test(line)));
		});

		it('never raises (n8n would keep its registration): logs the failure, remembers the endpoint', async () => {
			useFastRetries();
			const fake = fakeEndpointsApi([ourEndpoint('we_1')]);
			fake.failDeletesWith = 401;
			const { hook, staticData, logged } = hookContext({ staticData: recorded('we_1') });
			assert.equal(await lifecycle.delete.call(hook), true);
			assert.equal(staticData.endpoint, undefined);
			assert.deepEqual(staticData.leftoverEndpoints, ['we_1']);
			assert.ok(logged.some((line) => /could not remove .*we_1.*next publish/s.test(line)));
			assert.ok(!logged.some((line) => /sk_test_/.test(line)), 'no key in the log');
		});
	});

	describe('manual endpoint mode', () => {
		const manual = (secrets: string[]) => ({
			endpointMode: 'manual',
			signingSecrets: { secret: secrets.map((value) => ({ value })) },
		});

		it('needs at least one secret, each starting with whsec_', async () => {
			fakeEndpointsApi();
			await assert.rejects(
				lifecycle.checkExists.call(hookContext({ parameters: manual([]) }).hook),
				/signing secret/,
			);
			await assert.rejects(
				lifecycle.checkExists.call(
					hookContext({ parameters: manual(['whsec_ok', 'test_123']) }).hook,
				),
				/Signing secret 2 does not start with whsec_/,
			);
		});

		it('registers nothing and calls Stripe not at all', async () => {
			const fake = fakeEndpointsApi([ourEndpoint('we_users_own', { metadata: {} })]);
			const { hook } = hookContext({ parameters: manual(['whsec_test_123']) });
			assert.equal(await lifecycle.checkExists.call(hook), true);
			assert.equal(await lifecycle.delete.call(hook), true);
			assert.deepEqual(fake.requests, []);
		});

		it('switching from automatic deletes the endpoint created before', async () => {
			const fake = fakeEndpointsApi([ourEndpoint('we_1')]);
			const { hook, staticData } = hookContext({
				parameters: manual(['whsec_test_123']),
				staticData: recorded('we_1'),
			});
			assert.equal(await lifecycle.checkExists.call(hook), true);
			assert.equal(fake.endpoints.size, 0);
			assert.equal(staticData.endpoint, undefined);
		});
	});
});
