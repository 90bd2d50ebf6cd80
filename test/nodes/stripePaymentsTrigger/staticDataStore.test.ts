import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { PENDING_LEASE_SECONDS } from '../../../core/dedupe/duplicateStore';
import {
	openStaticDataStore,
	resetInProcessDedupe,
} from '../../../nodes/StripePaymentsTrigger/staticDataStore';

const persistedKeys = (staticData: IDataObject) =>
	(staticData.processedKeys as Array<{ k: string }>).map((entry) => entry.k);

async function remember(staticData: IDataObject, keys: string[], now: number, capacity = 10) {
	const store = openStaticDataStore(staticData, 'scope', capacity, now);
	for (const key of keys) assert.equal(await store.claim(key), 'claimed');
	await store.markDone(keys);
}

describe('static-data duplicate store ("this n8n only")', () => {
	beforeEach(() => resetInProcessDedupe());

	it('claim → in_progress for a concurrent delivery in this process → done once marked', async () => {
		const store = openStaticDataStore({}, 'scope', 10);
		assert.equal(await store.claim('event:evt_1'), 'claimed');
		assert.equal(await openStaticDataStore({}, 'scope', 10).claim('event:evt_1'), 'in_progress');
		await store.markDone(['event:evt_1']);
		assert.equal(await openStaticDataStore({}, 'scope', 10).claim('event:evt_1'), 'done');
	});

	it('a released claim can be claimed again (processing failed before an execution existed)', async () => {
		const store = openStaticDataStore({}, 'scope', 10);
		await store.claim('event:evt_1');
		await store.release(['event:evt_1']);
		assert.equal(await openStaticDataStore({}, 'scope', 10).claim('event:evt_1'), 'claimed');
	});

	it('a pending claim expires after the lease: a start that failed silently never blocks the retry', async () => {
		await openStaticDataStore({}, 'scope', 10, 1000).claim('event:evt_1');
		const soon = openStaticDataStore({}, 'scope', 10, 1000 + PENDING_LEASE_SECONDS - 1);
		assert.equal(await soon.claim('event:evt_1'), 'in_progress');
		const later = openStaticDataStore({}, 'scope', 10, 1000 + PENDING_LEASE_SECONDS);
		assert.equal(await later.claim('event:evt_1'), 'claimed');
	});

	it('pending claims are never persisted; done keys survive a restart through static data', async () => {
		const staticData: IDataObject = {};
		await openStaticDataStore(staticData, 'scope', 10).claim('event:evt_pending');
		await remember(staticData, ['event:evt_done'], 5);
		assert.deepEqual(persistedKeys(staticData), ['event:evt_done']);
		resetInProcessDedupe();
		assert.equal(
			await openStaticDataStore(staticData, 'scope', 10).claim('event:evt_done'),
			'done',
		);
		assert.equal(
			await openStaticDataStore(staticData, 'scope', 10).claim('event:evt_pending'),
			'claimed',
		);
	});

	it('scopes (workflow, node, mode) are kept apart', async () => {
		await openStaticDataStore({}, 'wf:node:webhook', 10).claim('event:evt_1');
		assert.equal(
			await openStaticDataStore({}, 'wf:node:manual', 10).claim('event:evt_1'),
			'claimed',
		);
		assert.equal(
			await openStaticDataStore({}, 'wf:other:webhook', 10).claim('event:evt_1'),
			'claimed',
		);
	});

	it('keeps the newest `capacity` event keys, in order', async () => {
		const staticData: IDataObject = {};
		for (let i = 0; i < 5; i += 1) await remember(staticData, [`event:evt_${i}`], 100 + i, 3);
		assert.deepEqual(persistedKeys(staticData), ['event:evt_2', 'event:evt_3', 'event:evt_4']);
	});

	it('remembers N events, not N/2, when each event also stores a once-per-payment key', async () => {
		// 0.1.0 bounded event ids and once-keys together; the numbers (N = 1000, events
		// 501–1000) are in webhook.test.ts.
		const staticData: IDataObject = {};
		for (let i = 1; i <= 10; i += 1) {
			await remember(staticData, [`event:evt_${i}`, `payment.succeeded:pi_${i}`], i, 10);
		}
		resetInProcessDedupe();
		const store = openStaticDataStore(staticData, 'scope', 10, 100);
		for (let i = 1; i <= 10; i += 1) {
			assert.equal(await store.claim(`event:evt_${i}`), 'done', `event ${i}`);
			assert.equal(await store.claim(`payment.succeeded:pi_${i}`), 'done', `payment ${i}`);
		}
		await remember(staticData, ['event:evt_11'], 11, 10);
		resetInProcessDedupe();
		const after = openStaticDataStore(staticData, 'scope', 10, 200);
		assert.equal(await after.claim('event:evt_1'), 'claimed', 'the oldest event makes room');
		assert.equal(await after.claim('event:evt_2'), 'done');
	});

	it('each save writes back every key this process completed (repairs a lost static-data update)', async () => {
		const first: IDataObject = {};
		const second: IDataObject = {};
		await remember(first, ['event:evt_a'], 1);
		await remember(second, ['event:evt_b'], 2);
		assert.deepEqual(persistedKeys(second), ['event:evt_a', 'event:evt_b']);
	});

	it('assigns a new top-level value, so n8n notices the change and saves it', async () => {
		const staticData: IDataObject = { processedKeys: [{ k: 'event:evt_old', t: 1 }] };
		const before = staticData.processedKeys;
		await remember(staticData, ['event:evt_new'], 2);
		assert.notEqual(staticData.processedKeys, before);
		assert.deepEqual(persistedKeys(staticData), ['event:evt_old', 'event:evt_new']);
	});

	it('ignores malformed persisted entries instead of failing the delivery', async () => {
		const staticData: IDataObject = {
			processedKeys: [{ k: 1 }, 'x', null, { k: 'event:evt_1', t: 5 }] as never,
		};
		assert.equal(await openStaticDataStore(staticData, 'scope', 10).claim('event:evt_1'), 'done');
		assert.equal(
			await openStaticDataStore(staticData, 'scope', 10).claim('event:evt_2'),
			'claimed',
		);
	});
});
