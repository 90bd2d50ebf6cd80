import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RetryPolicy } from '../../core/stripe/client';
import { paymentErrorDetailsOf, toNodeError } from '../shared/nodeErrors';
import {
	stripeApiRequest,
	stripeApiRequestAllItems,
	stripeTransportSettings,
} from '../shared/stripeTransport';

/**
 * The Stripe calls of the endpoint lifecycle, with retry budgets sized for a person waiting on
 * activation. n8n 2.40.7 itself retries a failing trigger registration five times, 1, 2, 4 and 8 s
 * apart (TRIGGER_ACTIVATION_MAX_ATTEMPTS), running our clean-up (delete) after each failure; so
 * activation calls make one attempt each (n8n's retries are the retries) and removals two.
 * A deactivation's delete is not retried by n8n (ours never throws), so removals retry here.
 */

export const ENDPOINTS_PATH = '/v1/webhook_endpoints';

export type LifecycleStep = 'activation' | 'removal';

const LIFECYCLE_RETRY_POLICIES: Record<LifecycleStep, RetryPolicy> = {
	activation: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, maxTotalMs: 10_000 },
	removal: { maxAttempts: 2, baseDelayMs: 500, maxDelayMs: 1_000, maxTotalMs: 3_000 },
};

/** The step's budget, or the transport's when that is shorter still (tests shorten it). */
export function lifecycleRetryPolicy(step: LifecycleStep): RetryPolicy {
	const node = stripeTransportSettings.retryPolicy;
	const policy = LIFECYCLE_RETRY_POLICIES[step];
	return {
		maxAttempts: Math.min(policy.maxAttempts, node.maxAttempts),
		baseDelayMs: Math.min(policy.baseDelayMs, node.baseDelayMs),
		maxDelayMs: Math.min(policy.maxDelayMs, node.maxDelayMs),
		maxTotalMs: Math.min(policy.maxTotalMs, node.maxTotalMs),
	};
}

export async function listEndpoints(
	context: IHookFunctions,
	step: LifecycleStep,
): Promise<IDataObject[]> {
	const retryPolicy = lifecycleRetryPolicy(step);
	return await stripeApiRequestAllItems.call(context, ENDPOINTS_PATH, {}, { retryPolicy });
}

/** Deletes one endpoint; one that is already gone counts as deleted. Every other error is raised. */
export async function deleteEndpointById(context: IHookFunctions, id: string): Promise<void> {
	try {
		await stripeApiRequest.call(context, {
			method: 'DELETE',
			path: `${ENDPOINTS_PATH}/${encodeURIComponent(id)}`,
			retryPolicy: lifecycleRetryPolicy('removal'),
		});
	} catch (error) {
		if (paymentErrorDetailsOf(error)?.category !== 'not_found') {
			throw toNodeError(context.getNode(), error);
		}
		context.logger.info(`Stripe webhook endpoint ${id} was already deleted`);
	}
}

/** Deletes each endpoint; returns the ids Stripe did not delete, with the reason of the first. */
export async function deleteEndpointsById(
	context: IHookFunctions,
	ids: string[],
): Promise<{ failed: string[]; reason?: string }> {
	const failed: string[] = [];
	let reason: string | undefined;
	for (const id of ids) {
		try {
			await deleteEndpointById(context, id);
		} catch (error) {
			failed.push(id);
			reason ??= reasonOf(error);
		}
	}
	return { failed, reason };
}

const IDEMPOTENCY_ADVICE =
	/[;.]?\s*retrying with the same idempotency key cannot charge twice\.?/gi;

/** Why a Stripe call failed, in Stripe's words, without our retry advice about idempotency keys. */
export function reasonOf(error: unknown): string {
	const details = paymentErrorDetailsOf(error);
	if (details) {
		const status = details.httpStatus !== undefined ? `HTTP ${details.httpStatus}: ` : '';
		const message = details.message.replace(IDEMPOTENCY_ADVICE, '.');
		return `${status}${message}`;
	}
	return error instanceof Error ? error.message : String(error);
}

/** The activation error a user sees: what failed, that nothing stays registered, what to do. */
export function endpointError(
	context: IHookFunctions,
	whatFailed: string,
	error: unknown,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Could not ${whatFailed} (${reasonOf(error)})`, {
		description:
			'The trigger is not listening: no endpoint is registered for it. Check the credential ' +
			'and https://status.stripe.com, then publish the workflow again.',
	});
}
