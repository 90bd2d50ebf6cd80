/**
 * Webhook acknowledgement into one real n8n 2.40.7 (the packed tarball installed as a community
 * package): our Stripe Payments Trigger beside n8n's plain Webhook node (the floor: no signature,
 * no dedupe) and, when it can be activated against the emulator, n8n's built-in Stripe Trigger.
 * Same signed ~2 KB payment_intent.succeeded bodies, a unique event id per delivery, 127.0.0.1.
 *   Latency: sequential deliveries, targets interleaved, each on an idle n8n (the previous
 *   delivery's execution finished); p50/p99 of the time to the HTTP answer.
 *   Rate: a closed loop of CONCURRENCY senders for a fixed count, targets taking turns in blocks;
 *   a block ends when every execution it started has finished (deliveries fully processed/s).
 * The machine's load average is recorded: other work on a 2-core box moves these numbers.
 * Run once per configuration (BENCH_CONFIGS, comma-separated; see CONFIGURATIONS): n8n 2.40.7's
 * default ('vm' engine: n8n's own Webhook node skips the isolate in the webhook phase, any other
 * trigger waits for one), the webhook cost levers (lazy isolate acquisition, a larger isolate
 * pool, the trigger's shared duplicate store instead of static data) and the 'legacy' engine.
 * Each prints Paywire's processed deliveries/s as a ratio to the Webhook node in the same n8n.
 * Bounded in count and time; never fails on a timing. Writes bench/results/e2e-webhook.json.
 *   npm run bench:e2e-webhook      (PAYWIRE_TARBALL=<tgz> to skip packing)
 *   BENCH_CONFIGS=default,lazy npm run bench:e2e-webhook
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Stripe from 'stripe';

import { emulatorControl } from '../scripts/lib/emulator';
import { n8nInstallDir, REPO_ROOT } from '../scripts/lib/n8nCache';
import type { N8nRest } from '../scripts/lib/n8nRest';
import { paymentIntentObject, stripeEvent } from '../test/e2e/support/deliveries';
import { startSuite } from '../test/e2e/support/suite';
import { latencySummary, round2 } from './latency';
import { ThrowawayRedis } from '../test/e2e-queue/support/redis';
import { LOCAL_STORE, sharedStore, storeTriggerWorkflow } from '../test/e2e-queue/support/store';
import { ensureSystemPackages } from '../test/e2e-queue/support/systemServer';
import { waitForWebhook } from '../test/e2e/support/webhooks';

const WARMUP = 30;
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 200);
const CONCURRENT_TOTAL = Number(process.env.BENCH_CONCURRENT ?? 300);
const CONCURRENCY = 8;
const PHASE_DEADLINE_MS = 180_000;

const signer = new Stripe('sk_test_123');

interface Target {
	name: string;
	url: string;
	secret: string;
	workflowId: string;
	/** Deliveries acknowledged so far (each starts one execution: every event id is new). */
	delivered: number;
}

let rest: N8nRest;

/**
 * Waits (bounded) until every delivery so far has finished its execution, so the next
 * measurement starts on an idle n8n and a trigger that answers before its execution runs is not
 * credited with work it left behind.
 */
async function settle(target: Target): Promise<void> {
	for (let attempt = 0; attempt < 2400; attempt++) {
		if ((await rest.finishedExecutionCount(target.workflowId)) >= target.delivered) return;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	throw new Error(`${target.name}: executions did not finish`);
}

function signedDelivery(secret: string): { body: string; signature: string } {
	const body = JSON.stringify(
		stripeEvent('payment_intent.succeeded', paymentIntentObject()),
		null,
		2,
	);
	return { body, signature: signer.webhooks.generateTestHeaderString({ payload: body, secret }) };
}

/** One delivery; returns the time to the complete HTTP answer in ms (status checked). */
async function deliver(target: Target): Promise<number> {
	const { body, signature } = signedDelivery(target.secret);
	const started = performance.now();
	const response = await fetch(target.url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'stripe-signature': signature },
		body,
	});
	await response.arrayBuffer();
	const elapsed = performance.now() - started;
	if (response.status !== 200) throw new Error(`${target.name} answered ${response.status}`);
	target.delivered += 1;
	return elapsed;
}

async function sequentialLatency(targets: Target[]) {
	const samples = new Map(targets.map((target) => [target.name, [] as number[]]));
	const deadline = Date.now() + PHASE_DEADLINE_MS;
	for (let round = 0; round < WARMUP + SEQUENTIAL && Date.now() < deadline; round++) {
		for (const target of round % 2 ? [...targets].reverse() : targets) {
			const elapsed = await deliver(target);
			if (round >= WARMUP) samples.get(target.name)!.push(elapsed);
			await settle(target);
		}
	}
	return Object.fromEntries(
		targets.map((target) => [target.name, latencySummary(samples.get(target.name)!)]),
	);
}

/**
 * Closed loop of CONCURRENCY senders. The targets take turns in BLOCKS blocks each, so a busy
 * moment on the machine falls on both rather than on one.
 */
