import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { openDedupe, resetInProcessDedupe } from '../../../nodes/StripePaymentsTrigger/dedupe';

const persistedKeys = (staticData: IDataObject) =>
	((staticData.processedKeys ?? []) as Array<{ k: string; t: number }>).map((entry) => entry.k);

describe('trigger dedupe store', () => {
	beforeEach(() => resetInProcessDedupe());

	it('a claimed key cannot be claimed again until released', () => {
		const session = openDedupe({}, 'scope', 10);
		assert.equal(session.claim('event:evt_1'), true);
		assert.equal(openDedupe({}, 'scope', 10).claim('event:evt_1'), false);
		session.release(['event:evt_1']);
		assert.equal(openDedupe({}, 'scope', 10).claim('event:evt_1'), true);
	});

	it('a committed key survives the process (static data) and cannot be released', () => {
		const staticData: IDataObject = {};
		const session = openDedupe(staticData, 'scope', 10);
		session.claim('event:evt_1');
		session.commit(['event:evt_1']);
		session.release(['event:evt_1']);
		assert.deepEqual(persistedKeys(staticData), ['event:evt_1']);
		resetInProcessDedupe();
		assert.equal(openDedupe(staticData, 'scope', 10).claim('event:evt_1'), false);
	});

	it('scopes are separate (production and test executions, other triggers)', () => {
		openDedupe({}, 'wf:node:webhook', 10).claim('event:evt_1');
		assert.equal(openDedupe({}, 'wf:node:manual', 10).claim('event:evt_1'), true);
		assert.equal(openDedupe({}, 'wf:other:webhook', 10).claim('event:evt_1'), true);
	});

	it('keys still being processed are never persisted by another delivery’s save', () => {
		const pending = openDedupe({}, 'scope', 10);
		pending.claim('event:evt_pending');
		const staticData: IDataObject = {};
		const other = openDedupe(staticData, 'scope', 10);
		other.claim('event:evt_done');
		other.commit(['event:evt_done']);
		assert.deepEqual(persistedKeys(staticData), ['event:evt_done']);
	});

	it('keeps the newest `capacity` keys, in order, and never drops a pending claim to make room', () => {
		const staticData: IDataObject = {};
		const pending = openDedupe(staticData, 'scope', 3, 1);
		pending.claim('event:evt_pending');
		for (let i = 0; i < 5; i += 1) {
			const session = openDedupe(staticData, 'scope', 3, 100 + i);
			session.claim(`event:evt_${i}`);
			session.commit([`event:evt_${i}`]);
		}
		assert.deepEqual(persistedKeys(staticData), ['event:evt_2', 'event:evt_3', 'event:evt_4']);
		assert.equal(openDedupe({}, 'scope', 3).claim('event:evt_pending'), false);
	});

	it('assigns a new top-level value, so n8n notices the change and saves it', () => {
		const staticData: IDataObject = { processedKeys: [{ k: 'event:evt_old', t: 1 }] };
		const before = staticData.processedKeys;
		const session = openDedupe(staticData, 'scope', 10, 2);
		session.claim('event:evt_new');
		session.commit(['event:evt_new']);
		assert.notEqual(staticData.processedKeys, before);
		assert.deepEqual(persistedKeys(staticData), ['event:evt_old', 'event:evt_new']);
	});

	it('ignores malformed persisted entries instead of failing the delivery', () => {
		const staticData: IDataObject = {
			processedKeys: [{ k: 1 }, 'x', null, { k: 'event:evt_1', t: 5 }] as never,
		};
		assert.equal(openDedupe(staticData, 'scope', 10).claim('event:evt_1'), false);
		assert.equal(openDedupe(staticData, 'scope', 10).claim('event:evt_2'), true);
	});
});
