import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { freePort } from '../../../scripts/lib/ports';
import { closeRedisConnections } from '../../../nodes/StripePaymentsTrigger/redisConnection';
import { resetInProcessDedupe } from '../../../nodes/StripePaymentsTrigger/staticDataStore';
import { TestRedisServer } from '../../helpers/redisServer';
import { createdEndpointState, deliver, signedDelivery } from './contexts';
import { checkoutCompleted, intentSucceeded } from './events';

const BOTH = ['payment.succeeded', 'checkout.completed'];

describe('Stripe Payments Trigger with the shared duplicate store (real redis-server)', () => {
	const server = new TestRedisServer();
	let redis: IDataObject;
	const shared = (extra: IDataObject = {}) => ({
		parameters: { duplicateStore: 'redis', ...extra },
		credentials: { redis },
	});

	before(async () => {
		await server.start();
		redis = { host: '127.0.0.1', port: server.port, database: 0, password: '', ssl: false };
	});
	beforeEach(async () => {
		resetInProcessDedupe();
		const client = server.client();
		await client.flushall();
		await client.quit();
	});
	after(async () => {
		await closeRedisConnections();
		await server.stop();
	});

	it('one execution per event across processes; no static data written per delivery', async () => {
		const delivery = signedDelivery(intentSucceeded('evt_shared_1'));
		// Two "processes": separate static data copies and no shared in-process table.
		const first = await deliver(delivery, { staticData: createdEndpointState(), ...shared() });
		resetInProcessDedupe();
		const second = await deliver(delivery, { staticData: createdEndpointState(), ...shared() });
		assert.equal(first.result.workflowData?.length, 1);
		assert.deepEqual(second.result, {});
		assert.equal(first.staticData.processedKeys, undefined);
		assert.equal(second.staticData.processedKeys, undefined);
	});

	it('same-moment deliveries to two processes: one execution, the other 409 or 200', async () => {
		const delivery = signedDelivery(intentSucceeded('evt_shared_race'));
		const outcomes = await Promise.all(
			Array.from({ length: 6 }, () =>
				deliver(delivery, { staticData: createdEndpointState(), ...shared() }),
			),
		);
		assert.equal(outcomes.filter((outcome) => outcome.result.workflowData).length, 1);
	});

	it('the other event of a payment arriving while the first is in flight → 409, then dropped once done', async () => {
		const inFlight = await deliver(signedDelivery(checkoutCompleted('paid')), {
			staticData: createdEndpointState(),
			crashBeforeRecorded: true,
			...shared(),
		});
		resetInProcessDedupe();
		const delivery = signedDelivery(intentSucceeded('evt_shared_pair'));
		const during = await deliver(delivery, { staticData: createdEndpointState(), ...shared() });
		assert.equal(during.response.status, 409);
		assert.ok(inFlight.result.webhookResponse, 'the first execution is recorded');
		await new Promise((resolve) => setTimeout(resolve, 20)); // its done marks reach Redis
		const retried = await deliver(delivery, { staticData: createdEndpointState(), ...shared() });
		assert.deepEqual(retried.result, {});
	});

	it('a card checkout split across processes fires payment.succeeded once (once-keys shared)', async () => {
		const checkout = await deliver(signedDelivery(checkoutCompleted('paid')), {
			staticData: createdEndpointState(),
			...shared({ events: BOTH }),
		});
		resetInProcessDedupe();
		const intent = await deliver(signedDelivery(intentSucceeded('evt_shared_pi')), {
			staticData: createdEndpointState(),
			...shared({ events: BOTH }),
		});
		const names = (checkout.result.workflowData?.[0][0].json.names ?? []) as string[];
		assert.ok(names.includes('payment.succeeded'));
		assert.deepEqual(intent.result, {});
	});

	it('a claim that never became an execution blocks only for its lease, then Stripe’s retry runs', async () => {
		const delivery = signedDelivery(intentSucceeded('evt_shared_crash'));
		await deliver(delivery, {
			staticData: createdEndpointState(),
			crashBeforeRecorded: true,
			...shared(),
		});
		const during = await deliver(delivery, { staticData: createdEndpointState(), ...shared() });
		assert.equal(during.response.status, 409);
		const client = server.client();
		// The lease runs out: the event id's and the payment's once-key.
		for (const key of await client.keys('paywire:dedupe:*')) await client.pexpire(key, 1);
		await new Promise((resolve) => setTimeout(resolve, 20));
		await client.quit();
		const retried = await deliver(delivery, { staticData: createdEndpointState(), ...shared() });
		assert.equal(retried.result.workflowData?.length, 1);
	});

	it('store unreachable → 503 naming the Redis address and what to fix; nothing starts', async () => {
		const closedPort = await freePort();
		const outcome = await deliver(signedDelivery(intentSucceeded('evt_shared_down')), {
			staticData: createdEndpointState(),
			parameters: { duplicateStore: 'redis' },
			credentials: { redis: { host: '127.0.0.1', port: closedPort, database: 0 } },
		});
		assert.equal(outcome.response.status, 503);
		assert.equal(outcome.result.workflowData, undefined);
		const message = (outcome.response.body as { error: string }).error;
		assert.match(message, new RegExp(`Redis at 127\\.0\\.0\\.1:${closedPort}`));
		assert.match(message, /Redis credential/);
		assert.match(message, /Stripe will deliver this event again/);
	});
});
