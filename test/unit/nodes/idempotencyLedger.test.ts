import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { PaymentError } from '../../../core/errors';
import { deriveIdempotencyKey } from '../../../core/idempotency';
import type { PaymentErrorDetails } from '../../../core/payments/types';
import { reportIdempotentWrite } from '../../../nodes/shared/idempotentWrites';
import { versionDescription } from '../../../nodes/StripePayments/actions/versionDescription';
import { idempotencyKeyFor } from '../../../nodes/StripePayments/helpers/idempotency';
import { runPerItem } from '../../../nodes/StripePayments/helpers/runPerItem';
import { fakeExecuteContext } from './fakeExecuteContext';

const fast = { concurrency: 1, requestsPerSecond: 100_000 };
const decline: PaymentErrorDetails = {
	category: 'card_declined',
	message: 'declined',
	userMessage: 'Your card was declined.',
	nextStep: 'ask_for_new_payment_method',
	retryable: false,
	type: 'card_error',
	httpStatus: 402,
};
const serverError: PaymentErrorDetails = {
	category: 'gateway_unavailable',
	message: 'server error',
	userMessage: 'Try later.',
	nextStep: 'retry_later',
	retryable: true,
	httpStatus: 500,
};

type Answer = { replayed: boolean } | PaymentErrorDetails;

/**
 * One run of the node over these items, each item's POST answered as given, the way the transport
 * reports answers (reportIdempotentWrite). The node context object stands for what n8n stores with
 * the execution and gives back to a Retry (or to Retry On Fail in the same execution).
 */
async function runOnce(
	nodeContext: IDataObject,
	answers: Answer[],
	{ runIndex = 0, executionId = 'exec-1' } = {},
) {
	const context = fakeExecuteContext({
		parameters: { batching: fast, idempotency: {} },
		items: answers.map(() => ({})),
		continueOnFail: true,
		nodeContext,
		runIndex,
		executionId,
	});
	const keys: string[] = [];
	const output = await runPerItem.call(context, async function (this: IExecuteFunctions, i) {
		const idempotencyKey = idempotencyKeyFor.call(this, i, 'payment.charge');
		keys[i] = idempotencyKey;
		const answer = answers[i];
		if ('category' in answer) {
			reportIdempotentWrite(this, { itemIndex: i, idempotencyKey }, { ok: false, error: answer });
			throw new PaymentError(answer);
		}
		reportIdempotentWrite(this, { itemIndex: i, idempotencyKey }, { ok: true, ...answer });
		return { id: `pi_${i}`, idempotencyKey };
	});
	return { keys, json: output.map((item) => item.json) };
}

const keyOf = (itemIndex: number, attempt: number, runIndex = 0) =>
	deriveIdempotencyKey({
		workflowId: 'wf-1',
		nodeId: 'node-1',
		operation: 'payment.charge',
		itemIndex,
		runIndex,
		executionId: 'exec-1',
		attempt,
	});

describe('runPerItem + key ledger: replays reported, declines give the next attempt a new key', () => {
	it('every keyed output says idempotentReplayed, from what Stripe answered', async () => {
		const { json } = await runOnce({}, [{ replayed: false }, { replayed: true }]);
		assert.deepEqual(
			json.map((item) => item.idempotentReplayed),
			[false, true],
		);
		assert.deepEqual(
			json.map((item) => item.idempotencyKey),
			[keyOf(0, 0), keyOf(1, 0)],
		);
	});

	it('next attempt: the declined item gets attempt 1, the paid one and the 5xx one keep theirs', async () => {
		const nodeContext: IDataObject = {};
		const first = await runOnce(nodeContext, [{ replayed: false }, decline, serverError]);
		assert.deepEqual(first.keys, [keyOf(0, 0), keyOf(1, 0), keyOf(2, 0)]);

		// n8n's Retry: a new execution with the first one's node context.
		const retry = { executionId: 'exec-2' };
		const second = await runOnce(nodeContext, [{ replayed: true }, decline, serverError], retry);
		assert.deepEqual(second.keys, [keyOf(0, 0), keyOf(1, 1), keyOf(2, 0)]);

		const third = await runOnce(nodeContext, [{ replayed: true }, { replayed: false }, decline], {
			executionId: 'exec-3',
		});
		assert.deepEqual(third.keys, [keyOf(0, 0), keyOf(1, 2), keyOf(2, 0)]);
		assert.deepEqual(
			third.json.map((item) => item.idempotentReplayed),
			[true, false, undefined],
		);
	});

	it('Retry On Fail (same execution) replays the decline; the next execution tries anew', async () => {
		const nodeContext: IDataObject = {};
		await runOnce(nodeContext, [decline]);
		const sameExecution = await runOnce(nodeContext, [decline]);
		assert.deepEqual(sameExecution.keys, [keyOf(0, 0)], 'no new attempt at the bank seconds later');
		const again = await runOnce(nodeContext, [decline]);
		assert.deepEqual(again.keys, [keyOf(0, 0)]);
		const retried = await runOnce(nodeContext, [{ replayed: false }], { executionId: 'exec-2' });
		assert.deepEqual(retried.keys, [keyOf(0, 1)], 'one refusal counted, however often replayed');
	});

	it('attempts are counted per pass: a decline in pass 1 leaves pass 0 alone', async () => {
		const nodeContext: IDataObject = {};
		await runOnce(nodeContext, [decline], { runIndex: 1 });
		const retry = { executionId: 'exec-2' };
		assert.deepEqual((await runOnce(nodeContext, [{ replayed: true }], retry)).keys, [keyOf(0, 0)]);
		assert.deepEqual(
			(await runOnce(nodeContext, [{ replayed: false }], { ...retry, runIndex: 1 })).keys,
			[keyOf(0, 1, 1)],
		);
	});
});

describe('the Automatic idempotency notice in the editor', () => {
	const properties = versionDescription.properties;
	const shown = (property: INodeProperties, parameters: IDataObject) =>
		NodeHelpers.displayParameter(parameters as never, property, null, versionDescription);

	it('stands right before every Idempotency field, with its visibility', () => {
		const idempotencyFields = properties.filter((property) => property.name === 'idempotency');
		assert.ok(idempotencyFields.length >= 10);
		for (const field of idempotencyFields) {
			const notice = properties[properties.indexOf(field) - 1];
			assert.equal(notice.type, 'notice');
			assert.deepEqual(notice.displayOptions?.show, field.displayOptions?.show);
		}
	});

	it('shows with the Idempotency field, and hides for other operations', () => {
		const notices = properties.filter((property) => property.name === 'automaticIdempotencyNotice');
		const visible = (parameters: IDataObject) =>
			notices.filter((notice) => shown(notice, parameters)).length;
		const refund = { resource: 'refund', operation: 'create' };
		assert.equal(visible(refund), 1);
		assert.equal(visible({ ...refund, idempotency: { keyMode: 'automatic' } }), 1);
		assert.equal(visible({ resource: 'refund', operation: 'get' }), 0);
		assert.match(String(notices[0].displayName), /Custom with your order ID/);
		assert.match(String(notices[0].displayName), /In a sub-workflow .* Automatic is refused/);
	});
});
