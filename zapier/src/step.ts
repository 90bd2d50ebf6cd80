import type { Bundle, ZObject } from 'zapier-platform-core';

import { withZapierErrors } from './errors';
import { stepIdempotencyKey } from './idempotency';
import { assertNoCardNumbersInInputs } from './inputGuard';
import { optionalText } from './inputs';
import { stripeCall } from './transport';

interface FieldLabel {
	key: string;
	label?: string;
}

export interface CreateStep {
	/** The action's key: it scopes the idempotency key. */
	key: string;
	fields: ReadonlyArray<FieldLabel>;
	path: string;
	/** Validates and converts the input; `read` GETs a Stripe object first when the params need one. */
	params: (
		inputData: Record<string, unknown>,
		read: (path: string) => Promise<Record<string, unknown>>,
	) => Record<string, unknown> | Promise<Record<string, unknown>>;
}

export interface CreatedObject {
	body: Record<string, unknown>;
	idempotencyKey: string;
	/** Stripe answered with the stored result of an earlier request with this key (a replay). */
	idempotentReplayed: boolean;
}

/**
 * The one way a create talks to Stripe: card-number guard over every input, then the params (which
 * validate and convert amounts, reading a Stripe object first when they must), then a POST with
 * the step's idempotency key through core.
 */
export async function postCreate(
	z: ZObject,
	bundle: Bundle,
	step: CreateStep,
): Promise<CreatedObject> {
	const inputData = (bundle.inputData ?? {}) as Record<string, unknown>;
	assertNoCardNumbersInInputs(inputData, step.fields);
	const read = async (path: string) => (await stripeCall(z, bundle, { method: 'GET', path })).body;
	const params = await step.params(inputData, read);
	const idempotencyKey = stepIdempotencyKey(
		bundle,
		step.key,
		inputData,
		optionalText(inputData.reference),
	);
	const result = await stripeCall(z, bundle, {
		method: 'POST',
		path: step.path,
		params,
		idempotencyKey,
	});
	return { body: result.body, idempotencyKey, idempotentReplayed: result.idempotentReplayed };
}

/** Guarded read: the same card-number guard, for searches and lists. */
export async function getFromStripe(
	z: ZObject,
	bundle: Bundle,
	fields: ReadonlyArray<FieldLabel>,
	path: string,
	params?: Record<string, unknown>,
): Promise<Record<string, unknown>> {
	assertNoCardNumbersInInputs((bundle.inputData ?? {}) as Record<string, unknown>, fields);
	return (await stripeCall(z, bundle, { method: 'GET', path, params })).body;
}

/** The perform of a create that posts once and shows the answer: errors become Zapier errors. */
export function createPerform(
	step: CreateStep,
	output: (body: Record<string, unknown>, idempotencyKey: string) => Record<string, unknown>,
) {
	return (z: ZObject, bundle: Bundle) =>
		withZapierErrors(z, async () => {
			const created = await postCreate(z, bundle, step);
			// Says whether money moved now or Stripe replayed an earlier answer (same Reference).
			return {
				...output(created.body, created.idempotencyKey),
				idempotentReplayed: created.idempotentReplayed,
			};
		});
}
