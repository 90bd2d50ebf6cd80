import assert from 'node:assert/strict';

import type { IDataObject, IRunExecutionData } from 'n8n-workflow';

import type { StripeEmulator } from '../../emulator';
import type { MoneyMovement } from '../../emulator/state';
import type { CaseRun, MoneyCase } from './scenario';
import { assertExplained, transientAllowed } from './failures';
import { MONEY_NODE, SUB_WORKFLOW_NODE } from './shapes';

/**
 * The invariants, checked against the emulator's ledger (every money movement with its amount and
 * idempotency key) and what the workflow's money node output. Each failure names its invariant.
 */
export function checkMoneyInvariants(
	money: MoneyCase,
	run: CaseRun,
	emulator: StripeEmulator,
): void {
	const ledger = ledgerOf(emulator, money.shape.operation);
	const final = run.chain[run.chain.length - 1];
	const finalOutputs = workerOutputs(final.data);
	const moneyOutputs = run.executions.flatMap((execution) =>
		runsOf(execution.data, MONEY_NODE).map(({ task, items }) => ({
			execution,
			items,
			// Runs that started before the execution did were kept from the failed one it retries.
			fresh: task.startTime >= execution.startedAt,
		})),
	);

	// 5. Every money output says idempotentReplayed and its key, and that key is the ledger's.
	for (const { json } of moneyOutputs.flatMap((task) => task.items)) {
		if (json.error !== undefined) continue;
		const where = `output ${json.id as string}`;
		assert.equal(
			typeof json.idempotentReplayed,
			'boolean',
			`[5 replay+key] ${where}: idempotentReplayed missing`,
		);
		assert.equal(
			typeof json.idempotencyKey,
			'string',
			`[5 replay+key] ${where}: idempotencyKey missing`,
		);
		const movement = ledger.find((entry) => entry.objectOfOutput === json.id);
		if (movement) {
			assert.equal(
				movement.idempotencyKey,
				json.idempotencyKey,
				`[5 replay+key] ${where}: key is not the ledger's`,
			);
		}
	}

	// 2. Two different intended movements never share a key (nor, so, one object).
	const finalMoney = finalOutputs.filter((json) => json.error === undefined);
	assertDistinct(
		finalMoney.map((json) => json.idempotencyKey),
		'[2 distinct keys] two intended movements share a key',
	);
	assertDistinct(
		finalMoney.map((json) => json.id),
		'[3 no silent replay] two intended movements report one object',
	);

	// 0. Every failure is explained: a decline while a card declined, or (under injected faults)
	// a transient error that outlived the node's retries. Anything else (an idempotency_error
	// from a reused key, say) breaks an invariant.
	const errorItems = finalOutputs.filter((json) => json.error !== undefined);
	run.chain.forEach((execution, index) => {
		const failures = [
			...(execution.finished ? [] : [execution.data.resultData.error]),
			...(index === run.chain.length - 1 ? errorItems.map((json) => json.error) : []),
		];
		for (const failure of failures) {
			assertExplained(failure, run, execution, money, run.couldDecline[index]);
		}
	});
	if (run.duplicate) {
		const { duplicate } = run;
		const failures = [
			...(duplicate.finished ? [] : [duplicate.data.resultData.error]),
			...workerOutputs(duplicate.data).flatMap((json) =>
				json.error === undefined ? [] : [json.error],
			),
		];
		for (const failure of failures)
			assertExplained(failure, run, duplicate, money, run.couldDecline[0]);
	}

	// 1. + 3. Each intended movement moves money once: never more, once for every success, and
	// exactly once when nothing was left failing (every item of a declining card only fails).
	const intended = countBy(
		money.movements.map((m) => groupOf(run.targetIds[m.target], m.amountCents)),
	);
	const moved = countBy(ledger.map((entry) => entry.group));
	const succeeded = countBy(finalMoney.map((json) => groupOfOutput(json, money.shape.operation)));
	const allProcessed = final.finished && (errorItems.length === 0 || !transientAllowed(money));
	for (const group of new Set([...intended.keys(), ...moved.keys()])) {
		const want = intended.get(group) ?? 0;
		const got = moved.get(group) ?? 0;
		assert.ok(got <= want, `[1 exactly once] moved ${got}× for ${group}, intended ${want}×`);
		assert.ok(
			got >= (succeeded.get(group) ?? 0),
			`[1 exactly once] ${group}: outputs report more than moved`,
		);
		const declining = run.stillDeclining.has(group.split(' ')[0]);
		if (allProcessed && !declining) {
			assert.equal(
				got,
				want,
				`[1 exactly once] ${group}: intended ${want}×, moved ${got}× (run finished)`,
			);
		}
	}
	if (final.finished) {
		assert.equal(
			finalOutputs.length,
			money.movements.length,
			'[1 exactly once] one output per intended movement',
		);
	}

	// 4. A decline is final for its attempt: its key never moves money later, and a customer whose
	// card still declines was never charged.
	const declinedKeys = new Set(
		emulator.requests.filter((r) => r.status === 402).map((r) => r.idempotencyKey),
	);
	for (const entry of ledger) {
		assert.ok(
			!declinedKeys.has(entry.idempotencyKey),
			`[4 decline final] a declined key moved money: ${entry.group}`,
		);
		assert.ok(
			!run.stillDeclining.has(entry.target),
			`[4 decline final] a declining card was charged: ${entry.group}`,
		);
	}

	// 4. ... while what already succeeded replays: an object is reported as new (not replayed) by
	// one run at most, so a Retry or a second run of the same event reports the first one's result
	// as a replay.
	const reportedNew = new Map<unknown, number>();
	for (const { json } of moneyOutputs.filter((task) => task.fresh).flatMap((task) => task.items)) {
		if (json.error !== undefined || json.idempotentReplayed !== false) continue;
		reportedNew.set(json.id, (reportedNew.get(json.id) ?? 0) + 1);
		assert.ok(
			reportedNew.get(json.id) === 1,
			`[4 succeeded items replay] ${json.id as string} reported as new twice`,
		);
	}
}

