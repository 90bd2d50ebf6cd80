import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { paymentIntentObject, stripeEvent } from '../e2e/support/deliveries';
import { clusterFolder, QueueCluster, removeFolder } from './support/cluster';
import { activateTrigger, sendEvent, settledExecutions, tally } from './support/trigger';

const { folder, owned } = clusterFolder('queue-smoke');
const cluster = new QueueCluster(folder);

before(async () => await cluster.start(), { timeout: 600_000 });
after(async () => {
	await cluster.stop();
	if (owned) removeFolder(folder);
});

test('smoke', async () => {
	const trigger = await activateTrigger(cluster, 'queueSmokeTrig01');
	const events = Array.from({ length: 5 }, () =>
		stripeEvent('payment_intent.succeeded', paymentIntentObject()),
	);
	for (const [index, event] of events.entries()) {
		assert.equal(await sendEvent(trigger.urls[index % 2], trigger.secret, event), 200);
	}
	const emitted = await settledExecutions(cluster, trigger.workflowId, 5);
	console.log(emitted);
	const result = tally(emitted.map((item) => item.eventId), events.map((event) => String(event.id)));
	assert.deepEqual(result, { executions: 5, duplicated: 0, missing: [] });
});