async function sustainedRates(targets: Target[]) {
	const BLOCKS = 4;
	const perBlock = Math.ceil(CONCURRENT_TOTAL / BLOCKS);
	const totals = new Map(targets.map((target) => [target.name, { deliveries: 0, ms: 0 }]));
	const deadline = Date.now() + PHASE_DEADLINE_MS;
	for (let block = 0; block < BLOCKS && Date.now() < deadline; block++) {
		for (const target of block % 2 ? [...targets].reverse() : targets) {
			let sent = 0;
			const started = performance.now();
			const sender = async () => {
				while (sent < perBlock && Date.now() < deadline) {
					sent += 1;
					await deliver(target);
				}
			};
			await Promise.all(Array.from({ length: CONCURRENCY }, sender));
			await settle(target);
			const total = totals.get(target.name)!;
			total.deliveries += sent;
			total.ms += performance.now() - started;
		}
	}
	return Object.fromEntries(
		targets.map((target) => {
			const { deliveries, ms } = totals.get(target.name)!;
			return [
				target.name,
				{ deliveries, seconds: round2(ms / 1000), perSecond: round2(deliveries / (ms / 1000)) },
			];
		}),
	);
}

/** One n8n set-up to measure: its environment, and the trigger's duplicate store. */
interface Configuration {
	description: string;
	n8nEnv: Record<string, string>;
	/** The trigger remembers event ids in Redis (shared store) instead of the workflow's static data. */
	sharedStore: boolean;
}

const POOL_SIZE = process.env.BENCH_POOL_SIZE ?? '4';

/** n8n 2.40.7's default, each webhook cost lever alone, lazy + shared together, and 'legacy'. */
const CONFIGURATIONS: Record<string, Configuration> = {
	default: {
		description: 'n8n defaults (vm engine, pool of 1 isolate)',
		n8nEnv: {},
		sharedStore: false,
	},
	lazy: {
		description: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (experimental in n8n 2.40)',
		n8nEnv: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
		sharedStore: false,
	},
	pool: {
		description: `N8N_EXPRESSION_ENGINE_POOL_SIZE=${POOL_SIZE}`,
		n8nEnv: { N8N_EXPRESSION_ENGINE_POOL_SIZE: POOL_SIZE },
		sharedStore: false,
	},
	shared: {
		description: 'trigger on the shared store (Redis), no static-data write',
		n8nEnv: {},
		sharedStore: true,
	},
	'lazy+shared': {
		description: 'lazy isolate acquisition and the shared store',
		n8nEnv: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
		sharedStore: true,
	},
	legacy: {
		description: "N8N_EXPRESSION_ENGINE=legacy (n8n's previous engine)",
		n8nEnv: { N8N_EXPRESSION_ENGINE: 'legacy' },
		sharedStore: false,
	},
};

const CONFIG_NAMES = (
	process.env.BENCH_CONFIGS ?? 'default,lazy,pool,shared,lazy+shared,legacy'
).split(',');
for (const name of CONFIG_NAMES) {
	if (!CONFIGURATIONS[name]) {
		throw new Error(
			`BENCH_CONFIGS: unknown "${name}"; use ${Object.keys(CONFIGURATIONS).join(', ')}`,
		);
	}
}

/** A Redis for the configurations that use the shared store (started once, on first need). */
let redis: ThrowawayRedis | undefined;
async function redisPort(): Promise<number> {
	if (!redis) {
		ensureSystemPackages();
		redis = new ThrowawayRedis(mkdtempSync(join(tmpdir(), 'paywire-bench-redis-')));
		await redis.start();
	}
	return redis.port;
}

