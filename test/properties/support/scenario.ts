import fc from 'fast-check';
import type { INodeExecutionData } from 'n8n-workflow';
import type Stripe from 'stripe';

import type { FaultPlan, StripeEmulator } from '../../emulator';
import { StripePayments } from '../../../nodes/StripePayments/StripePayments.node';
import { HarnessInstance, type StoredExecution } from './engine';
import { n8nBaseNodes } from './n8nBaseNodes';
import { buildWorkflows, MAIN_WORKFLOW_ID, type WorkflowShape } from './shapes';

/** One generated case: a workflow shape, what it is asked to move, the cards, faults and retries. */
export interface MoneyCase {
	shape: WorkflowShape;
	/** Refunds: how many paid payments (50.00 each) the items refund parts of. */
	payments: number;
	/** Charges: each customer's saved default card. */
	cards: Array<'good' | 'declining'>;
	/** One per trigger item: whom (a payment or a customer, by index) and how much, in cents. */
	movements: Array<{ target: number; amountCents: number }>;
	/** Faults the emulator injects into every API request (its seeded fault controls). */
	faults: FaultPlan | null;
	/** What happens while the last execution has failed: fix the cards first or not, then Retry. */
	retries: Array<{ fixCardsFirst: boolean; loadWorkflow: boolean }>;
	/**
	 * What started the run: a manual/schedule-like start, or a Stripe event whose id every item
	 * carries (`event.id`, as the Stripe Payments Trigger's items do). For an event, the same
	 * event can start a second execution (a re-delivery two webhook processors both accepted):
	 * after the first, or at the same moment — then requests with one key overlap (the emulator
	 * holds each request 3 ms) and Stripe's 409 for a key in use is answered for real.
	 */
	startedBy: 'manual' | 'stripeEvent';
	duplicateRun: 'none' | 'after' | 'concurrent';
}

const fraction = fc.constantFrom(0, 0, 0.05, 0.1);

export const moneyCaseArbitrary: fc.Arbitrary<MoneyCase> = fc
	.record({
		shape: fc.record({
			operation: fc.constantFrom('charge' as const, 'refund' as const),
			structure: fc.constantFrom(
				'direct' as const,
				'loop' as const,
				'subWorkflow' as const,
				'loopAroundSubWorkflow' as const,
			),
			loopBatchSize: fc.integer({ min: 1, max: 3 }),
			subWorkflowMode: fc.constantFrom('once' as const, 'each' as const),
			retryOnFail: fc.boolean(),
			continueOnFail: fc.boolean(),
			concurrency: fc.integer({ min: 1, max: 4 }),
			subWorkflowKey: fc.constantFrom('custom' as const, 'custom' as const, 'automatic' as const),
		}),
		targets: fc.integer({ min: 1, max: 3 }),
		cards: fc.array(fc.constantFrom('good' as const, 'declining' as const), {
			minLength: 3,
			maxLength: 3,
		}),
		movements: fc.array(fc.record({ target: fc.nat(), amountCents: fc.constantFrom(500, 1000) }), {
			minLength: 1,
			maxLength: 5,
		}),
		faults: fc.option(
			fc.record({
				seed: fc.integer({ min: 1, max: 1_000_000 }),
				error500: fraction,
				reset: fraction,
				resetAfter: fraction,
				rateLimit429: fraction,
				lockTimeout429: fraction,
				retryAfterSeconds: fc.constant(1),
			}),
			{ freq: 2 },
		),
		// Used only while the run has failed; at least one, so every failed run is retried.
		retries: fc.array(fc.record({ fixCardsFirst: fc.boolean(), loadWorkflow: fc.boolean() }), {
			minLength: 1,
			maxLength: 2,
		}),
		startedBy: fc.constantFrom('manual' as const, 'stripeEvent' as const),
		duplicateRun: fc.constantFrom('none' as const, 'after' as const, 'concurrent' as const),
	})
	.map(({ targets, cards, movements, startedBy, duplicateRun, ...rest }) => ({
		...rest,
		startedBy,
		duplicateRun: startedBy === 'stripeEvent' ? duplicateRun : ('none' as const),
		payments: targets,
		cards: cards.slice(0, targets),
		movements: movements.map((movement) => ({ ...movement, target: movement.target % targets })),
	}));

/** What a case left behind: every execution (sub-executions too), and who was fixed when. */
export interface CaseRun {
	executions: StoredExecution[];
	/** The top-level executions in order: the first run, then each Retry. */
	chain: StoredExecution[];
	/** Payment intent ids (refunds) or customer ids (charges), by target index. */
	targetIds: string[];
	/** Customers whose card still declines at the end. */
	stillDeclining: Set<string>;
	/** Per execution of `chain`: whether a card could decline in it (one was not fixed yet). */
	couldDecline: boolean[];
	/** The second execution of the same Stripe event, when the case has one. */
	duplicate: StoredExecution | null;
}

