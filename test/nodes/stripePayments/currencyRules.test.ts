import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { charge } from './paymentFixtures';
import { byId, runStripePayments, stripeMock, useStripeTestHooks } from './support';

/**
 * Issue 9, item 11: an amount that can never succeed, or a currency Stripe does not support, is
 * refused by the node before any request — as a request to fix, naming the field, never as
 * "please try again later".
 */
describe('Stripe Payments › amounts and currencies refused before sending', () => {
	useStripeTestHooks();

	async function refusal(parameters: INodeParameters) {
		const { requests } = stripeMock();
		const { output } = await runStripePayments(parameters, { continueOnFail: true });
		assert.equal(requests.length, 0, 'nothing was sent to Stripe');
		const error = output[0].json.error as IDataObject;
		assert.equal(error.nextStep, 'fix_request');
		assert.doesNotMatch(JSON.stringify(error), /try again later/i);
		return error;
	}

	it("a charge of 0, or under the currency's minimum charge", async () => {
		const zero = await refusal({ ...charge, amount: '0' });
		assert.match(String(error(zero)), /Amount.*below Stripe's minimum charge of 0\.50 USD/);
		const inr = await refusal({ ...charge, amount: '0.10', currency: 'inr' });
		assert.match(String(error(inr)), /minimum charge of 0\.50 INR/);
	});

	it('a currency Stripe does not support, naming the Currency field', async () => {
		for (const currency of ['zzz', 'XXX']) {
			const refused = await refusal({ ...charge, currency });
			assert.match(String(error(refused)), /Currency.*is not a currency Stripe supports/);
		}
	});

	it('a partial refund of 0', async () => {
		const { scope } = stripeMock();
		scope.get('/v1/payment_intents/pi_1').reply(200, { id: 'pi_1', currency: 'usd' });
		const { output } = await runStripePayments(
			{
				resource: 'refund',
				operation: 'create',
				refundSource: 'paymentIntent',
				paymentIntent: byId('pi_1'),
				amountType: 'partial',
				amount: '0',
			},
			{ continueOnFail: true },
		);
		const refused = output[0].json.error as IDataObject;
		assert.equal(refused.nextStep, 'fix_request');
		assert.match(String(error(refused)), /is zero: a refund moves no money/);
	});
});

function error(item: IDataObject): string {
	return `${String(item.message)} ${String(item.description ?? '')}`;
}