async function measure(name: string) {
	const configuration = CONFIGURATIONS[name];
	const suite = await startSuite(`bench-e2e-webhook-${name.replace('+', '-')}`, {
		n8nEnv: configuration.n8nEnv,
	});
	rest = suite.rest;
	try {
		const plainId = 'benchPlainHook01';
		await suite.rest.createWorkflow({
			id: plainId,
			name: 'bench: plain Webhook node',
			nodes: [
				{
					id: 'bench-plain',
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: 'bench-plain',
					parameters: { path: 'bench-plain', httpMethod: 'POST', responseMode: 'onReceived' },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		await suite.rest.activate(plainId);
		const plain: Target = {
			name: 'n8n Webhook node',
			url: `${suite.n8n.baseUrl}/webhook/bench-plain`,
			secret: 'whsec_unused',
			workflowId: plainId,
			delivered: 0,
		};

		const oursId = 'benchPaywireTrig';
		const store = configuration.sharedStore
			? await sharedStore(suite.rest, await redisPort())
			: LOCAL_STORE;
		await suite.rest.createWorkflow(storeTriggerWorkflow(oursId, suite.credential, store));
		await suite.rest.activate(oursId);
		const state = await emulatorControl<{ endpoints: Array<{ id: string; url: string }> }>(
			suite.emulator.url,
			'GET',
			'state',
		);
		const endpoint = state.endpoints[0];
		const { secret } = await emulatorControl<{ secret: string }>(
			suite.emulator.url,
			'GET',
			`webhook_endpoints/${endpoint.id}/secret`,
		);
		const ours: Target = {
			name: 'Paywire trigger',
			url: endpoint.url,
			secret,
			workflowId: oursId,
			delivered: 0,
		};
		await waitForWebhook(plain.url);
		await waitForWebhook(ours.url);
		// The readiness probe (unsigned '{}') started one execution of the plain node, none of ours.
		plain.delivered = 1;

		const targets = [plain, ours];
		const latency = await sequentialLatency(targets);
		const rate = await sustainedRates(targets);
		const ratios = {
			p50: round2(latency[ours.name].p50Ms / latency[plain.name].p50Ms),
			p99: round2(latency[ours.name].p99Ms / latency[plain.name].p99Ms),
			throughput: round2(rate[plain.name].perSecond / rate[ours.name].perSecond),
		};
		print(`${name}: ${configuration.description}`, latency, rate, ratios);
		return { description: configuration.description, latency, rate, ratiosOursOverPlain: ratios };
	} finally {
		await suite.stop();
	}
}

async function main(): Promise<void> {
	const loadAtStart = loadavg().map(round2);
	const builtIn = builtInStripeTriggerStatus();
	console.log(`n8n built-in Stripe Trigger: ${builtIn.reason}`);
	const byConfiguration: Record<string, Awaited<ReturnType<typeof measure>>> = {};
	try {
		for (const name of CONFIG_NAMES) byConfiguration[name] = await measure(name);
	} finally {
		await redis?.stop();
	}
	const first = byConfiguration[CONFIG_NAMES[0]];
	console.log(
		'\nprocessed deliveries/s, Paywire as a fraction of the Webhook node (target ≥ 1/1.15 = 0.87):',
	);
	for (const [name, measured] of Object.entries(byConfiguration)) {
		const ratio = round2(1 / measured.ratiosOursOverPlain.throughput);
		console.log(`  ${name.padEnd(12)} ${String(ratio).padStart(5)}   (${measured.description})`);
	}
	const result = {
		date: new Date().toISOString(),
		command: 'npm run bench:e2e-webhook',
		n8n: '2.40.7',
		node: process.version,
		cpus: cpus().length,
		loadAverageAtStart: loadAtStart,
		loadAverageAtEnd: loadavg().map(round2),
		payloadBytes: signedDelivery('whsec_x').body.length,
		// Top level: the first configuration (n8n's defaults; what bench/plot.ts charts).
		defaultEngine: CONFIG_NAMES[0],
		sequential: { warmup: WARMUP, perTarget: SEQUENTIAL, latency: first.latency },
		sustained: { concurrency: CONCURRENCY, total: CONCURRENT_TOTAL, rate: first.rate },
		ratiosOursOverPlain: first.ratiosOursOverPlain,
		target: 'within 1.15x of the plain Webhook node',
		byConfiguration,
		builtInStripeTrigger: builtIn,
	};
	const out = join(REPO_ROOT, 'bench', 'results', 'e2e-webhook.json');
	mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
	writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
	console.log(`wrote ${out}`);
}


function print(
	configuration: string,
	latency: Record<string, ReturnType<typeof latencySummary>>,
	rate: Record<string, { perSecond: number; deliveries: number }>,
	ratios: { p50: number; p99: number; throughput: number },
): void {
	console.log(`\nwebhook acknowledgement into n8n 2.40.7 (127.0.0.1), ${configuration}`);
	console.log('target                 p50 ms   p99 ms   deliveries/s');
	for (const name of Object.keys(latency)) {
		const row = latency[name];
		console.log(
			`${name.padEnd(22)} ${String(row.p50Ms).padStart(6)}   ${String(row.p99Ms).padStart(6)}   ${String(rate[name].perSecond).padStart(6)}`,
		);
	}
	console.log(
		`Paywire / plain: p50 ${ratios.p50}x, p99 ${ratios.p99}x, throughput ${ratios.throughput}x slower (target ≤ 1.15x)`,
	);
}

/**
 * n8n's Stripe Trigger creates its endpoint through `stripeApiRequest`, whose URL is fixed to
 * https://api.stripe.com/v1 (no base-URL setting), so it cannot be activated against the emulator,
 * and this benchmark sends nothing off the machine. Reported from the installed source.
 */
function builtInStripeTriggerStatus() {
	const helpers = join(
		n8nInstallDir(),
		'node_modules',
		'n8n-nodes-base',
		'dist',
		'nodes',
		'Stripe',
		'helpers.js',
	);
	const fixed =
		existsSync(helpers) &&
		readFileSync(helpers, 'utf8').includes('https://api.stripe.com/v1${endpoint}');
	return {
		activated: false,
		reason: fixed
			? 'not measured: its API URL is fixed to https://api.stripe.com/v1 (n8n-nodes-base/dist/nodes/Stripe/helpers.js), so it cannot activate against the local emulator'
			: 'not measured: could not confirm how it reaches Stripe',
	};
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