/** True when the money node sits in a sub-workflow with an Automatic key: it must refuse. */
export function refusesAutomaticKey(shape: MoneyCase['shape']): boolean {
	const inSub = shape.structure === 'subWorkflow' || shape.structure === 'loopAroundSubWorkflow';
	return inSub && shape.subWorkflowKey === 'automatic';
}

let eventCounter = 0;

/** Runs a case against the emulator (already reset) through the in-process n8n. */
export async function runMoneyCase(
	money: MoneyCase,
	emulator: StripeEmulator,
	stripe: Stripe,
): Promise<CaseRun> {
	const targetIds =
		money.shape.operation === 'refund'
			? await paidPayments(stripe, money.payments)
			: await customersWithCards(stripe, money.cards);
	const stillDeclining = new Set(
		money.shape.operation === 'charge'
			? targetIds.filter((_, index) => money.cards[index] === 'declining')
			: [],
	);
	const event = { id: `evt_prop${++eventCounter}`, type: 'payment_intent.succeeded' };
	const items: INodeExecutionData[] = money.movements.map((movement, index) => ({
		json: {
			...(money.startedBy === 'stripeEvent' ? { event } : {}),
			line: index,
			// What identifies the intended movement in the builder's business (an order line, a
			// refund reference): the value a Custom key maps.
			reference: `ref-${event.id}-${index}`,
			amount: (movement.amountCents / 100).toFixed(2),
			[money.shape.operation === 'refund' ? 'paymentIntent' : 'customer']:
				targetIds[movement.target],
		},
	}));
	const instance = new HarnessInstance({
		nodes: [StripePayments, ...n8nBaseNodes()],
		credentials: {
			paywireStripeApi: { secretKey: 'sk_test_123', mode: 'test', baseUrl: emulator.url },
		},
		workflows: buildWorkflows(money.shape),
	});
	const withFaults = async <T>(work: () => Promise<T>): Promise<T> => {
		if (money.faults) emulator.faults.set(money.faults);
		try {
			return await work();
		} finally {
			emulator.faults.clear();
		}
	};
	const couldDecline = [stillDeclining.size > 0];
	const start = () => instance.start(MAIN_WORKFLOW_ID, structuredClone(items));
	let duplicate: StoredExecution | null = null;
	let first: StoredExecution;
	if (money.duplicateRun === 'concurrent') {
		emulator.setLatency(3);
		try {
			[first, duplicate] = await withFaults(() => Promise.all([start(), start()]));
		} finally {
			emulator.setLatency(0);
		}
	} else {
		first = await withFaults(start);
		if (money.duplicateRun === 'after') duplicate = await withFaults(start);
	}
	const chain = [first];
	for (const retry of money.retries) {
		const last = chain[chain.length - 1];
		if (last.finished) break;
		if (retry.fixCardsFirst) {
			for (const customer of stillDeclining)
				await switchDefaultCard(stripe, customer, 'pm_card_visa');
			stillDeclining.clear();
		}
		couldDecline.push(stillDeclining.size > 0);
		chain.push(
			await withFaults(() => instance.retry(last.id, { loadWorkflow: retry.loadWorkflow })),
		);
	}
	return {
		executions: instance.executions,
		chain,
		targetIds,
		stillDeclining,
		couldDecline,
		duplicate,
	};
}

async function paidPayments(stripe: Stripe, count: number): Promise<string[]> {
	const ids: string[] = [];
	for (let index = 0; index < count; index++) {
		const intent = await stripe.paymentIntents.create({
			amount: 5000,
			currency: 'usd',
			payment_method: 'pm_card_visa',
			confirm: true,
			automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
		});
		ids.push(intent.id);
	}
	return ids;
}

async function customersWithCards(stripe: Stripe, cards: MoneyCase['cards']): Promise<string[]> {
	const ids: string[] = [];
	for (const [index, card] of cards.entries()) {
		const customer = await stripe.customers.create({ email: `buyer${index}@example.com` });
		const testCard = card === 'good' ? 'pm_card_visa' : 'pm_card_chargeCustomerFail';
		await switchDefaultCard(stripe, customer.id, testCard);
		ids.push(customer.id);
	}
	return ids;
}

/** The customer saves another card as their default ("card fixed"). */
export async function switchDefaultCard(
	stripe: Stripe,
	customer: string,
	testCard: string,
): Promise<void> {
	const method = await stripe.paymentMethods.attach(testCard, { customer });
	await stripe.customers.update(customer, {
		invoice_settings: { default_payment_method: method.id },
	});
}
