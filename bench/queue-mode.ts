/**
 * Queue-mode throughput (issue 11, Deliver 2) on the queue-mode harness of test/e2e-queue: n8n
 * 2.40.7 with Postgres, Redis, main + 2 workers + 2 webhook processors, the packed tarball in each.
 *   1. Deliveries accepted (answered 2xx) and fully processed (execution finished) per second
 *      through ONE webhook processor and through TWO, with the shared duplicate store: a closed
 *      loop of CONCURRENCY senders, new event ids, blocks alternating one/two; ratio two / one.
 *   2. The per-delivery cost of the shared store against static data ("this n8n only") on one
 *      process: sequential deliveries to one webhook processor, each on an idle cluster,
 *      workflows interleaved; p50/p99 of the acknowledgement, and the sustained rate of each.
 * The machine's load average is recorded. Bounded in count and time; never fails on a timing.
 * Writes bench/results/queue-mode.json (chart: npm run bench:plot).
 *   npm run bench:queue-mode        (PAYWIRE_TARBALL=<tgz> to skip packing)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { REPO_ROOT } from '../scripts/lib/n8nCache';
import { delay } from '../scripts/lib/wait';
import { clusterFolder, QueueCluster, removeFolder } from '../test/e2e-queue/support/cluster';
import { paymentEvents } from '../test/e2e-queue/support/events';
import { LOCAL_STORE, sharedStore } from '../test/e2e-queue/support/store';
import { activateTrigger, sendEvent, type ActiveTrigger } from '../test/e2e-queue/support/trigger';
import { latencySummary, round2 } from './latency';

const PER_BLOCK = Number(process.env.BENCH_QUEUE_PER_BLOCK ?? 200);
const BLOCKS = Number(process.env.BENCH_QUEUE_BLOCKS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_QUEUE_CONCURRENCY ?? 16);
const SEQUENTIAL = Number(process.env.BENCH_QUEUE_SEQUENTIAL ?? 100);
const WARMUP = 20;
const PHASE_DEADLINE_MS = 300_000;

let cluster: QueueCluster;

interface Target {
	trigger: ActiveTrigger;
	/** Executions this target's workflow must reach once everything sent so far has run. */
	expected: number;
}

/** Waits (bounded) until every delivery sent to the target so far has a finished execution. */
async function settle(target: Target): Promise<void> {
	for (let attempt = 0; attempt < 6000; attempt++) {
		const { finished } = await cluster.executionCounts(target.trigger.workflowId);
		if (finished >= target.expected) return;
		await delay(20);
	}
	throw new Error(`${target.trigger.workflowId}: executions did not finish`);
}

/** One new event to one URL; throws on anything but 200 (each event id is new). */
async function deliverOne(target: Target, url: string): Promise<number> {
	const [event] = paymentEvents(1);
	const started = performance.now();
	const status = await sendEvent(url, target.trigger.secret, event);
	const elapsed = performance.now() - started;
	if (status !== 200) throw new Error(`${url} answered ${status}`);
	target.expected += 1;
	return elapsed;
}

/** A closed loop of CONCURRENCY senders over `urls` (round robin), then the time to finish. */
async function block(target: Target, urls: string[]) {
	let sent = 0;
	const started = performance.now();
	const deadline = Date.now() + PHASE_DEADLINE_MS;
	const sender = async () => {
		while (sent < PER_BLOCK && Date.now() < deadline) {
			const url = urls[sent++ % urls.length];
			await deliverOne(target, url);
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, sender));
	const acceptedMs = performance.now() - started;
	await settle(target);
	return { deliveries: sent, acceptedMs, processedMs: performance.now() - started };
}

async function throughput(target: Target) {
	const layouts = { one: [target.trigger.urls[0]], two: target.trigger.urls.slice(0, 2) };
	const totals = {
		one: { deliveries: 0, acceptedMs: 0, processedMs: 0 },
		two: { deliveries: 0, acceptedMs: 0, processedMs: 0 },
	};
	await block(target, layouts.two); // warm-up: both processors, both workers
	for (let index = 0; index < BLOCKS; index++) {
		for (const layout of index % 2 ? (['two', 'one'] as const) : (['one', 'two'] as const)) {
			const result = await block(target, layouts[layout]);
			totals[layout].deliveries += result.deliveries;
			totals[layout].acceptedMs += result.acceptedMs;
			totals[layout].processedMs += result.processedMs;
		}
	}
	const rates = (layout: 'one' | 'two') => ({
		deliveries: totals[layout].deliveries,
		acceptedPerSecond: round2(totals[layout].deliveries / (totals[layout].acceptedMs / 1000)),
		processedPerSecond: round2(totals[layout].deliveries / (totals[layout].processedMs / 1000)),
	});
	const one = rates('one');
	const two = rates('two');
	return {
		oneProcessor: one,
		twoProcessors: two,
		ratiosTwoOverOne: {
			accepted: round2(two.acceptedPerSecond / one.acceptedPerSecond),
			processed: round2(two.processedPerSecond / one.processedPerSecond),
		},
	};
}

