import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toMinorUnits } from '../../../../core/payments/amounts';
import { idempotencyKeyFor, idempotencyOption } from '../../helpers/idempotency';
import { metadataField, metadataFor } from '../../helpers/metadata';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { amountField, captureField, currencyField, descriptionField } from './fields';

const properties: INodeProperties[] = [
	amountField,
	currencyField,
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		default: '',
		placeholder: 'cus_NffrFeUfNV2Hib',
		description: 'Optional; needed to save the payment method for later charges',
	},
	descriptionField,
	captureField,
	{
		displayName: 'Save Payment Method For',
		name: 'setupFutureUsage',
		type: 'options',
		default: '',
		options: [
			{ name: 'Do Not Save', value: '' },
			{ name: 'Later Charges Without the Customer', value: 'off_session' },
			{ name: 'Later Payments With the Customer', value: 'on_session' },
		],
	},
	metadataField(),
	idempotencyOption,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['createForOnSession'] } },
	properties,
);

/** A payment the customer completes in your page with Stripe.js: the output's client_secret is for that. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const currency = String(this.getNodeParameter('currency', itemIndex)).trim().toLowerCase();
	const params: Record<string, unknown> = {
		amount: toMinorUnits(this.getNodeParameter('amount', itemIndex) as string, currency, 'Amount'),
		currency,
		automatic_payment_methods: { enabled: true },
		customer: String(this.getNodeParameter('customerId', itemIndex, '')).trim() || undefined,
		description: String(this.getNodeParameter('description', itemIndex, '')).trim() || undefined,
		setup_future_usage: this.getNodeParameter('setupFutureUsage', itemIndex, '') || undefined,
		metadata: metadataFor.call(this, itemIndex),
	};
	if (this.getNodeParameter('captureMethod', itemIndex, 'automatic') === 'manual') {
		params.capture_method = 'manual';
	}
	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, 'payment.createForOnSession');
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: '/v1/payment_intents',
		params,
		idempotencyKey,
		itemIndex,
	});
	return moneyOutput(body, idempotencyKey, { keepClientSecret: true });
}
