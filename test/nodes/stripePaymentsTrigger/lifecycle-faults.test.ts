import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { STRIPE_API_VERSION } from '../../../core/stripe/apiVersion';
import { restoreRetries, useFastRetries } from '../stripePayments/support';
import { hookContext, NODE_ID, trigger, WEBHOOK_URL, WORKFLOW_ID } from './contexts';
import { endpointsAt, fakeEndpointsApi } from './fakeEndpoints';

/**
 * The lifecycle when Stripe fails, called the way n8n 2.40.7 calls it: activation runs
 * checkExists then create; when either throws, n8n's clean-up (clearWebhooks) runs delete with the
 * workflow's stored static data, and n8n keeps its webhook registration if delete throws.
 */
const lifecycle = trigger.webhookMethods.default;

async function activate(staticData: IDataObject, webhookUrl = WEBHOOK_URL) {
	const { hook, logged } = hookContext({ staticData, webhookUrl });
	if (!(await lifecycle.checkExists.call(hook))) await lifecycle.create.call(hook);
	return logged;
}

/** Activation as n8n runs it: on failure, clean-up with the static data stored before. */
async function activateLikeN8n(
	stored: IDataObject,
): Promise<{ error?: Error; stored: IDataObject }> {
	const working = structuredClone(stored);
	try {
		await activate(working);
		return { stored: working };
	} catch (error) {
		const cleanup = structuredClone(stored);
		const cleanedUp = await lifecycle.delete.call(hookContext({ staticData: cleanup }).hook);
		assert.equal(cleanedUp, true, 'delete must not throw during n8n’s clean-up');
		return { error: error as Error, stored: cleanup };
	}
}

const ours = (id: string, url = WEBHOOK_URL): IDataObject => ({
	id,
	url,
	enabled_events: ['payment_intent.succeeded'],
	api_version: STRIPE_API_VERSION,
	status: 'enabled',
	metadata: { created_by: 'paywire-n8n', n8n_workflow_id: WORKFLOW_ID, n8n_node_id: NODE_ID },
});

describe('Stripe Payments Trigger lifecycle under Stripe failures (nock)', () => {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
		restoreRetries();
	});

	it('Stripe 500 on listing: a visible error about endpoints, one attempt (n8n retries), nothing registered', async () => {
		const fake = fakeEndpointsApi();
		fake.failListsWith = 500;
		const { error } = await activateLikeN8n({});
		assert.match(String(error?.message), /Could not check the Stripe webhook endpoints/);
		assert.match(String(error?.message), /HTTP 500/);
		assert.doesNotMatch(String(error?.message), /idempotency/i);
		assert.match(String((error as { description?: string }).description), /not listening/);
		// One attempt in activation (n8n 2.40.7 retries the registration 5 times itself), then two
		// for the clean-up's list.
		assert.equal(fake.requests.filter((request) => request.method === 'GET').length, 3);
		assert.equal(fake.endpoints.size, 0);
	});

	it('Stripe 500 on creation: visible error; after the faults clear, activation gives exactly one', async () => {
		useFastRetries();
		const fake = fakeEndpointsApi();
		fake.failCreatesWith = 500;
		const failed = await activateLikeN8n({});
		assert.match(String(failed.error?.message), /Could not create the Stripe webhook endpoint/);
		assert.doesNotMatch(String(failed.error?.message), /idempotency/i);
		fake.failCreatesWith = undefined;
		const again = await activateLikeN8n(failed.stored);
		assert.equal(again.error, undefined);
		assert.equal(endpointsAt(fake, WEBHOOK_URL).length, 1);
		assert.equal((again.stored.endpoint as IDataObject).id, [...fake.endpoints.keys()][0]);
	});

	it('a leftover that cannot be deleted during activation is an error naming it, not a second endpoint', async () => {
		useFastRetries();
		const fake = fakeEndpointsApi([ours('we_old')]);
		fake.failDeletesWith = 500;
		const { error } = await activateLikeN8n({});
		assert.match(String(error?.message), /old Stripe webhook endpoint we_old/);
		assert.equal(fake.endpoints.size, 1);
		assert.ok(!fake.requests.some((request) => request.method === 'POST'), 'nothing created');
	});

	it('a failed deactivation is logged and remembered; the next activation deletes the leftover', async () => {
		useFastRetries();
		const fake = fakeEndpointsApi();
		const stored: IDataObject = {};
		await activate(stored);
		const first = String(stored.endpoint && (stored.endpoint as IDataObject).id);
		fake.failDeletesWith = 500;
		const { hook, logged } = hookContext({ staticData: stored });
		assert.equal(await lifecycle.delete.call(hook), true);
		assert.ok(logged.some((line) => line.includes(first) && /could not remove/.test(line)));
		assert.deepEqual(stored.leftoverEndpoints, [first]);
		// Published again under another URL (WEBHOOK_URL changed): only the remembered id finds it.
		fake.failDeletesWith = undefined;
		const moved = 'https://n8n.example.org/webhook/4f1c2c7e-trigger/webhook';
		await activate(stored, moved);
		assert.ok(!fake.endpoints.has(first), 'the leftover is deleted');
		assert.equal(fake.endpoints.size, 1);
		assert.equal(stored.leftoverEndpoints, undefined);
	});

	it('a leftover that still cannot be deleted does not block activation and stays remembered', async () => {
		useFastRetries();
		const fake = fakeEndpointsApi([ours('we_elsewhere', 'https://old.example.com/webhook/x')]);
		fake.failDeletesWith = 500;
		const stored: IDataObject = { leftoverEndpoints: ['we_elsewhere'] };
		await activate(stored);
		assert.equal(endpointsAt(fake, WEBHOOK_URL).length, 1);
		assert.deepEqual(stored.leftoverEndpoints, ['we_elsewhere']);
	});
});