async function storeCost(shared: Target, local: Target) {
	const samples = new Map<Target, number[]>([
		[shared, []],
		[local, []],
	]);
	const deadline = Date.now() + PHASE_DEADLINE_MS;
	for (let round = 0; round < WARMUP + SEQUENTIAL && Date.now() < deadline; round++) {
		for (const target of round % 2 ? [local, shared] : [shared, local]) {
			const elapsed = await deliverOne(target, target.trigger.urls[0]);
			await settle(target);
			if (round >= WARMUP) samples.get(target)!.push(elapsed);
		}
	}
	const sharedLatency = latencySummary(samples.get(shared)!);
	const localLatency = latencySummary(samples.get(local)!);
	const sustained = async (target: Target) => {
		let deliveries = 0;
		let ms = 0;
		for (let index = 0; index < 2; index++) {
			const result = await block(target, [target.trigger.urls[0]]);
			deliveries += result.deliveries;
			ms += result.processedMs;
		}
		return round2(deliveries / (ms / 1000));
	};
	const sharedRate = await sustained(shared);
	const localRate = await sustained(local);
	return {
		sequential: { perTarget: SEQUENTIAL, sharedStore: sharedLatency, staticData: localLatency },
		perDeliveryCostMs: {
			p50: round2(sharedLatency.p50Ms - localLatency.p50Ms),
			mean: round2(sharedLatency.meanMs - localLatency.meanMs),
		},
		ratiosSharedOverStatic: {
			p50: round2(sharedLatency.p50Ms / localLatency.p50Ms),
			processedPerSecond: round2(sharedRate / localRate),
		},
		processedPerSecondOneProcessor: { sharedStore: sharedRate, staticData: localRate },
	};
}

async function main(): Promise<void> {
	const loadAtStart = loadavg().map(round2);
	const { folder, owned } = clusterFolder('bench-queue-mode');
	cluster = new QueueCluster(folder);
	try {
		await cluster.start();
		const shared: Target = {
			trigger: await activateTrigger(
				cluster,
				'benchQueueShared',
				await sharedStore(cluster.rest, cluster.redis.port),
			),
			expected: 0,
		};
		const local: Target = {
			trigger: await activateTrigger(cluster, 'benchQueueLocal1', LOCAL_STORE),
			expected: 0,
		};
		const scaling = await throughput(shared);
		console.log(
			`one webhook processor: ${scaling.oneProcessor.acceptedPerSecond} accepted/s, ${scaling.oneProcessor.processedPerSecond} processed/s`,
		);
		console.log(
			`two webhook processors: ${scaling.twoProcessors.acceptedPerSecond} accepted/s, ${scaling.twoProcessors.processedPerSecond} processed/s`,
		);
		console.log(
			`two / one: accepted ${scaling.ratiosTwoOverOne.accepted}x, processed ${scaling.ratiosTwoOverOne.processed}x (target ≥ 1.6x; ${cpus().length} cores)`,
		);
		const cost = await storeCost(shared, local);
		console.log(
			`one processor, acknowledgement p50: shared store ${cost.sequential.sharedStore.p50Ms} ms, static data ${cost.sequential.staticData.p50Ms} ms (${cost.ratiosSharedOverStatic.p50}x; ${cost.perDeliveryCostMs.p50} ms per delivery)`,
		);
		console.log(
			`one processor, processed/s: shared store ${cost.processedPerSecondOneProcessor.sharedStore}, static data ${cost.processedPerSecondOneProcessor.staticData} (${cost.ratiosSharedOverStatic.processedPerSecond}x)`,
		);
		const result = {
			date: new Date().toISOString(),
			command: 'npm run bench:queue-mode',
			n8n: '2.40.7',
			layout: 'Postgres 15 + Redis 7, main + 2 workers + 2 webhook processors, one machine',
			node: process.version,
			cpus: cpus().length,
			loadAverageAtStart: loadAtStart,
			loadAverageAtEnd: loadavg().map(round2),
			throughput: { perBlock: PER_BLOCK, blocks: BLOCKS, concurrency: CONCURRENCY, ...scaling },
			target: 'two webhook processors ≥ 1.6x one',
			storeCost: cost,
		};
		const out = join(REPO_ROOT, 'bench', 'results', 'queue-mode.json');
		mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
		writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
		console.log(`wrote ${out}`);
	} finally {
		await cluster.stop();
		if (owned) removeFolder(folder);
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
