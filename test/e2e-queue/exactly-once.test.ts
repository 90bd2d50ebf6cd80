/**
 * Exactly once across queue mode's webhook processors (issue 10, Deliver 5): n8n 2.40.7 with
 * Postgres, Redis, main + 2 workers + 2 webhook processors, the packed tarball in each. Stripe is
 * played by this file: signed deliveries straight to the processors, re-sent until answered 2xx.
 * Pass: one execution per event, one "payment succeeded" per payment, 0 lost, with the trigger's
 * shared store. The same burst on the default store is reported, not asserted.
 *   PAYWIRE_QUEUE_EVENTS=1000 (events in the burst), PAYWIRE_QUEUE_PAIRS=100 (card checkouts)
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { clusterFolder, QueueCluster, removeFolder } from './support/cluster';
import { cardCheckoutPair, idsOf, paymentEvents } from './support/events';
import { report } from './support/report';
import { LOCAL_STORE, sharedStore } from './support/store';
import {
	Acknowledgements,
	deliverGroupsAcross,
	deliverTwiceAtOnce,
	resendUnacknowledged,
} from './support/stripeSender';
import {
	activateTrigger,
	inParallel,
	sendEvent,
	settledExecutions,
	tally,
	type ActiveTrigger,
} from './support/trigger';

const EVENTS = Number(process.env.PAYWIRE_QUEUE_EVENTS ?? 1000);
const PAIRS = Number(process.env.PAYWIRE_QUEUE_PAIRS ?? 100);

const { folder, owned } = clusterFolder('queue-exactly-once');
const cluster = new QueueCluster(folder);
let shared: ActiveTrigger;
/** Everything the shared-store trigger has been sent so far, and the executions it must have. */
const sentToShared: Array<Record<string, unknown>> = [];
let expectedShared = 0;

before(
	async () => {
		await cluster.start();
		shared = await activateTrigger(
			cluster,
			'queueSharedTrig1',
			await sharedStore(cluster.rest, cluster.redis.port),
		);
	},
	{ timeout: 600_000 },
);
after(async () => {
	await cluster.stop();
	if (owned) removeFolder(folder);
});

test(`${EVENTS} events, each delivered twice at the same moment to different processors: one execution each`, async () => {
	const events = paymentEvents(EVENTS);
	const acks = new Acknowledgements();
	await deliverTwiceAtOnce(shared, events, acks);
	const unanswered = await resendUnacknowledged(shared, events, acks);
	assert.equal(unanswered.length, 0, 'every event is acknowledged once Stripe re-sends');
	sentToShared.push(...events);
	expectedShared += EVENTS;
	const emitted = await settledExecutions(cluster, shared.workflowId, expectedShared);
	const result = tally(
		emitted.map((item) => item.eventId),
		idsOf(events),
	);
	report('same-moment pairs, shared store', {
		events: EVENTS,
		deliveries: 2 * EVENTS,
		...result,
		acks,
	});
	assert.equal(result.executions, EVENTS);
	assert.equal(result.duplicated, 0);
	assert.deepEqual(result.missing, []);
	assert.ok(emitted.every((item) => item.status === 'success'));
});

test(`${PAIRS} card checkouts, checkout.session.completed and payment_intent.succeeded at different processors: one "payment succeeded" each`, async () => {
	const pairs = Array.from({ length: PAIRS }, cardCheckoutPair);
	const acks = new Acknowledgements();
	await deliverGroupsAcross(
		shared,
		pairs.map((pair) => pair.events),
		acks,
	);
	const events = pairs.flatMap((pair) => pair.events);
	assert.equal((await resendUnacknowledged(shared, events, acks)).length, 0);
	sentToShared.push(...events);
	expectedShared += PAIRS;
	const emitted = await settledExecutions(cluster, shared.workflowId, expectedShared);
	const paymentIds = pairs.map((pair) => pair.paymentId);
	const wanted = new Set(paymentIds);
	const fired = emitted.filter((item) => item.paymentId !== null && wanted.has(item.paymentId));
	const result = tally(
		fired.map((item) => item.paymentId ?? ''),
		paymentIds,
	);
	report('card checkout pairs, shared store', {
		events: 2 * PAIRS,
		payments: PAIRS,
		...result,
		acks,
	});
	assert.ok(fired.every((item) => item.names.includes('payment.succeeded')));
	assert.equal(result.executions, PAIRS);
	assert.equal(result.duplicated, 0);
	assert.deepEqual(result.missing, []);
	assert.equal(emitted.length, expectedShared, 'no other execution appeared');
});

