import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { PaymentError, PaymentInputError } from '../../core/errors';
import { isFinalRefusal } from '../../core/idempotency';
import type { PaymentErrorDetails } from '../../core/payments/types';
import { redactDeep, redactSecrets } from '../../core/security/redact';

/** What a workflow sees in `error` of a failed item with "Continue on fail" (stable shape, nulls included). */
export interface PaymentErrorItem extends IDataObject {
	message: string;
	userMessage: string;
	nextStep: string;
	type: string | null;
	code: string | null;
	declineCode: string | null;
	retryable: boolean;
	docUrl: string | null;
	requestId: string | null;
}

type ErrorWithPaymentContext = (NodeApiError | NodeOperationError) & {
	context: IDataObject & { paymentError?: PaymentErrorDetails };
};

/**
 * Turns anything thrown while talking to Stripe into the n8n error to raise: plain language, redacted,
 * naming the item, with the structured details kept in `context.paymentError` for runPerItem and for
 * operations that branch on them (3-D Secure recovery).
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.message = redactSecrets(error.message);
		if (typeof error.description === 'string') error.description = redactSecrets(error.description);
		if (itemIndex !== undefined && error.context.itemIndex === undefined) {
			error.context.itemIndex = itemIndex;
		}
		return error;
	}
	if (error instanceof PaymentError) {
		const details = redactDeep(error.details);
		const nodeError = new NodeApiError(node, { ...details } as unknown as JsonObject, {
			message: details.message,
			description: describeNextStep(details),
			httpCode: details.httpStatus !== undefined ? String(details.httpStatus) : undefined,
			itemIndex,
		}) as ErrorWithPaymentContext;
		nodeError.message = details.message;
		nodeError.context.paymentError = details;
		return nodeError;
	}
	if (error instanceof PaymentInputError) {
		const message = redactSecrets(error.message);
		const nodeError = new NodeOperationError(node, message, {
			description: redactSecrets(error.fix),
			itemIndex,
		}) as ErrorWithPaymentContext;
		nodeError.context.paymentError = {
			category: 'invalid_request',
			message,
			userMessage: 'The payment request was incomplete or invalid.',
			nextStep: 'fix_request',
			retryable: false,
			type: 'input_error',
			param: error.field,
		};
		return nodeError;
	}
	const message = redactSecrets(error instanceof Error ? error.message : String(error));
	return new NodeOperationError(node, message, { itemIndex });
}

/** The structured details of an error raised by the transport (or undefined for other errors). */
export function paymentErrorDetailsOf(error: unknown): PaymentErrorDetails | undefined {
	if (error instanceof PaymentError) return error.details;
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		return (error as ErrorWithPaymentContext).context.paymentError;
	}
	return undefined;
}

/** The `error` object of a failed item with "Continue on fail". Never holds a key or secret. */
export function paymentErrorItem(error: unknown): PaymentErrorItem {
	const details = paymentErrorDetailsOf(error);
	if (details) {
		const safe = redactDeep(details);
		return {
			message: safe.message,
			userMessage: safe.userMessage,
			nextStep: safe.nextStep,
			type: safe.type ?? null,
			code: safe.code ?? null,
			declineCode: safe.declineCode ?? null,
			retryable: safe.retryable,
			docUrl: safe.docUrl ?? null,
			requestId: safe.requestId ?? null,
		};
	}
	const message = redactSecrets(error instanceof Error ? error.message : String(error));
	return {
		message,
		userMessage: 'The payment could not be processed.',
		nextStep: 'fix_request',
		type: null,
		code: null,
		declineCode: null,
		retryable: false,
		docUrl: null,
		requestId: null,
	};
}

const NEXT_STEP_ADVICE: Record<string, string> = {
	none: 'Nothing to do.',
	retry_later:
		'Retry later: re-sending the same request (same idempotency key) cannot move money twice.',
	retry_now:
		'Retry now: re-sending the same request (same idempotency key) cannot move money twice.',
	ask_for_new_payment_method: 'Ask the customer for another payment method.',
	customer_must_authenticate: 'The customer must authenticate: send them a payment link.',
	do_not_retry: 'Do not retry this payment.',
	fix_request: 'Fix the request parameters, then run again.',
	fix_credentials: 'Check the Stripe key in the credential.',
	check_permissions: 'Give the key (or restricted key) the permission this call needs.',
	check_configuration: 'Check the Stripe account and the credential mode (test or live).',
	look_for_earlier_payment: 'Look for the earlier payment before charging again.',
	wait_for_payment: 'Wait for the payment to complete.',
	review_for_fraud: 'Do not retry; review the payment for fraud.',
};

/**
 * Stripe keeps a refusal (a decline, an impossible request) under its idempotency key and replays
 * it: the same key can never succeed, so for those the advice says how the next attempt gets a new
 * key, and never "retry with the same key".
 */
const NEW_KEY_ADVICE =
	'Stripe replays this refusal to the same idempotency key for 24 hours, so the next attempt needs a new key: with Automatic, n8n’s Retry of this execution gives this item a new key while items that succeeded replay (Retry On Fail, within the execution, only replays the refusal); with a Custom key, change the value (for example add the attempt number).';
const NO_NEW_ATTEMPT: ReadonlySet<string> = new Set(['do_not_retry', 'review_for_fraud']);

function describeNextStep(details: PaymentErrorDetails): string {
	let advice = NEXT_STEP_ADVICE[details.nextStep] ?? '';
	if (isFinalRefusal(details) && !NO_NEW_ATTEMPT.has(details.nextStep)) {
		const step = details.nextStep === 'retry_later' ? 'Retry later.' : advice;
		advice = `${step} ${NEW_KEY_ADVICE}`;
	}
	return `${details.userMessage} Next step: ${details.nextStep}. ${advice}`.trim();
}
