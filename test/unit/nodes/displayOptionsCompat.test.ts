import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { INodeProperties } from 'n8n-workflow';

import { versionDescription } from '../../../nodes/StripePayments/actions/versionDescription';
import { StripePaymentsTrigger } from '../../../nodes/StripePaymentsTrigger/StripePaymentsTrigger.node';

/**
 * n8n 1.x resolves a parameter's displayOptions only against parameters on the same level (and
 * `@version`): a top-level condition on `collection.child` makes activation fail with "Could not
 * resolve parameter dependencies. Max iterations reached!" (seen on 1.123.81 with the Idempotency
 * notice). n8n 2.x accepts it, so only this check keeps the 1.x line working.
 */
function unresolvable(properties: INodeProperties[], where: string): string[] {
	const names = new Set(properties.map((property) => property.name));
	const problems: string[] = [];
	for (const property of properties) {
		for (const condition of [property.displayOptions?.show, property.displayOptions?.hide]) {
			for (const key of Object.keys(condition ?? {})) {
				if (key.startsWith('@') || key.startsWith('/')) continue;
				if (!names.has(key)) problems.push(`${where} › ${property.name}: depends on "${key}"`);
			}
		}
		const children = property.options?.filter((option): option is INodeProperties => 'type' in option);
		if (children?.length) problems.push(...unresolvable(children, `${where} › ${property.name}`));
		for (const option of property.options ?? []) {
			if ('values' in option && Array.isArray(option.values)) {
				problems.push(...unresolvable(option.values, `${where} › ${property.name}.${option.name}`));
			}
		}
	}
	return problems;
}

describe('displayOptions that n8n 1.x can resolve', () => {
	it('Stripe Payments: every condition names a parameter on its own level', () => {
		assert.deepEqual(unresolvable(versionDescription.properties, 'Stripe Payments'), []);
	});

	it('Stripe Payments Trigger: every condition names a parameter on its own level', () => {
		const trigger = new StripePaymentsTrigger();
		assert.deepEqual(unresolvable(trigger.description.properties, 'Trigger'), []);
	});
});
