import { createHash } from 'node:crypto';

import type { Bundle } from 'zapier-platform-core';

import { deriveIdempotencyKey } from '../../core/idempotency';

/**
 * The idempotency key of a money-moving step: core's automatic key, scoped by the Zap and the
 * step (the action's key), and driven by the step's input, or by the user's own reference when
 * one is given. Replaying a Zap run sends the same input, so Stripe answers with the stored result
 * instead of moving money again (within Stripe's 24-hour key window). Two different runs with
 * identical input also share a key: actions where that can happen legitimately (charging the same
 * customer the same amount twice) ask for a reference such as an order id.
 */
export function stepIdempotencyKey(
	bundle: Bundle,
	step: string,
	inputs: Record<string, unknown>,
	reference?: string,
): string {
	const zapId = bundle.meta?.zap?.id;
	const trimmedReference = reference?.trim();
	return deriveIdempotencyKey({
		workflowId: zapId ? `zap:${String(zapId)}` : 'zap:none',
		nodeId: step,
		operation: step,
		itemIndex: 0,
		triggerEventId: trimmedReference
			? `reference:${trimmedReference}`
			: `input:${hashOfInputs(inputs)}`,
	});
}

/** Key order does not change the hash: Zapier does not promise an order for inputData. */
export function hashOfInputs(inputs: Record<string, unknown>): string {
	return createHash('sha256').update(canonicalJson(inputs)).digest('hex');
}

function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, entry]) => entry !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}
