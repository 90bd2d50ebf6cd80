/**
 * Property-based money suite: generated workflow shapes run through n8n's real engine
 * (WorkflowExecute from n8n-core, n8n's own Loop Over Items and Execute Workflow nodes from the
 * pinned n8n 2.40.7) against the local Stripe emulator, whose ledger of money movements is the
 * judge. See docs/idempotency.md › Testing.
 *
 * Invariants (over every generated shape: item counts, Loop Over Items batch sizes, Retry On Fail,
 * n8n execution Retries with or without the saved workflow, sub-workflows once or per item,
 * Concurrency, Continue On Fail, decline mixes with cards fixed between attempts, runs started by
 * a Stripe event and the same event run twice (after, or at once: real 409s), and emulator fault
 * schedules of 500s, connection resets before and after execution, 429 rate limits and lock
 * timeouts):
 * 1. every intended movement happens exactly once (never more; once for each success, and all of
 *    them when the run finally succeeds);
 * 2. two different intended movements never share a key (nor report one object);
 * 3. an intended repeat is never silently replayed (equal refunds of one payment are each made);
 * 4. a decline is final for its attempt: its key never moves money; a later attempt after the card
 *    is fixed gets a fresh key, and items that had already succeeded replay;
 * 5. every money output says idempotentReplayed and its key, and the key is the ledger's.
 * And every failure is explained: a decline of a declining card, or (under injected faults) a
 * transient error that outlived the node's retries.
 *
 * Fixed seed, bounded runs. Replay a failure with the seed and path it prints:
 *   PAYWIRE_PROPERTY_SEED=<seed> PAYWIRE_PROPERTY_PATH=<path> node --import tsx --test <this file>
 * PAYWIRE_PROPERTY_RUNS changes the number of runs; PAYWIRE_PROPERTY_SHRINK=1 shrinks a failure.
 */
import { after, before, describe, it } from 'node:test';

import fc from 'fast-check';
import type Stripe from 'stripe';

import { startStripeEmulator, type StripeEmulator } from '../emulator';
import { stripeClient } from '../emulator/testClient';
import { restoreRetries, useFastRetries } from '../nodes/stripePayments/support';
import { checkMoneyInvariants } from './support/invariants';
import { moneyCaseArbitrary, refusesAutomaticKey, runMoneyCase } from './support/scenario';
import { checkAutomaticRefusedInSubWorkflow } from './support/subWorkflowRefusal';

const SEED = Number(process.env.PAYWIRE_PROPERTY_SEED ?? 20261206);
const RUNS = Number(process.env.PAYWIRE_PROPERTY_RUNS ?? 150);
const PATH = process.env.PAYWIRE_PROPERTY_PATH;

describe('money moves exactly once in every generated workflow shape', () => {
	let emulator: StripeEmulator;
	let stripe: Stripe;

	before(async () => {
		useFastRetries();
		emulator = await startStripeEmulator({ rateLimitPerSecond: 0 });
		stripe = stripeClient(emulator);
	});
	after(async () => {
		restoreRetries();
		await emulator?.stop();
	});

	it(`holds the invariants (seed ${SEED}, ${RUNS} runs)`, async () => {
		console.log(`money properties: seed ${SEED}, ${RUNS} runs${PATH ? `, path ${PATH}` : ''}`);
		const property = fc.asyncProperty(moneyCaseArbitrary, async (money) => {
			emulator.reset();
			const run = await runMoneyCase(money, emulator, stripe);
			if (refusesAutomaticKey(money.shape))
				checkAutomaticRefusedInSubWorkflow(money, run, emulator);
			else checkMoneyInvariants(money, run, emulator);
		});
		const details = await fc.check(property, {
			seed: SEED,
			numRuns: RUNS,
			...(PATH ? { path: PATH } : {}),
			endOnFailure: process.env.PAYWIRE_PROPERTY_SHRINK !== '1',
		});
		if (details.failed) {
			console.log(
				`money properties FAILED: replay with PAYWIRE_PROPERTY_SEED=${details.seed} ` +
					`PAYWIRE_PROPERTY_PATH=${details.counterexamplePath ?? ''}`,
			);
		}
		if (details.failed) {
			const cause = details.errorInstance instanceof Error ? details.errorInstance.message : '';
			throw new Error(`${cause}\n${fc.defaultReportMessage(details)}`);
		}
	});
});
