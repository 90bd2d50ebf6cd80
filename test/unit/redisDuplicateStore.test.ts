import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type Redis from 'ioredis';

import { DONE_RETENTION_SECONDS, PENDING_LEASE_SECONDS } from '../../core/dedupe/duplicateStore';
import { openRedisDuplicateStore } from '../../core/dedupe/redisDuplicateStore';
import { TestRedisServer } from '../helpers/redisServer';

const NAMESPACE = 'paywire:dedupe:wf:node:webhook';

describe('shared duplicate store (real redis-server)', () => {
	const server = new TestRedisServer();
	let first: Redis;
	let second: Redis;

	before(async () => {
		await server.start();
		first = server.client();
		second = server.client();
	});
	after(async () => {
		await Promise.all([first?.quit(), second?.quit()]);
		await server.stop();
	});

	it('claim → in_progress elsewhere (pending, with the lease) → done for the retention', async () => {
		const store = openRedisDuplicateStore(first, NAMESPACE);
		assert.equal(await store.claim('event:evt_1'), 'claimed');
		const ttl = await first.ttl(`${NAMESPACE}:event:evt_1`);
		assert.ok(ttl > 0 && ttl <= PENDING_LEASE_SECONDS, `pending lease ${ttl}`);
		assert.equal(
			await openRedisDuplicateStore(second, NAMESPACE).claim('event:evt_1'),
			'in_progress',
		);
		await store.markDone(['event:evt_1']);
		assert.equal(await openRedisDuplicateStore(second, NAMESPACE).claim('event:evt_1'), 'done');
		const kept = await first.ttl(`${NAMESPACE}:event:evt_1`);
		assert.ok(kept > 3 * 24 * 3600 && kept <= DONE_RETENTION_SECONDS, `retention ${kept}`);
	});

	it('a pending claim whose lease ran out lets the next delivery in (the first one died)', async () => {
		await openRedisDuplicateStore(first, NAMESPACE).claim('event:evt_died');
		await first.pexpire(`${NAMESPACE}:event:evt_died`, 1);
		await new Promise((resolve) => setTimeout(resolve, 20));
		assert.equal(
			await openRedisDuplicateStore(second, NAMESPACE).claim('event:evt_died'),
			'claimed',
		);
	});

	it('release frees only this delivery’s own pending claim, never a done key', async () => {
		const owner = openRedisDuplicateStore(first, NAMESPACE);
		await owner.claim('event:evt_r');
		await openRedisDuplicateStore(second, NAMESPACE).release(['event:evt_r']);
		assert.equal(
			await openRedisDuplicateStore(second, NAMESPACE).claim('event:evt_r'),
			'in_progress',
		);
		await owner.release(['event:evt_r']);
		assert.equal(await openRedisDuplicateStore(second, NAMESPACE).claim('event:evt_r'), 'claimed');
		const done = openRedisDuplicateStore(first, NAMESPACE);
		await done.claim('event:evt_d');
		await done.markDone(['event:evt_d']);
		await done.release(['event:evt_d']);
		assert.equal(await openRedisDuplicateStore(second, NAMESPACE).claim('event:evt_d'), 'done');
	});

	it('200 concurrent claims of one key over two connections: exactly one wins', async () => {
		const claims = Array.from({ length: 200 }, (_, index) =>
			openRedisDuplicateStore(index % 2 ? first : second, NAMESPACE).claim('event:evt_race'),
		);
		const results = await Promise.all(claims);
		assert.equal(results.filter((result) => result === 'claimed').length, 1);
		assert.equal(results.filter((result) => result === 'in_progress').length, 199);
	});

	it('namespaces (workflow, node, mode) are kept apart', async () => {
		await openRedisDuplicateStore(first, NAMESPACE).claim('event:evt_ns');
		const other = openRedisDuplicateStore(first, 'paywire:dedupe:wf:node:manual');
		assert.equal(await other.claim('event:evt_ns'), 'claimed');
	});
});
