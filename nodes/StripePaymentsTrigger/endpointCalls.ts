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
 * The Stripe calls of the endpoint lifecycle. A person waits on activation, so these retry briefly
 * (three attempts within about four seconds) and fail with an error about endpoints.
 */

export const ENDPOINTS_PATH = '/v1/webhook_endpoints';

const LIFECYCLE_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 3,
	baseDelayMs: 300,
	maxDelayMs: 1_000,
	maxTotalMs: 4_000,
};

/** The lifecycle budget, or the transport's when that is shorter still (tests shorten it). */
export function lifecycleRetryPolicy(): RetryPolicy {
	const node = stripeTransportSettings.retryPolicy;
	return {
		maxAttempts: Math.min(LIFECYCLE_RETRY_POLICY.maxAttempts, node.maxAttempts),
		baseDelayMs: Math.min(LIFECYCLE_RETRY_POLICY.baseDelayMs, node.baseDelayMs),
		maxDelayMs: Math.min(LIFECYCLE_RETRY_POLICY.maxDelayMs, node.maxDelayMs),
		maxTotalMs: Math.min(LIFECYCLE_RETRY_POLICY.maxTotalMs, node.maxTotalMs),
	};
}

export async function listEndpoints(context: IHookFunctions): Promise<IDataObject[]> {
	return await stripeApiRequestAllItems.call(
		context,
		ENDPOINTS_PATH,
		{},
		{
			retryPolicy: lifecycleRetryPolicy(),
		},
	);
}

/** Deletes one endpoint; one that is already gone counts as deleted. Every other error is raised. */
export async function deleteEndpointById(context: IHookFunctions, id: string): Promise<void> {
	try {
		await stripeApiRequest.call(context, {
			method: 'DELETE',
			path: `${ENDPOINTS_PATH}/${encodeURIComponent(id)}`,
			retryPolicy: lifecycleRetryPolicy(),
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
