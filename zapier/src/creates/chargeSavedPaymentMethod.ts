import type Stripe from 'stripe';
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';

import { PaymentError } from '../../../core/errors';
import { toMinorUnits } from '../../../core/payments/amounts';
import { withZapierErrors } from '../errors';
import { amountField, currencyField, metadataField } from '../fields';
import { metadataOf, optionalText, requiredText, stripeId } from '../inputs';
import { stepIdempotencyKey } from '../idempotency';
import { moneyOutput } from '../output';
import { paymentOutputFields } from '../outputFields';
import { postCreate } from '../step';
import { stripeCall } from '../transport';

const KEY = 'charge_saved_payment_method';

const inputFields = defineInputFields([
	{ key: 'customerId', label: 'Customer ID', type: 'string', required: true, helpText: 'cus_…' },
	{
		key: 'paymentMethodId',
		label: 'Payment Method ID',
		type: 'string',
		required: true,
		helpText:
			'A payment method saved on the customer (pm_…). In test mode: pm_card_visa. Never a card number.',
	},
	amountField,
	currencyField,
	{ key: 'description', label: 'Description', type: 'string', required: false },
	{
		key: 'reference',
		label: 'Reference (order id)',
		type: 'string',
		required: true,
		helpText:
			'Identifies this one charge, e.g. the order or invoice id. The same reference is never charged twice (Stripe keeps it for 24 hours); use a new one for a new charge.',
	},
	{
		key: 'onAuthenticationRequired',
		label: 'When the Bank Asks the Customer to Authenticate',
		required: false,
		default: 'stop',
		choices: [
			{ value: 'stop', label: 'Stop the Zap with an error (nothing was charged)', sample: 'stop' },
			{
				value: 'continue',
				label: 'Continue: output paid=false, next step and link',
				sample: 'continue',
			},
		],
		helpText:
			'3-D Secure: an off-session charge cannot be authenticated. Nothing is charged either way; "Continue" lets later steps send the customer a payment page (check payment paid before granting anything).',
	},
	metadataField,
]);

export function chargeParams(inputData: Record<string, unknown>): Stripe.PaymentIntentCreateParams {
	const currency = requiredText(inputData.currency, 'Currency', 'usd').toLowerCase();
	return {
		amount: toMinorUnits(
			requiredText(inputData.amount, 'Amount', '19.99'),
			currency,
			'Amount',
			'charge',
			'Currency',
		),
		currency,
		customer: stripeId(inputData.customerId, 'Customer ID', ['cus_']),
		payment_method: stripeId(inputData.paymentMethodId, 'Payment Method ID', [
			'pm_',
			'card_',
			'src_',
		]),
		confirm: true,
		off_session: true,
		// Stripe asks for a return_url when redirect-based methods are allowed; a customer who is
		// away cannot be redirected anyway, and 3-D Secure still surfaces as authentication_required.
		automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
		description: optionalText(inputData.description),
		metadata: metadataOf(inputData.metadata),
	};
}

const perform = (z: ZObject, bundle: Bundle) =>
	withZapierErrors(z, async () => {
		let intent: Record<string, unknown>;
		let idempotencyKey: string;
		let replayed: { idempotentReplayed: boolean };
		try {
			const created = await postCreate(z, bundle, {
				key: KEY,
				fields: inputFields,
				path: '/v1/payment_intents',
				params: (inputData) => ({ ...chargeParams(inputData) }),
			});
			intent = created.body;
			idempotencyKey = created.idempotencyKey;
			// Says whether money moved now or Stripe replayed an earlier answer (same Reference).
			replayed = { idempotentReplayed: created.idempotentReplayed };
		} catch (error) {
			const paymentId = error instanceof PaymentError ? error.details.paymentId : undefined;
			if (
				!(error instanceof PaymentError) ||
				error.details.category !== 'authentication_required' ||
				!paymentId
			) {
				throw error;
			}
			const fetched = await stripeCall(z, bundle, {
				method: 'GET',
				path: `/v1/payment_intents/${encodeURIComponent(paymentId)}`,
			});
			const chargeKey = stepIdempotencyKey(
				bundle,
				KEY,
				bundle.inputData,
				optionalText(bundle.inputData.reference),
			);
			return authenticationRequired(z, bundle, fetched.body, chargeKey);
		}
		if (intent.status === 'requires_action') {
			return { ...authenticationRequired(z, bundle, intent, idempotencyKey), ...replayed };
		}
		return { ...moneyOutput(intent, idempotencyKey), ...replayed };
	});

/** Never reported as a success: either the Zap stops, or the output says paid=false and what to do. */
function authenticationRequired(
	z: ZObject,
	bundle: Bundle,
	intent: Record<string, unknown>,
	idempotencyKey?: string,
): Record<string, unknown> {
	const output = moneyOutput(intent, idempotencyKey);
	const normalized = output.payment as Record<string, unknown>;
	const url = typeof normalized.nextStepUrl === 'string' ? normalized.nextStepUrl : null;
	const payment = {
		...normalized,
		paid: false,
		nextStep: 'customer_must_authenticate',
		nextStepUrl: url,
		reason:
			'The customer’s bank requires authentication (3-D Secure), which an off-session charge cannot do. Nothing was charged.',
	};
	if (bundle.inputData.onAuthenticationRequired === 'continue') {
		return { ...output, payment, authenticationRequired: true };
	}
	const where = url
		? `Send the customer to ${url} to authenticate`
		: 'Send the customer a Stripe-hosted page (Create Checkout Session or Create Payment Link) to pay on-session';
	throw new z.errors.Error(
		`${payment.reason} Payment ${String(intent.id)}. ${where}. Next step: customer_must_authenticate.`,
		'customer_must_authenticate',
		402,
	);
}

export const chargeSavedPaymentMethod = defineCreate({
	key: KEY,
	noun: 'Payment',
	display: {
		label: 'Charge Saved Payment Method',
		description:
			'Charges a customer’s saved card off-session. Never reports success unless the money moved: when the bank asks for 3-D Secure, the Zap stops (or continues with paid=false and a next step).',
	},
	operation: {
		inputFields,
		perform,
		sample: {
			id: 'pi_123',
			object: 'payment_intent',
			amount: 1999,
			currency: 'usd',
			status: 'succeeded',
			customer: 'cus_123',
			payment: {
				gateway: 'stripe',
				kind: 'payment',
				id: 'pi_123',
				status: 'succeeded',
				paid: true,
				amount: '19.99',
				amountMinor: 1999,
				currency: 'usd',
				customerId: 'cus_123',
				nextStep: 'none',
				nextStepUrl: null,
			},
			idempotencyKey: 'paywire-0123abcd',
			idempotentReplayed: false,
		},
		outputFields: [
			...paymentOutputFields,
			{ key: 'payment__nextStep', label: 'Next Step' },
			{ key: 'payment__nextStepUrl', label: 'Next Step URL' },
			{ key: 'idempotencyKey', label: 'Idempotency Key' },
			{ key: 'idempotentReplayed', label: 'Replayed (No New Charge)', type: 'boolean' },
		],
	},
});
