import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { PaymentError } from '../../../core/errors';
import { runPerItem } from '../../../nodes/StripePayments/helpers/runPerItem';
import { fakeExecuteContext } from './fakeExecuteContext';

const fast = { concurrency: 3, requestsPerSecond: 100_000 };

describe('runPerItem', () => {
	it('keeps input order and pairs every output with its item, whatever finishes first', async () => {
		const context = fakeExecuteContext({
			parameters: { batching: fast, amount: (i: number) => String(i) },
			items: [{}, {}, {}, {}, {}],
		});
		const output = await runPerItem.call(context, async function (this: IExecuteFunctions, i) {
			// later items finish first
			await new Promise((resolve) => setImmediate(resolve));
			if (i === 0) await new Promise((resolve) => setImmediate(resolve));
			return i === 2
				? [
						{ n: 2, part: 'a' },
						{ n: 2, part: 'b' },
					]
				: { n: i };
		});
		assert.deepEqual(
			output.map((item) => [item.json.n, item.pairedItem]),
			[
				[0, { item: 0 }],
				[1, { item: 1 }],
				[2, { item: 2 }],
				[2, { item: 2 }],
				[3, { item: 3 }],
				[4, { item: 4 }],
			],
		);
	});

	it('never runs more items at once than the concurrency option', async () => {
		const context = fakeExecuteContext({
			parameters: { batching: { concurrency: 2, requestsPerSecond: 100_000 } },
			items: Array.from({ length: 7 }, () => ({})),
		});
		let running = 0;
		let peak = 0;
		await runPerItem.call(context, async () => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setImmediate(resolve));
			running--;
			return {};
		});
		assert.equal(peak, 2);
	});

	it('with Continue on fail, turns a payment error into the structured error item', async () => {
		const context = fakeExecuteContext({
			parameters: { batching: fast },
			items: [{}, {}],
			continueOnFail: true,
		});
		const output = await runPerItem.call(context, async (i) => {
			if (i === 1) {
				throw new PaymentError({
					category: 'card_declined',
					message: 'The card was declined with key sk_test_abcdef123456.',
					userMessage: 'Your card was declined.',
					nextStep: 'ask_for_new_payment_method',
					retryable: false,
					type: 'card_error',
					code: 'card_declined',
					declineCode: 'generic_decline',
					docUrl: 'https://stripe.com/docs/error-codes/card-declined',
					requestId: 'req_1',
					httpStatus: 402,
				});
			}
			return { ok: true };
		});
		assert.deepEqual(output[0].json, { ok: true });
		assert.deepEqual(output[1].pairedItem, { item: 1 });
		const error = output[1].json.error as IDataObject;
		assert.deepEqual(Object.keys(error).sort(), [
			'code',
			'declineCode',
			'docUrl',
			'message',
			'nextStep',
			'requestId',
			'retryable',
			'type',
			'userMessage',
		]);
		assert.equal(error.nextStep, 'ask_for_new_payment_method');
		assert.equal(error.declineCode, 'generic_decline');
		assert.equal(error.retryable, false);
		assert.doesNotMatch(String(error.message), /abcdef123456/);
	});

	it('without Continue on fail, throws a NodeApiError naming the item and stops taking items', async () => {
		const context = fakeExecuteContext({
			parameters: { batching: { concurrency: 1, requestsPerSecond: 100_000 } },
			items: [{}, {}, {}],
		});
		const started: number[] = [];
		await assert.rejects(
			runPerItem.call(context, async (i) => {
				started.push(i);
				if (i === 1) {
					throw new PaymentError({
						category: 'rate_limited',
						message: 'Too many requests.',
						userMessage: 'Please try again.',
						nextStep: 'retry_later',
						retryable: true,
						httpStatus: 429,
					});
				}
				return {};
			}),
			(error: Error & { context?: IDataObject; name: string }) => {
				assert.equal(error.name, 'NodeApiError');
				assert.equal(error.message, 'Too many requests.');
				assert.equal(error.context?.itemIndex, 1);
				return true;
			},
		);
		assert.deepEqual(started, [0, 1]);
	});

	it('refuses a card number in any item before any item runs', async () => {
		const context = fakeExecuteContext({
			parameters: {
				batching: fast,
				description: (i: number) => (i === 1 ? 'card 4242 4242 4242 4242' : 'ok'),
			},
			items: [{}, {}],
		});
		let calls = 0;
		await assert.rejects(
			runPerItem.call(context, async () => {
				calls++;
				return {};
			}),
			(error: Error) => {
				assert.match(error.message, /description/);
				assert.doesNotMatch(error.message, /4242 4242 4242/);
				return true;
			},
		);
		assert.equal(calls, 0);
	});

	it('with Continue on fail, fails only the item holding a card number', async () => {
		const context = fakeExecuteContext({
			parameters: {
				batching: fast,
				metadata: (i: number) => ({
					entries: [{ key: 'note', value: i === 0 ? '4000056655665556' : 'x' }],
				}),
			},
			items: [{}, {}],
			continueOnFail: true,
		});
		const ran: number[] = [];
		const output = await runPerItem.call(context, async (i) => {
			ran.push(i);
			return { i };
		});
		assert.deepEqual(ran, [1]);
		assert.equal((output[0].json.error as IDataObject).nextStep, 'fix_request');
		assert.deepEqual(output[1].json, { i: 1 });
	});

	it('a card number in a parameter without an expression fails every item, not only the first', async () => {
		const context = fakeExecuteContext({
			parameters: { batching: fast, description: 'pay with 5555 5555 5555 4444' },
			items: [{}, {}, {}],
			continueOnFail: true,
		});
		let calls = 0;
		const output = await runPerItem.call(context, async () => {
			calls++;
			return {};
		});
		assert.equal(calls, 0);
		assert.equal(output.length, 3);
		for (const item of output) {
			assert.equal((item.json.error as IDataObject).nextStep, 'fix_request');
			assert.doesNotMatch(JSON.stringify(item.json), /5555 5555 5555 4444/);
		}
	});
});