interface LedgerEntry extends MoneyMovement {
	/** The customer (charges) or payment (refunds) it belongs to. */
	target: string;
	group: string;
	/** The id the money node outputs for it: the payment intent (charges) or the refund. */
	objectOfOutput: string;
}

function ledgerOf(emulator: StripeEmulator, operation: 'charge' | 'refund'): LedgerEntry[] {
	const scope = emulator.scope();
	return scope.moneyMovements
		.filter((entry) => entry.kind === operation && !entry.failed)
		.map((entry) => {
			const intent = scope.objects.get(String(entry.paymentIntent));
			const target =
				operation === 'charge' ? String(intent?.customer) : String(entry.paymentIntent);
			return {
				...entry,
				target,
				group: groupOf(target, entry.amount),
				objectOfOutput: operation === 'charge' ? String(entry.paymentIntent) : entry.objectId,
			};
		});
}

const groupOf = (target: string, amountCents: number) => `${target} ${amountCents}`;

function groupOfOutput(json: IDataObject, operation: 'charge' | 'refund'): string {
	const target = operation === 'charge' ? json.customer : json.payment_intent;
	return groupOf(String(target), Number(json.amount));
}

function countBy(values: string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return counts;
}

function assertDistinct(values: unknown[], message: string): void {
	const seen = new Set<unknown>();
	for (const value of values) {
		assert.ok(!seen.has(value), `${message}: ${String(value)}`);
		seen.add(value);
	}
}

/** Every run of a node: its first output's items, and whether it ran in this execution. */
function runsOf(data: IRunExecutionData, nodeName: string) {
	return (data.resultData.runData[nodeName] ?? []).map((task) => ({
		task,
		items: (task.data?.main?.[0] ?? []).map((item) => ({ json: item.json })),
	}));
}

/** What the top-level worker (the money node, or Execute Workflow) output across its runs. */
function workerOutputs(data: IRunExecutionData): IDataObject[] {
	const worker = data.resultData.runData[SUB_WORKFLOW_NODE] ? SUB_WORKFLOW_NODE : MONEY_NODE;
	return runsOf(data, worker).flatMap((run) => run.items.map((item) => item.json));
}
