import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { customIdempotencyKey, deriveIdempotencyKey } from '../../../core/idempotency';
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
						'Derived from the workflow, node, operation, item and the Stripe event that started the run (else the execution)',
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
	workflowId: string;
	nodeId: string;
	executionId: string | null;
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
		triggerEventId:
			triggerEventIdOf(scope.itemJson) ?? triggerEventIdOf(scope.triggerItemJson ?? undefined),
		executionId: scope.executionId,
	});
}

/**
 * The key for the POST `operation` of item `itemIndex`, from the node's Idempotency field. The
 * triggering event is read from the item itself, else from the Stripe Payments Trigger item it
 * descends from through intermediate nodes (looked up only for Automatic, when needed).
 */
export function idempotencyKeyFor(
	this: IExecuteFunctions,
	itemIndex: number,
	operation: string,
): string {
	const setting = this.getNodeParameter('idempotency', itemIndex, {}) as IdempotencySetting;
	const item = this.getInputData()[itemIndex];
	const needsLineage = setting.keyMode !== 'custom' && triggerEventIdOf(item?.json) === null;
	return resolveIdempotencyKey({
		setting,
		operation,
		itemIndex,
		workflowId: String(this.getWorkflow().id ?? ''),
		nodeId: this.getNode().id,
		executionId: this.getExecutionId() ?? null,
		itemJson: item?.json,
		triggerItemJson: needsLineage ? triggerItemOf.call(this, itemIndex) : null,
	});
}