test('re-deliveries after a webhook processor restart start nothing; new events still run once', async () => {
	await cluster.webhookProcessors[0].restart();
	const again = sentToShared.filter((_, index) => index % 4 === 0);
	const acks = new Acknowledgements();
	await inParallel(again, 8, async (event, index) => {
		acks.record(String(event.id), await sendEvent(shared.urls[index % 2], shared.secret, event));
	});
	assert.equal((await resendUnacknowledged(shared, again, acks)).length, 0);
	const fresh = paymentEvents(20);
	const freshAcks = new Acknowledgements();
	await deliverTwiceAtOnce(shared, fresh, freshAcks);
	assert.equal((await resendUnacknowledged(shared, fresh, freshAcks)).length, 0);
	sentToShared.push(...fresh);
	expectedShared += fresh.length;
	const emitted = await settledExecutions(cluster, shared.workflowId, expectedShared);
	report('re-deliveries after a processor restart, shared store', {
		events: again.length + fresh.length,
		executions: emitted.length - (expectedShared - fresh.length),
		acks,
	});
	assert.equal(emitted.length, expectedShared);
	assert.deepEqual(
		tally(
			emitted.map((item) => item.eventId),
			idsOf(fresh),
		).missing,
		[],
	);
});

test('kill -9 of a webhook processor mid-stream, then Stripe re-sends: 0 lost, 0 duplicates', async () => {
	const events = paymentEvents(Math.max(100, Math.round(EVENTS / 4)));
	const acks = new Acknowledgements();
	const victim = cluster.webhookProcessors[0];
	let killed: Promise<void> | undefined;
	await inParallel(events, 8, async (event, index) => {
		if (index === Math.floor(events.length / 3)) killed = victim.kill();
		acks.record(String(event.id), await sendEvent(shared.urls[index % 2], shared.secret, event));
	});
	await killed;
	const acknowledgedInStream = new Set(idsOf(events).filter((id) => acks.has(id)));
	await victim.start();
	const unanswered = await resendUnacknowledged(shared, events, acks);
	assert.equal(unanswered.length, 0, 'every event is acknowledged once Stripe re-sends');
	sentToShared.push(...events);
	expectedShared += events.length;
	const emitted = await settledExecutions(cluster, shared.workflowId, expectedShared);
	const result = tally(
		emitted.map((item) => item.eventId),
		idsOf(events),
	);
	const lost = result.missing.filter((id) => acknowledgedInStream.has(id));
	report('kill -9 mid-stream, shared store', {
		events: events.length,
		acknowledgedBeforeResend: acknowledgedInStream.size,
		...result,
		lost: lost.length,
		acks,
	});
	assert.equal(lost.length, 0, 'acknowledged events that never ran');
	assert.equal(result.duplicated, 0);
	assert.deepEqual(result.missing, []);
	assert.equal(emitted.length, expectedShared);
});

test(`reported: the same burst on the default store ("this n8n only")`, async () => {
	const local = await activateTrigger(cluster, 'queueLocalTrig01', LOCAL_STORE);
	const events = paymentEvents(EVENTS);
	const acks = new Acknowledgements();
	await deliverTwiceAtOnce(local, events, acks);
	await resendUnacknowledged(local, events, acks);
	const emitted = await settledExecutions(cluster, local.workflowId, 1);
	const result = tally(
		emitted.map((item) => item.eventId),
		idsOf(events),
	);
	report('same-moment pairs, default store (reported, not asserted)', {
		events: EVENTS,
		deliveries: 2 * EVENTS,
		...result,
		duplicateRate: `${((100 * result.duplicated) / EVENTS).toFixed(1)}%`,
		acks,
	});
});
