import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	customIdempotencyKey,
	deriveIdempotencyKey,
	refuseAutomaticKeyInSubWorkflow,
} from '../../../core/idempotency';
import { keyLedgerOf } from './keyLedger';
import { triggerItemOf } from './triggerLineage';

/** The shared "Idempotency" field every POST operation shows (see docs/idempotency.md). */
export const idempotencyOption: INodeProperties = {
	displayName: 'Idempotency',
	name: 'idempotency',
	type: 'collection',
	placeholder: 'Set Idempotency Key',
	default: {},
	description:
		'Stripe performs a request with the same key only once, so a retried run cannot move money twice',
	options: [
		{
			displayName: 'Key',
			name: 'keyMode',
			type: 'options',
			default: 'automatic',
			options: [
				{
					name: 'Automatic',
					value: 'automatic',
					description:
						'Derived from the workflow, node, operation, loop pass, item and the Stripe event that started the run (else the first execution). Refused in a sub-workflow.',
				},
				{
					name: 'Custom',
					value: 'custom',
					description: 'A value that identifies the payment, such as the order ID',
				},
			],
		},
		{
			displayName: 'Custom Key',
			name: 'customKey',
			type: 'string',
			default: '',
			placeholder: '={{ $json.orderId }}',
			description:
				'Same value, same operation: Stripe replays the first result instead of acting again',
			displayOptions: { show: { keyMode: ['custom'] } },
		},
	],
};

/**
 * Shown above the Idempotency field: the node cannot see, in the editor, what started the workflow,
 * and Automatic cannot tell a second start of the same payment (a form sent twice, a webhook sent
 * again) from a new payment, nor work in a sub-workflow (refused there). It follows the field's own
 * visibility only: hiding it for Custom keys would need a condition on `idempotency.keyMode`, a
 * parameter inside a collection, which n8n 1.x cannot resolve ("Could not resolve parameter
 * dependencies", the workflow fails to activate).
 */
export const automaticKeyNotice: INodeProperties = {
	displayName:
		'With an Automatic key (the default), idempotency protects n8n’s Retry of a failed execution, loops and Stripe re-deliveries (after the Stripe Payments Trigger). Started by a Schedule, Form, Webhook or manual run, every new execution is a new payment: if the same payment can start twice, set Idempotency › Key to Custom with your order ID. In a sub-workflow (called by Execute Workflow) Automatic is refused: choose Custom and map the order ID or refund reference.',
	name: 'automaticIdempotencyNotice',
	type: 'notice',
	default: '',
};

/** Puts the notice before every Idempotency field, with that field's visibility. */
export function withIdempotencyNotices(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		if (property.name !== idempotencyOption.name) return [property];
		const notice: INodeProperties = {
			...automaticKeyNotice,
			displayOptions: property.displayOptions,
		};
		return [notice, property];
	});
}

export interface IdempotencySetting {
	keyMode?: 'automatic' | 'custom';
	customKey?: string;
}

/**
 * The id of the Stripe event that started this execution, when the item carries one: our trigger's
 * output (`event.id`) or a raw Stripe event object (`id: evt_…`, `object: 'event'`).
 */
export function triggerEventIdOf(json: IDataObject | undefined): string | null {
	if (!json) return null;
	const event = json.event as IDataObject | undefined;
	if (event && typeof event === 'object' && isEventId(event.id)) return event.id;
	if (json.object === 'event' && isEventId(json.id)) return json.id;
	return null;
}

function isEventId(value: unknown): value is string {
	return typeof value === 'string' && /^evt_[A-Za-z0-9_]+$/.test(value);
}

export interface IdempotencyScope {
	setting: IdempotencySetting;
	/** `${resource}.${operation}`, plus a suffix for a second POST in the same item. */
	operation: string;
	itemIndex: number;
	/** The node's pass in this execution (n8n run index). */
	runIndex?: number;
	workflowId: string;
	nodeId: string;
	/** The first execution of this run of the workflow (kept across n8n's Retry). */
	executionId: string | null;
	/** Earlier attempts of this pass, item and operation that ended in a final refusal. */
	attempt?: number;
	/** The execution that called this one as a sub-workflow, when it is one. */
	parentExecutionId?: string | null;
	itemJson?: IDataObject;
	/** The Stripe Payments Trigger item this item descends from (paired items), when resolvable. */
	triggerItemJson?: IDataObject | null;
}

