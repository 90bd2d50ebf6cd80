import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { emulatorControl } from '../../scripts/lib/emulator';
import { paidPaymentIntent } from './support/stripe';
import { startSuite, type E2eSuite } from './support/suite';
import { actionWorkflow, refundParameters, runAction } from './support/workflows';

interface RefundState {
	refundsByPaymentIntent: Record<string, number>;
	moneyMovements: Array<{ kind: string; paymentIntent: string | null; idempotencyKey: string | null }>;
	faults: { injected: Record<string, number> };
}

const REFUNDS = 50;
const MAX_RUNS = 5;

describe('50 refunds while the emulator fails 30% of requests', () => {
	let suite: E2eSuite;
	const intents: string[] = [];

	before(async () => {
		suite = await startSuite('faults');
		await suite.rest.createWorkflow(
			actionWorkflow(
				'e2eFaultRefunds1',
				suite.credential,
				'e2e-fault-refunds',
				// The order's own id as the key, as the docs recommend for money movements.
				refundParameters({ idempotency: { keyMode: 'custom', customKey: '={{ "refund-" + $json.paymentIntent }}' } }),
			),
		);
		await suite.rest.activate('e2eFaultRefunds1');
		suite.emulator.setRateLimit(0);
		for (let i = 0; i < REFUNDS; i++) intents.push((await paidPaymentIntent(suite.emulator.url, 1000 + i)).id);
		suite.emulator.setRateLimit({ test: 25, live: 100 });
	});
	after(async () => await suite?.stop());

	it('each payment is refunded exactly once, whatever failed on the way', async (t) => {
		await emulatorControl(suite.emulator.url, 'POST', 'faults', {
			seed: 20261123,
			error500: 0.1,
			rateLimit429: 0.1,
			reset: 0.05,
			resetAfter: 0.05,
			retryAfterSeconds: 1,
			pathPrefixes: ['/v1/refunds'],
		});
		// Like a user re-running the failed items: the same custom keys, so nothing moves twice.
		let remaining = [...intents];
		let runs = 0;
		while (remaining.length > 0 && runs < MAX_RUNS) {
			runs += 1;
			const output = await runAction(
				suite.n8n.baseUrl,
				'e2e-fault-refunds',
				remaining.map((paymentIntent) => ({ paymentIntent })),
			);
			assert.equal(output.length, remaining.length, 'one output item per input item');
			remaining = remaining.filter((_, index) => output[index].object !== 'refund');
		}
		await emulatorControl(suite.emulator.url, 'DELETE', 'faults');
		const state = await emulatorControl<RefundState>(suite.emulator.url, 'GET', 'state');

		assert.deepEqual(remaining, [], `all refunded within ${MAX_RUNS} runs (took ${runs})`);
		for (const intent of intents) {
			assert.equal(state.refundsByPaymentIntent[intent], 1, `${intent} refunded exactly once`);
		}
		const refunds = state.moneyMovements.filter((movement) => movement.kind === 'refund');
		assert.equal(refunds.length, REFUNDS);
		assert.equal(new Set(refunds.map((refund) => refund.idempotencyKey)).size, REFUNDS);
		const { injected } = state.faults;
		t.diagnostic(`runs: ${runs}; faults injected: ${JSON.stringify(injected)}`);
		assert.ok(injected.error500 > 0 && injected.rateLimit429 > 0, 'errors were injected');
		assert.ok(injected.reset > 0 && injected.resetAfter > 0, 'connections were dropped');
	});
});
