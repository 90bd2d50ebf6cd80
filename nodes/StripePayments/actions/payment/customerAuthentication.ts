import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PaymentError } from '../../../../core/errors';
import type { PaymentErrorDetails } from '../../../../core/payments/types';
import { idempotencyKeyFor } from '../../helpers/idempotency';
import { moneyOutput } from '../../helpers/output';
import { stripeApiRequest } from '../../transport';

export type AuthenticationChoice = 'outputNextStep' | 'createRecoveryLink' | 'fail';

export const authenticationFields: INodeProperties[] = [
	{
		displayName: 'When the Customer Must Authenticate',
		name: 'whenAuthenticationRequired',
		type: 'options',
		default: 'outputNextStep',
		description:
			'The bank may demand 3-D Secure, which an off-session charge cannot complete. Such a payment is never reported as succeeded.',
		options: [
			{
				name: 'Output the Next Step',
				value: 'outputNextStep',
				description: 'Output the payment with payment.nextStep = customer_must_authenticate',
			},
			{
				name: 'Create a Recovery Link',
				value: 'createRecoveryLink',
				description:
					'Create a hosted Checkout Session for the same customer, amount and metadata and output its URL',
			},
			{ name: 'Fail the Item', value: 'fail' },
		],
	},
	{
		displayName: 'Recovery Success URL',
		name: 'recoverySuccessUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/paid?session_id={CHECKOUT_SESSION_ID}',
		displayOptions: { show: { whenAuthenticationRequired: ['createRecoveryLink'] } },
	},
	{
		displayName: 'Recovery Cancel URL',
		name: 'recoveryCancelUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/cart',
		displayOptions: { show: { whenAuthenticationRequired: ['createRecoveryLink'] } },
	},
];

/** The URL Stripe gives for a redirect-based authentication, when there is one. */
export function authenticationRedirectUrl(intent: IDataObject): string | null {
	const nextAction = intent.next_action as IDataObject | null | undefined;
	const redirect = nextAction?.redirect_to_url as IDataObject | undefined;
	return typeof redirect?.url === 'string' ? redirect.url : null;
}

const AUTHENTICATION_MESSAGE =
	"The customer's bank requires them to authenticate this payment (3-D Secure); it has not succeeded.";

/**
 * A payment that needs the customer, handled as the builder chose. The output never says
 * succeeded: payment.paid is false and payment.nextStep is customer_must_authenticate.
 */
export async function handleAuthenticationRequired(
	this: IExecuteFunctions,
	itemIndex: number,
	intent: IDataObject,
	chargeKey: string,
	operation: string,
	cause?: PaymentErrorDetails,
): Promise<IDataObject> {
	const choice = this.getNodeParameter(
		'whenAuthenticationRequired',
		itemIndex,
		'outputNextStep',
	) as AuthenticationChoice;
	if (choice === 'fail') {
		throw new PaymentError(
			cause ?? {
				category: 'authentication_required',
				message: AUTHENTICATION_MESSAGE,
				userMessage: 'Your bank needs you to confirm this payment.',
				nextStep: 'customer_must_authenticate',
				retryable: false,
				paymentId: typeof intent.id === 'string' ? intent.id : undefined,
			},
		);
	}
	const output = moneyOutput(intent, chargeKey);
	const payment = output.payment as IDataObject;
	payment.paid = false;
	payment.nextStep = 'customer_must_authenticate';
	payment.reason = cause?.message ?? AUTHENTICATION_MESSAGE;
	payment.nextStepUrl = (payment.nextStepUrl as string | null) ?? authenticationRedirectUrl(intent);
	if (choice === 'createRecoveryLink' && payment.nextStepUrl === null) {
		const session = await createRecoveryCheckout.call(this, itemIndex, intent, operation);
		payment.nextStepUrl = session.url ?? null;
		output.recoveryCheckoutSession = session;
	}
	return output;
}

async function createRecoveryCheckout(
	this: IExecuteFunctions,
	itemIndex: number,
	intent: IDataObject,
	operation: string,
): Promise<IDataObject> {
	const metadata = {
		...((intent.metadata as IDataObject | undefined) ?? {}),
		paywire_recovers_payment: String(intent.id),
	};
	const cancelUrl = String(this.getNodeParameter('recoveryCancelUrl', itemIndex, '')).trim();
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: '/v1/checkout/sessions',
		params: {
			mode: 'payment',
			customer: typeof intent.customer === 'string' ? intent.customer : undefined,
			line_items: [
				{
					quantity: 1,
					price_data: {
						currency: intent.currency,
						unit_amount: intent.amount,
						product_data: { name: String(intent.description || 'Payment') },
					},
				},
			],
			success_url: String(this.getNodeParameter('recoverySuccessUrl', itemIndex)).trim(),
			cancel_url: cancelUrl || undefined,
			metadata,
			payment_intent_data: { metadata },
		},
		idempotencyKey: idempotencyKeyFor.call(this, itemIndex, `${operation}.recovery`),
		itemIndex,
	});
	return body;
}