export function resolveIdempotencyKey(scope: IdempotencyScope): string {
	if (scope.setting.keyMode === 'custom') {
		return customIdempotencyKey(scope.operation, String(scope.setting.customKey ?? ''));
	}
	return deriveIdempotencyKey({
		workflowId: scope.workflowId,
		nodeId: scope.nodeId,
		operation: scope.operation,
		itemIndex: scope.itemIndex,
		runIndex: scope.runIndex,
		triggerEventId:
			triggerEventIdOf(scope.itemJson) ?? triggerEventIdOf(scope.triggerItemJson ?? undefined),
		executionId: scope.executionId,
		attempt: scope.attempt,
		parentExecutionId: scope.parentExecutionId,
	});
}

/**
 * The key for the POST `operation` of item `itemIndex`, from the node's Idempotency field. The
 * triggering event is read from the item itself, else from the Stripe Payments Trigger item it
 * descends from through intermediate nodes (looked up only for Automatic, when needed). The first
 * execution and the attempt count come from the node's context (see keyLedger.ts).
 */
export function idempotencyKeyFor(
	this: IExecuteFunctions,
	itemIndex: number,
	operation: string,
): string {
	const setting = this.getNodeParameter('idempotency', itemIndex, {}) as IdempotencySetting;
	const item = this.getInputData()[itemIndex];
	const automatic = setting.keyMode !== 'custom';
	const needsLineage = automatic && triggerEventIdOf(item?.json) === null;
	const ledger = keyLedgerOf(this);
	const runIndex = ledger.runIndex;
	const key = resolveIdempotencyKey({
		setting,
		operation,
		itemIndex,
		runIndex,
		workflowId: String(this.getWorkflow().id ?? ''),
		nodeId: this.getNode().id,
		executionId: ledger.firstExecutionId,
		attempt: automatic ? ledger.attemptOf(runIndex, itemIndex, operation) : 0,
		parentExecutionId: parentExecutionIdOf(this),
		itemJson: item?.json,
		triggerItemJson: needsLineage ? triggerItemOf.call(this, itemIndex) : null,
	});
	ledger.issued(key, itemIndex, automatic ? { runIndex, operation } : undefined);
	return key;
}

/**
 * The execution that started this one as a sub-workflow (n8n's Execute Workflow), else null.
 * n8n 2.x puts it in the execution's runtime data (`getExecutionContext().parentExecutionId`);
 * older n8n runs every sub-workflow, and only those, in mode `integrated`.
 */
export function parentExecutionIdOf(context: IExecuteFunctions): string | null {
	const parent = context.getExecutionContext?.()?.parentExecutionId;
	if (typeof parent === 'string' && parent !== '') return parent;
	return context.getMode() === 'integrated' ? 'a calling workflow' : null;
}

/**
 * Checks, before any request, that item `itemIndex` may use its Idempotency setting: an Automatic
 * key is refused in a sub-workflow (core rule refuseAutomaticKeyInSubWorkflow). Only for operations
 * that show the field (n8n fills in a shown field's default, so the parameter is present).
 */
export function idempotencySettingGuard(context: IExecuteFunctions): (itemIndex: number) => void {
	if (!(idempotencyOption.name in context.getNode().parameters)) return () => {};
	const parentExecutionId = parentExecutionIdOf(context);
	if (parentExecutionId === null) return () => {};
	return (itemIndex) => {
		const setting = context.getNodeParameter(idempotencyOption.name, itemIndex, {});
		if ((setting as IdempotencySetting).keyMode === 'custom') return;
		refuseAutomaticKeyInSubWorkflow(parentExecutionId);
	};
}
