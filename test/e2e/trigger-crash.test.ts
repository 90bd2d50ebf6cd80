import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { nodeOutput } from '../../scripts/lib/n8nRest';
import { delay, pollUntil } from '../../scripts/lib/wait';
import { deliver, paymentIntentObject, stripeEvent } from './support/deliveries';
import { startSuite, type E2eSuite } from './support/suite';
import { waitForWebhook } from './support/webhooks';
import { publishTrigger } from './support/triggers';
import { TRIGGER_NODE } from './support/workflows';

/**
 * kill -9 of n8n during a stream of valid events, restart, then every event sent again with a fresh
 * signature (as Stripe retries what it did not see acknowledged, and as a Dashboard resend would do
 * for the rest). Counted from n8n's executions: no event answered 2xx may lack an execution, and no
 * event may have two.
 */

const EVENTS = 80;
const RATE_PER_SECOND = 20;
/** The kill comes as this many events have been acknowledged (a loaded machine answers slowly). */
const KILL_AFTER_ACKNOWLEDGED = 15;

describe('kill -9 of n8n during a stream of deliveries (default duplicate store)', () => {
	let suite: E2eSuite;
	const workflowId = 'e2eCrashStream01';
	let endpoint = '';
	let webhookUrl = '';

	/** Event id of every recorded execution of the workflow (any status), oldest first. */
	const executedEventIds = async (): Promise<string[]> => {
		const executions = await suite.rest.executions(workflowId);
		const ids: string[] = [];
		for (const execution of [...executions].sort((a, b) => Number(a.id) - Number(b.id))) {
			const items = nodeOutput(await suite.rest.executionData(execution.id), TRIGGER_NODE);
			ids.push(String((items[0]?.event as Record<string, unknown> | undefined)?.id));
		}
		return ids;
	};

	/** Waits until the number of recorded executions stops changing (bounded). */
	const settledCount = async (atLeast: number) =>
		await pollUntil(
			async () => {
				const first = (await suite.rest.executions(workflowId)).length;
				await delay(1500);
				const second = (await suite.rest.executions(workflowId)).length;
				return second === first && second >= atLeast ? second : undefined;
			},
			{ timeoutMs: 90_000, intervalMs: 100, description: 'executions to settle' },
		);

	before(async () => {
		suite = await startSuite('crash');
		({ id: endpoint, url: webhookUrl } = await publishTrigger(suite, workflowId, [
			'payment.succeeded',
		]));
	});
	after(async () => await suite?.stop());

	it('acknowledged but never executed: 0; after re-sending every event, duplicates: 0', async () => {
		const events = Array.from({ length: EVENTS }, () =>
			stripeEvent('payment_intent.succeeded', paymentIntentObject()),
		);
		const statusOf = new Map<string, number | null>();
		const errors: string[] = [];
		let acknowledgedSoFar = 0;
		let enoughAcknowledged: () => void = () => undefined;
		const killPoint = new Promise<void>((resolve) => (enoughAcknowledged = resolve));
		const started = Date.now();
		const stream = events.map(async (event, index) => {
			await delay(Math.max(0, started + (index * 1000) / RATE_PER_SECOND - Date.now()));
			const result = await deliver(suite.emulator.url, { endpoint, event, timeoutMs: 20_000 });
			const { status, error } = result.deliveries[0];
			statusOf.set(String(event.id), status);
			if (error) errors.push(error);
			if (status === 200 && ++acknowledgedSoFar === KILL_AFTER_ACKNOWLEDGED) enoughAcknowledged();
		});
		// Mid-stream (however loaded the machine): some events acknowledged, others in flight.
		await Promise.race([killPoint, delay(90_000)]);
		const killedAfterMs = Date.now() - started;
		const pid = suite.n8n.pid;
		assert.ok(pid);
		process.kill(-pid, 'SIGKILL');
		await Promise.all(stream);
		await pollUntil(
			async () => {
				try {
					process.kill(-pid, 0);
					return undefined;
				} catch {
					return true;
				}
			},
			{ timeoutMs: 20_000, intervalMs: 100, description: 'n8n to die' },
		);
		await delay(500); // the child's exit event reaches N8nProcess
		const acknowledged = events
			.map((event) => String(event.id))
			.filter((id) => (statusOf.get(id) ?? 0) >= 200 && (statusOf.get(id) ?? 0) < 300);
		const answers = JSON.stringify(countBy([...statusOf.values()]));
		assert.ok(
			acknowledged.length > 0,
			`none acknowledged before the kill: ${answers} ${errors[0]}`,
		);
		assert.ok(acknowledged.length < EVENTS, 'the kill came mid-stream');

		await suite.n8n.start();
		await waitForWebhook(webhookUrl);
		await settledCount(0);
		const afterRestart = new Set(await executedEventIds());
		const lost = acknowledged.filter((id) => !afterRestart.has(id));

		const resent: Array<number | null> = [];
		for (const event of events) {
			const result = await deliver(suite.emulator.url, { endpoint, event });
			resent.push(result.deliveries[0].status);
		}
		await settledCount(EVENTS);
		const executed = await executedEventIds();
		const runs = new Map<string, number>();
		for (const id of executed) runs.set(id, (runs.get(id) ?? 0) + 1);
		const duplicates = [...runs.values()].filter((count) => count > 1).length;
		const never = events.filter((event) => !runs.has(String(event.id))).length;
		console.log(
			`crash stream: ${EVENTS} events at ${RATE_PER_SECOND}/s, kill -9 at acknowledgement ` +
				`${KILL_AFTER_ACKNOWLEDGED}, ${killedAfterMs} ms after the first send; ` +
				`acknowledged before the kill ${acknowledged.length}, executions after restart ` +
				`${afterRestart.size}, acknowledged but never executed ${lost.length}; re-sent ${EVENTS} ` +
				`(answers ${JSON.stringify(countBy(resent))}); executions ${executed.length}, ` +
				`events with two or more ${duplicates}, events never executed ${never}`,
		);
		assert.deepEqual(lost, [], 'acknowledged but never executed');
		assert.equal(duplicates, 0, 'events executed twice');
		assert.equal(never, 0, 'every event ran once in the end');
	});
});

function countBy(values: Array<number | null>): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
	return counts;
}
