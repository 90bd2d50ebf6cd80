import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PaymentInputError } from '../../../../core/errors';
import { toMinorUnits } from '../../../../core/payments/amounts';
import { paymentErrorDetailsOf, toNodeError } from '../../../shared/nodeErrors';
import { idempotencyKeyFor, idempotencyOption } from '../../helpers/idempotency';
import { pathId } from '../../helpers/lists';
import { metadataField, metadataFor } from '../../helpers/metadata';
import { moneyOutput } from '../../helpers/output';
import { locatedId, stripeResourceLocator } from '../../helpers/resourceLocators';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { authenticationFields, handleAuthenticationRequired } from './customerAuthentication';
import {
	amountField,
	captureField,
	currencyField,
	descriptionField,
	paymentMethodIdField,
} from './fields';

const properties: INodeProperties[] = [
	stripeResourceLocator('customer', { name: 'customer' }),
	{
		displayName: 'Payment Method',
		name: 'paymentMethodSource',
		type: 'options',
		default: 'customerDefault',
		options: [
			{
				name: 'Customer’s Default',
				value: 'customerDefault',
				description: 'The default payment method in the customer’s invoice settings',
			},
			{ name: 'A Specific Saved Payment Method', value: 'specific' },
		],
	},
	{
		...paymentMethodIdField(
			'A saved payment method of this customer (pm_…). Card numbers are refused.',
		),
		displayOptions: { show: { paymentMethodSource: ['specific'] } },
	},
	amountField,
	currencyField,
	descriptionField,
	captureField,
	...authenticationFields,
	metadataField(),
	idempotencyOption,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['charge'] } },
	properties,
);

const OPERATION = 'payment.charge';

/**
 * Charges a saved payment method while the customer is away (off_session, confirm). Declines come
 * back as errors with a next step; a bank's demand for 3-D Secure follows "When the Customer Must
 * Authenticate" and is never reported as a success.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const customer = locatedId.call(this, 'customer', itemIndex);
	const currency = String(this.getNodeParameter('currency', itemIndex)).trim().toLowerCase();
	const amount = toMinorUnits(
		this.getNodeParameter('amount', itemIndex) as string | number,
		currency,
		'Amount',
		'charge',
		'Currency',
	);
	const paymentMethod = await resolvePaymentMethod.call(this, itemIndex, customer);
	const captureMethod = this.getNodeParameter('captureMethod', itemIndex, 'automatic') as string;
	const chargeKey = idempotencyKeyFor.call(this, itemIndex, OPERATION);
	const params: Record<string, unknown> = {
		amount,
		currency,
		customer,
		payment_method: paymentMethod,
		confirm: true,
		off_session: true,
		// The customer is away, so no redirect-based method can finish: without this, Stripe asks
		// for a return_url. A card that needs 3-D Secure fails with authentication_required instead.
		automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
		description: String(this.getNodeParameter('description', itemIndex, '')).trim() || undefined,
		metadata: metadataFor.call(this, itemIndex),
	};
	if (captureMethod === 'manual') params.capture_method = 'manual';

	let intent: IDataObject;
	try {
		({ body: intent } = await stripeApiRequest.call(this, {
			method: 'POST',
			path: '/v1/payment_intents',
			params,
			idempotencyKey: chargeKey,
			itemIndex,
		}));
	} catch (error) {
		const details = paymentErrorDetailsOf(error);
		if (details?.category !== 'authentication_required' || !details.paymentId) {
			throw toNodeError(this.getNode(), error, itemIndex);
		}
		const { body: failedIntent } = await stripeApiRequest.call(this, {
			method: 'GET',
			path: `/v1/payment_intents/${pathId(details.paymentId)}`,
			itemIndex,
		});
		return await handleAuthenticationRequired.call(
			this,
			itemIndex,
			failedIntent,
			chargeKey,
			OPERATION,
			details,
		);
	}
	if (intent.status === 'requires_action') {
		return await handleAuthenticationRequired.call(this, itemIndex, intent, chargeKey, OPERATION);
	}
	return moneyOutput(intent, chargeKey);
}

async function resolvePaymentMethod(
	this: IExecuteFunctions,
	itemIndex: number,
	customer: string,
): Promise<string> {
	if (this.getNodeParameter('paymentMethodSource', itemIndex) === 'specific') {
		const id = String(this.getNodeParameter('paymentMethodId', itemIndex)).trim();
		if (!/^(pm|card|src)_[A-Za-z0-9_]+$/.test(id)) {
			throw new PaymentInputError(
				'Payment Method ID',
				'is not a saved payment method id.',
				'Use the id Stripe gave the saved method (pm_…), never card details.',
			);
		}
		return id;
	}
	const { body } = await stripeApiRequest.call(this, {
		method: 'GET',
		path: `/v1/customers/${pathId(customer)}`,
		itemIndex,
	});
	const settings = body.invoice_settings as IDataObject | null | undefined;
	const fallback = settings?.default_payment_method;
	const id =
		typeof fallback === 'object' && fallback !== null ? (fallback as IDataObject).id : fallback;
	if (typeof id !== 'string' || id === '') {
		throw new PaymentInputError(
			'Payment Method',
			'the customer has no default payment method.',
			'Choose a specific saved payment method, or send the customer a Checkout Session to add one.',
		);
	}
	return id;
}
