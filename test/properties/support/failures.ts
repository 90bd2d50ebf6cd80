import assert from 'node:assert/strict';

import type { IDataObject } from 'n8n-workflow';

import type { StoredExecution } from './engine';
import type { CaseRun, MoneyCase } from './scenario';

/**
 * The structured payment error of a failed execution or an error item, from where n8n keeps it;
 * Execute Workflow reports a sub-workflow's failure as text, so it is read from the failed
 * sub-executions of that execution.
 */
export function assertExplained(
	error: unknown,
	run: CaseRun,
	execution: StoredExecution,
	money: MoneyCase,
	couldDecline: boolean,
): void {
	if (typeof error === 'string' || !hasPaymentError(error)) {
		const failedSubs = run.executions.filter(
			(sub) => sub.parentExecutionId === execution.id && !sub.finished,
		);
		if (failedSubs.length > 0) {
			for (const sub of failedSubs) {
				assertExplained(sub.data.resultData.error, run, sub, money, couldDecline);
			}
			return;
		}
	}
	const raw = (
		typeof error === 'object' && error !== null ? error : { message: error }
	) as IDataObject;
	const context = (raw.context ?? {}) as IDataObject;
	const details = (context.paymentError ?? raw.errorResponse ?? raw) as IDataObject;
	const summary = `${String(details.type)} ${String(details.code)}: ${String(raw.message ?? details.message)}`;
	const decline = details.type === 'card_error' && money.shape.operation === 'charge';
	const transient = details.retryable === true && transientAllowed(money);
	assert.ok(
		(decline && couldDecline) || transient,
		`[0 failure explained] a failure that is neither a decline of a declining card nor a transient fault: ${summary}`,
	);
}

/**
 * Transient errors are expected under injected faults, and for two runs of one event at the same
 * moment (the one that finds the key in use may see Stripe's 409 outlast its retries).
 */
export function transientAllowed(money: MoneyCase): boolean {
	return money.faults !== null || money.duplicateRun === 'concurrent';
}

function hasPaymentError(error: unknown): boolean {
	if (typeof error !== 'object' || error === null) return false;
	const raw = error as IDataObject;
	return Boolean((raw.context as IDataObject | undefined)?.paymentError ?? raw.errorResponse);
}
