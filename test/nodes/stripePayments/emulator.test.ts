import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type Stripe from 'stripe';

import { startStripeEmulator, type StripeEmulator } from '../../emulator';
import { stripeClient } from '../../emulator/testClient';
import {
	byId,
	EACH_ITEMS_PAYMENT_INTENT,
	fullRefundParameters,
	restoreRetries,
	runStripePayments,
	TEST_KEY,
	useFastRetries,
} from './support';

/**
 * The node against the Stripe emulator (which validates parameters, keeps idempotency keys and
 * records every money movement), rather than against canned answers.
 */
describe('Stripe Payments › against the Stripe emulator', () => {
	let emulator: StripeEmulator;
	let stripe: Stripe;
	let customer: string;

	before(async () => {
		useFastRetries();
		emulator = await startStripeEmulator({ rateLimitPerSecond: 0 });
		stripe = stripeClient(emulator, TEST_KEY);
		customer = (await stripe.customers.create({ email: 'ada@example.com' })).id;
	});
	after(async () => {
		restoreRetries();
		await emulator.stop();
	});

	const run = (
		parameters: INodeParameters,
		options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
	) => runStripePayments(parameters, { ...options, credential: { baseUrl: emulator.url } });

	const charge = (paymentMethodId: string, extra: INodeParameters = {}) => ({
		resource: 'payment',
		operation: 'charge',
		customer: byId(customer),
		paymentMethodSource: 'specific',
		paymentMethodId,
		amount: '12.50',
		currency: 'eur',
		metadata: { entries: [{ key: 'order_id', value: 'A-7' }] },
		...extra,
	});

	it('charges a saved card, then refunds part of it, each once', async () => {
		const charged = await run(charge('pm_card_visa'));
		const payment = charged.output[0].json.payment as IDataObject;
		assert.equal(payment.paid, true);
		assert.equal(payment.amountMinor, 1250);
		const paymentIntent = String(charged.output[0].json.id);

		const refunded = await run({
			resource: 'refund',
			operation: 'create',
			refundSource: 'paymentIntent',
			paymentIntent: byId(paymentIntent),
			amountType: 'partial',
			amount: '2.5',
		});
		assert.equal(refunded.output[0].json.amount, 250);
		const movements = emulator
			.scope()
			.moneyMovements.filter((m) => m.paymentIntent === paymentIntent);
		assert.deepEqual(
			movements.map((m) => [m.kind, m.amount]),
			[
				['charge', 1250],
				['refund', 250],
			],
		);
	});

	it('a decline is one attempt with its next step; 3-D Secure gets a recovery Checkout Session', async () => {
		const declined = await run(charge('pm_card_chargeDeclinedInsufficientFunds'), {
			continueOnFail: true,
		});
		assert.equal((declined.output[0].json.error as IDataObject).nextStep, 'retry_later');

		const needsCustomer = await run(
			charge('pm_card_authenticationRequired', {
				whenAuthenticationRequired: 'createRecoveryLink',
				recoverySuccessUrl: 'https://example.com/paid?session_id={CHECKOUT_SESSION_ID}',
			}),
		);
		const payment = needsCustomer.output[0].json.payment as IDataObject;
		assert.equal(payment.paid, false);
		assert.equal(payment.nextStep, 'customer_must_authenticate');
		const session = needsCustomer.output[0].json.recoveryCheckoutSession as IDataObject;
		assert.equal(payment.nextStepUrl, session.url);
		assert.equal(session.amount_total, 1250);
		assert.equal(session.customer, customer);
		assert.equal((session.metadata as IDataObject).order_id, 'A-7');
	});

	it('under injected faults (500s, resets after execution, 429s) every payment is refunded exactly once', async () => {
		const intents: string[] = [];
		for (let index = 0; index < 20; index++) {
			const intent = await stripe.paymentIntents.create({
				amount: 1000,
				currency: 'usd',
				customer,
				payment_method: 'pm_card_visa',
				confirm: true,
				automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
			});
			intents.push(intent.id);
		}
		emulator.faults.set({
			seed: 7,
			error500: 0.15,
			resetAfter: 0.15,
			rateLimit429: 0.1,
			retryAfterSeconds: 0,
			pathPrefixes: ['/v1/refunds'],
			methods: ['POST'],
		});
		const { output } = await run(
			fullRefundParameters(EACH_ITEMS_PAYMENT_INTENT, { batching: { concurrency: 1 } }),
			{ items: intents.map((paymentIntent) => ({ paymentIntent })), continueOnFail: true },
		);
		emulator.faults.clear();

		const injected = emulator.faults.injected;
		assert.ok(injected.error500 + injected.resetAfter + injected.rateLimit429 > 0);
		const refunds = emulator.scope().moneyMovements.filter((m) => m.kind === 'refund');
		for (const [index, paymentIntent] of intents.entries()) {
			const count = refunds.filter((m) => m.paymentIntent === paymentIntent).length;
			const item = output[index].json;
			if (item.error) {
				// Gave up after the retry budget: at most the one refund Stripe may have made.
				assert.ok(count <= 1, `${paymentIntent}: ${count} refunds`);
				assert.equal((item.error as IDataObject).retryable, true);
			} else {
				assert.equal(count, 1, `${paymentIntent}: ${count} refunds`);
				assert.equal((item.payment as IDataObject).paymentId, paymentIntent);
			}
		}
		assert.ok(output.filter((item) => !item.json.error).length >= 18);
	});

	it('creates checkout sessions (all modes) and payment links the emulator accepts', async () => {
		const price = await stripe.prices.create({
			currency: 'eur',
			unit_amount: 900,
			recurring: { interval: 'month' },
			product_data: { name: 'Pro' },
		});
		const common = {
			resource: 'checkoutSession',
			operation: 'create',
			currency: 'eur',
			successUrl: 'https://example.com/thanks?session_id={CHECKOUT_SESSION_ID}',
			metadata: { entries: [{ key: 'order_id', value: 'A-8' }] },
			options: { expiresInMinutes: 45, clientReferenceId: 'cart-1', allowPromotionCodes: true },
		};
		const payment = await run({
			...common,
			mode: 'payment',
			lineItems: { items: [{ type: 'adHoc', name: 'Mug', amount: '12.00', quantity: 2 }] },
			customerSource: 'email',
			customerEmail: 'ada@example.com',
		});
		assert.equal(payment.output[0].json.amount_total, 2400);
		assert.match(String(payment.output[0].json.url), /^http/);
		const subscription = await run({
			...common,
			mode: 'subscription',
			lineItems: { items: [{ type: 'price', price: price.id, quantity: 1 }] },
			customerSource: 'customer',
			customer: byId(customer),
		});
		assert.equal(subscription.output[0].json.mode, 'subscription');
		const setup = await run({
			...common,
			mode: 'setup',
			customerSource: 'customer',
			customer: byId(customer),
		});
		assert.equal(setup.output[0].json.mode, 'setup');

		const link = await run({
			resource: 'paymentLink',
			operation: 'create',
			priceSource: 'adHoc',
			productName: 'Consultation',
			amount: '80',
			currency: 'eur',
			quantity: 1,
			afterCompletion: 'redirect',
			redirectUrl: 'https://example.com/booked',
		});
		assert.match(String(link.output[0].json.url), /^http/);
		const deactivated = await run({
			resource: 'paymentLink',
			operation: 'deactivate',
			paymentLinkId: String(link.output[0].json.id),
		});
		assert.equal(deactivated.output[0].json.active, false);
	});
});
