import assert from 'node:assert/strict';

import type { IDataObject } from 'n8n-workflow';

import type { StripeEmulator } from '../../emulator';
import type { StoredExecution } from './engine';
import type { CaseRun, MoneyCase } from './scenario';
import { MONEY_NODE, SUB_WORKFLOW_NODE } from './shapes';

const FIELD = 'Idempotency Key';

/**
 * The property for a money node with an Automatic key in a sub-workflow, where n8n gives it
 * nothing to tell two intended movements apart or to recognise a parent's Retry: it moves no
 * money, sends no keyed request at all, and every failure names the Idempotency Key field and the
 * fix (Custom) — in the first run, every Retry and a second run of the same event.
 */
export function checkAutomaticRefusedInSubWorkflow(
	money: MoneyCase,
	run: CaseRun,
	emulator: StripeEmulator,
): void {
	// The payments a refund case refunds were charged while setting it up: only its own kind counts.
	const moved = emulator
		.scope()
		.moneyMovements.filter((entry) => entry.kind === money.shape.operation && !entry.failed);
	assert.equal(moved.length, 0, '[sub-workflow refusal] money moved under an Automatic key');
	const keyed = emulator.requests.filter((r) => r.idempotencyKey?.startsWith('paywire-'));
	assert.equal(keyed.length, 0, '[sub-workflow refusal] a request was sent before the refusal');
	const tops = [...run.chain, ...(run.duplicate ? [run.duplicate] : [])];
	for (const top of tops) {
		const messages = [
			...(top.finished ? [] : [messageOf(top.data.resultData.error)]),
			...errorItemsOf(top).map(messageOf),
		];
		assert.ok(
			messages.length > 0,
			`[sub-workflow refusal] execution ${top.id} reported no refusal`,
		);
		for (const message of messages) {
			assert.ok(
				message.includes(FIELD) && message.includes('Custom'),
				`[sub-workflow refusal] the failure does not name ${FIELD} and the fix: ${message}`,
			);
		}
	}
	const subs = run.executions.filter((execution) => execution.parentExecutionId !== undefined);
	assert.ok(subs.length > 0, '[sub-workflow refusal] no sub-workflow ran');
	for (const sub of subs) {
		// Stopped by the refusal, or (On Error: Continue) one error item per item, none done.
		const outputs = outputsOf(sub, MONEY_NODE);
		assert.ok(
			outputs.every((json) => json.error !== undefined),
			`[sub-workflow refusal] sub-execution ${sub.id} reports a movement`,
		);
		const messages = sub.finished
			? outputs.map((json) => messageOf(json.error))
			: [messageOf(sub.data.resultData.error)];
		assert.ok(messages.length > 0, `[sub-workflow refusal] sub-execution ${sub.id}: no refusal`);
		for (const message of messages) {
			assert.ok(message.includes(FIELD), `[sub-workflow refusal] sub-execution error: ${message}`);
		}
	}
}

function errorItemsOf(execution: StoredExecution): unknown[] {
	return outputsOf(execution, SUB_WORKFLOW_NODE).flatMap((json) =>
		json.error === undefined ? [] : [json.error],
	);
}

function outputsOf(execution: StoredExecution, nodeName: string): IDataObject[] {
	return (execution.data.resultData.runData[nodeName] ?? []).flatMap((task) =>
		(task.data?.main?.[0] ?? []).map((item) => item.json),
	);
}

function messageOf(error: unknown): string {
	if (typeof error === 'string') return error;
	if (typeof error !== 'object' || error === null) return String(error);
	const raw = error as IDataObject;
	return [raw.message, raw.description].filter((part) => typeof part === 'string').join(' ');
}
