import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isFinalRefusal } from '../../../core/idempotency';
import {
	observeIdempotentWrites,
	type IdempotentWriteOutcome,
} from '../../shared/idempotentWrites';

/**
 * What the node keeps in its n8n node context (`this.getContext('node')`), which n8n stores with
 * the execution and hands back, unchanged, to the execution its Retry starts (n8n 2.40
 * ExecutionService.retry re-uses the failed execution's data, node context included, and runs the
 * failed node again at the same run index with the same items). Kept even when the node throws:
 * the context lives in the execution data, not in the node's run.
 */
interface StoredKeyState {
	/** The execution this node first ran in: the Automatic key's scope when there is no event. */
	firstExecutionId?: string;
	/** `${runIndex}:${itemIndex}:${operation}` → attempts that ended in a final refusal. */
	attempts?: Record<string, number>;
	/** Same slots → the execution the last refusal happened in. */
	refusedIn?: Record<string, string>;
}

const CONTEXT_FIELD = 'paywireIdempotency';

/**
 * The keys of one run of the node: which key each item used, what Stripe answered to it (reported
 * by the transport, see nodes/shared/idempotentWrites.ts), and the stored state above.
 */
export class KeyLedger {
	private readonly slotsByItem = new Map<number, Map<string, string | undefined>>();
	private readonly outcomesByItem = new Map<number, Map<string, IdempotentWriteOutcome>>();

	private pass: number | undefined;

	constructor(
		private readonly state: StoredKeyState,
		private readonly executionId: string | undefined,
		private readonly readRunIndex: () => number,
	) {}

	/**
	 * This run's pass of the node in the execution: n8n's run index, what `$runIndex` gives in an
	 * expression (n8n-workflow 2.40's IExecuteFunctions has no getRunIndex()).
	 */
	get runIndex(): number {
		this.pass ??= this.readRunIndex();
		return this.pass;
	}

	get firstExecutionId(): string | null {
		return this.state.firstExecutionId ?? null;
	}

	/**
	 * Refusals so far, not counting one that happened in this very execution: Retry On Fail re-runs
	 * the node within the execution seconds later, and a new attempt at the bank then (a declined
	 * card tried again and again) is what card networks penalise. There the refusal replays; a new
	 * execution (n8n's Retry, after the card was fixed) makes the new attempt.
	 */
	attemptOf(runIndex: number, itemIndex: number, operation: string): number {
		const slot = slotId(runIndex, itemIndex, operation);
		const refusals = this.state.attempts?.[slot] ?? 0;
		const refusedNow = refusals > 0 && this.state.refusedIn?.[slot] === this.executionId;
		return refusedNow ? refusals - 1 : refusals;
	}

	/** An Automatic key carries its slot (pass + operation); a Custom key has none to bump. */
	issued(key: string, itemIndex: number, slot?: { runIndex: number; operation: string }): void {
		const slots = entry(this.slotsByItem, itemIndex);
		slots.set(key, slot && slotId(slot.runIndex, itemIndex, slot.operation));
	}

	record(itemIndex: number | undefined, key: string, outcome: IdempotentWriteOutcome): void {
		if (itemIndex !== undefined) entry(this.outcomesByItem, itemIndex).set(key, outcome);
	}

	/**
	 * Adds `idempotencyKey` (when the operation did not) and `idempotentReplayed` (Stripe's
	 * `Idempotent-Replayed` header) to an output of an item that sent a keyed request.
	 */
	stamp(itemIndex: number, json: IDataObject): IDataObject {
		const outcomes = this.outcomesByItem.get(itemIndex);
		const key =
			typeof json.idempotencyKey === 'string' ? json.idempotencyKey : outcomes?.keys().next().value;
		if (key === undefined) return json;
		const outcome = outcomes?.get(key);
		const idempotentReplayed = outcome?.ok === true && outcome.replayed;
		return { ...json, idempotencyKey: key, idempotentReplayed };
	}

	/**
	 * The item failed: every Automatic key of it that Stripe refused for good (a decline, an
	 * impossible request) counts one more attempt, so the item's next attempt in a later execution
	 * (n8n's Retry) gets a new key instead of the stored refusal. Keys that succeeded, or whose
	 * outcome is unknown (5xx, no answer), keep theirs.
	 */
	itemFailed(itemIndex: number): void {
		const slots = this.slotsByItem.get(itemIndex);
		for (const [key, outcome] of this.outcomesByItem.get(itemIndex) ?? []) {
			const slot = slots?.get(key);
			if (slot === undefined || outcome.ok || !isFinalRefusal(outcome.error)) continue;
			this.state.attempts ??= {};
			this.state.refusedIn ??= {};
			// A replay of this execution's own refusal (Retry On Fail) is not another attempt.
			if (this.state.refusedIn[slot] === this.executionId) continue;
			this.state.attempts[slot] = (this.state.attempts[slot] ?? 0) + 1;
			if (this.executionId !== undefined) this.state.refusedIn[slot] = this.executionId;
		}
	}
}

const ledgers = new WeakMap<object, KeyLedger>();

/** The ledger of this node run (one per n8n context object), created on first use. */
export function keyLedgerOf(context: IExecuteFunctions): KeyLedger {
	const existing = ledgers.get(context);
	if (existing) return existing;
	const nodeContext = context.getContext('node');
	const state = (nodeContext[CONTEXT_FIELD] ??= {}) as StoredKeyState;
	const executionId = context.getExecutionId() ?? undefined;
	state.firstExecutionId ??= executionId;
	const ledger = new KeyLedger(state, executionId, () => {
		const runIndex: unknown = context.getWorkflowDataProxy(0).$runIndex;
		// Guessing 0 would give every pass of a loop the same key: refuse instead.
		if (typeof runIndex !== 'number') {
			throw new Error('Automatic idempotency key: n8n did not provide the run index ($runIndex).');
		}
		return runIndex;
	});
	ledgers.set(context, ledger);
	observeIdempotentWrites(context, (itemIndex, key, outcome) =>
		ledger.record(itemIndex, key, outcome),
	);
	return ledger;
}

function slotId(runIndex: number, itemIndex: number, operation: string): string {
	return `${runIndex}:${itemIndex}:${operation}`;
}

function entry<V>(map: Map<number, Map<string, V>>, itemIndex: number): Map<string, V> {
	let found = map.get(itemIndex);
	if (!found) {
		found = new Map();
		map.set(itemIndex, found);
	}
	return found;
}
