/**
 * 300 refunds through the real Stripe Payments node (n8n-core's WorkflowExecute, via the test
 * harness) against a local server on 127.0.0.1 that adds 40 ms latency and enforces Stripe's rate
 * limits: 25 requests/s for a test key, then 100/s for a live key (bench/rateLimitedRefunds.ts).
 * Anchor: the same node one item at a time without pacing (concurrency 1), the way n8n's built-in
 * Stripe node works. Prints, per mode: achieved rate as a fraction of the limit (target ≥ 0.9),
 * speed-up over one-at-a-time, 429s that reached the output (target 0), duplicate refunds (target 0).
 * Never fails on a timing; writes bench/results/batch.json and batch.txt.
 *   node --import tsx bench/batch.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { StripePayments } from '../nodes/StripePayments/StripePayments.node';
import { DEFAULT_CONCURRENCY } from '../nodes/StripePayments/helpers/runPerItem';
import { NODE_UNDER_TEST, runWorkflow, singleNodeWorkflow } from '../test/nodes/harness';
import { startRefundServer, type RefundServer } from './rateLimitedRefunds';

const REFUNDS = 300;
const BASELINE_REFUNDS = 100;
const LATENCY_MS = 40;
const LIMITS = { test: 25, live: 100 } as const;
const KEYS = { test: 'sk_test_123', live: 'sk_live_123' } as const;
type Mode = keyof typeof LIMITS;

interface BatchRun {
	items: number;
	/** The node's execution time as n8n records it. */
	seconds: number;
	refundsPerSecond: number;
	errorItems: number;
	rateLimitedInOutput: number;
	rateLimitedAnswers: number;
}

let batchNumber = 0;

async function refundBatch(
	server: RefundServer,
	mode: Mode,
	count: number,
	batching: INodeParameters,
): Promise<BatchRun> {
	const batch = ++batchNumber;
	const answered429Before = server.statusCounts.get(429) ?? 0;
	const result = await runWorkflow({
		nodes: [StripePayments],
		workflow: singleNodeWorkflow(
			StripePayments,
			{
				resource: 'refund',
				operation: 'create',
				refundSource: 'paymentIntent',
				paymentIntent: { __rl: true, mode: 'id', value: '={{ $json.paymentIntent }}' },
				amountType: 'full',
				batching,
			},
			['paywireStripeApi'],
			{ nodeSettings: { continueOnFail: true } },
		),
		credentials: { paywireStripeApi: { secretKey: KEYS[mode], mode, baseUrl: server.url } },
		triggerItems: Array.from({ length: count }, (_, index) => ({
			json: { paymentIntent: `pi_${mode}_${batch}_${index}` },
		})),
	});
	if (result.error) throw new Error(`the batch stopped: ${result.error.message}`);
	const output = result.json[NODE_UNDER_TEST] ?? [];
	const seconds = (result.runData[NODE_UNDER_TEST]?.[0]?.executionTime ?? 0) / 1000;
	const errors = output.filter((item) => item.error).map((item) => item.error as IDataObject);
	return {
		items: output.length,
		seconds,
		refundsPerSecond: count / seconds,
		errorItems: errors.length,
		rateLimitedInOutput: errors.filter((error) => error.code === 'rate_limit').length,
		rateLimitedAnswers: (server.statusCounts.get(429) ?? 0) - answered429Before,
	};
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
	const server = await startRefundServer({ latencyMs: LATENCY_MS, limits: LIMITS });
	const results: Record<string, unknown> = {};
	const lines: string[] = [];
	try {
		// Load n8n-core and the node once, so the measured runs do not pay for it.
		await refundBatch(server, 'test', 1, {});
		for (const mode of ['test', 'live'] as const) {
			await pause(1100);
			const ours = await refundBatch(server, mode, REFUNDS, {});
			await pause(1100);
			const oneAtATime = await refundBatch(server, mode, BASELINE_REFUNDS, {
				concurrency: 1,
				requestsPerSecond: 1_000_000,
			});
			const fractionOfLimit = ours.refundsPerSecond / LIMITS[mode];
			const speedUp = ours.refundsPerSecond / oneAtATime.refundsPerSecond;
			results[mode] = {
				limitPerSecond: LIMITS[mode],
				latencyMs: LATENCY_MS,
				defaultConcurrency: DEFAULT_CONCURRENCY,
				ours,
				oneAtATime,
				fractionOfLimit: Number(fractionOfLimit.toFixed(3)),
				speedUpOverOneAtATime: Number(speedUp.toFixed(2)),
				rateLimitedInOutput: ours.rateLimitedInOutput,
			};
			lines.push(
				`${mode} key, limit ${LIMITS[mode]}/s, ${LATENCY_MS} ms latency: ${REFUNDS} refunds in ` +
					`${ours.seconds.toFixed(1)} s = ${ours.refundsPerSecond.toFixed(1)}/s = ` +
					`${fractionOfLimit.toFixed(2)} of the limit (target ≥ 0.9); one at a time ` +
					`${oneAtATime.refundsPerSecond.toFixed(1)}/s → speed-up ${speedUp.toFixed(2)}×; ` +
					`429s in output ${ours.rateLimitedInOutput} (target 0; 429 answers retried ` +
					`${ours.rateLimitedAnswers}); error items ${ours.errorItems}`,
			);
		}
	} finally {
		await server.stop();
	}
	const duplicates = [...server.refundsByPaymentIntent.values()].filter((n) => n > 1).length;
	results.duplicateRefunds = duplicates;
	lines.push(`duplicate refunds: ${duplicates} (target 0)`);
	const summary = lines.join('\n');
	console.log(summary);
	const folder = join(__dirname, 'results');
	const report = { date: new Date().toISOString(), node: process.version, results };
	writeFileSync(join(folder, 'batch.json'), `${JSON.stringify(report, null, 2)}\n`);
	writeFileSync(join(folder, 'batch.txt'), `${summary}\n`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
