import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { partialRefundOfItem } from '../helpers/moneyParameters';
import { createCustomer, paidPaymentIntent, savedPaymentMethod } from './support/stripe';
import { startSuite, type E2eSuite } from './support/suite';
import { actionWorkflow, runAction } from './support/workflows';

type Item = Record<string, unknown>;
const field = (item: Item, name: string) => item[name] as Item;

describe('an action workflow moves money through the emulator', () => {
	let suite: E2eSuite;
	let customer = '';

	before(async () => {
		suite = await startSuite('actions');
		customer = (await createCustomer(suite.emulator.url, 'buyer@example.com')).id;
		const workflows = [
			actionWorkflow('e2eActCheckout01', suite.credential, 'e2e-checkout', {
				resource: 'checkoutSession',
				operation: 'create',
				mode: 'payment',
				currency: 'usd',
				customerSource: 'email',
				customerEmail: '={{ $json.email }}',
				successUrl: 'https://shop.example.com/thanks?session={CHECKOUT_SESSION_ID}',
				lineItems: { items: [{ type: 'adHoc', name: 'Course', amount: '={{ $json.price }}', quantity: 1 }] },
			}),
			actionWorkflow('e2eActCharge0001', suite.credential, 'e2e-charge', {
				resource: 'payment',
				operation: 'charge',
				customer: { __rl: true, mode: 'id', value: '={{ $json.customer }}' },
				paymentMethodSource: 'specific',
				paymentMethodId: '={{ $json.paymentMethod }}',
				amount: '={{ $json.amount }}',
				currency: 'usd',
				whenAuthenticationRequired: 'outputNextStep',
			}),
			actionWorkflow('e2eActRefund0001', suite.credential, 'e2e-refund', {
				...partialRefundOfItem(),
				reason: 'requested_by_customer',
			}),
		];
		for (const workflow of workflows) {
			await suite.rest.createWorkflow(workflow);
			await suite.rest.activate(workflow.id);
		}
	});
	after(async () => await suite?.stop());

	it('creates a hosted checkout session', async () => {
		const [session] = await runAction(suite.n8n.baseUrl, 'e2e-checkout', [
			{ email: 'buyer@example.com', price: '49.00' },
		]);
		assert.equal(session.object, 'checkout.session');
		assert.equal(session.mode, 'payment');
		assert.equal(session.amount_total, 4900);
		assert.match(String(session.url), /^https?:\/\//);
		assert.equal(field(session, 'payment').paid, false);
		assert.equal(typeof session.idempotencyKey, 'string');
	});

	it('charges a saved card; a decline and 3-D Secure come back with their next steps', async () => {
		// Saved the way a customer's card is saved: attached to the customer first.
		const visa = await savedPaymentMethod(suite.emulator.url, customer, 'pm_card_visa');
		const failing = await savedPaymentMethod(suite.emulator.url, customer, 'pm_card_chargeCustomerFail');
		const threeDs = await savedPaymentMethod(suite.emulator.url, customer, 'pm_card_authenticationRequired');
		const [paid, declined, needsAuthentication] = await runAction(suite.n8n.baseUrl, 'e2e-charge', [
			{ customer, paymentMethod: visa, amount: '25.00' },
			{ customer, paymentMethod: failing, amount: '25.00' },
			{ customer, paymentMethod: threeDs, amount: '25.00' },
		]);
		assert.equal(paid.object, 'payment_intent');
		assert.equal(paid.status, 'succeeded');
		assert.equal(paid.amount, 2500);
		assert.equal(field(paid, 'payment').paid, true);

		const error = field(declined, 'error');
		assert.ok(error, 'the decline is an error item (continue on fail)');
		assert.equal(error.nextStep, 'ask_for_new_payment_method');
		assert.doesNotMatch(JSON.stringify(declined), /sk_test_/);

		assert.notEqual(needsAuthentication.status, 'succeeded');
		const payment = field(needsAuthentication, 'payment');
		assert.equal(payment.paid, false);
		assert.equal(payment.nextStep, 'customer_must_authenticate');
	});

	it('refunds part of a paid payment', async () => {
		// Its own payment, so this scenario does not depend on the charge one.
		const paidIntent = (await paidPaymentIntent(suite.emulator.url, 2500)).id;
		const [refund] = await runAction(suite.n8n.baseUrl, 'e2e-refund', [
			{ paymentIntent: paidIntent, amount: '10.00' },
		]);
		assert.equal(refund.object, 'refund');
		assert.equal(refund.payment_intent, paidIntent);
		assert.equal(refund.amount, 1000);
		assert.equal(refund.status, 'succeeded');
	});
});
