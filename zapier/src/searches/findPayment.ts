import { defineInputFields, defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';

import { PaymentError, PaymentInputError } from '../../../core/errors';
import { withZapierErrors } from '../errors';
import { optionalText, stripeId } from '../inputs';
import { moneyOutput } from '../output';
import { paymentOutputFields } from '../outputFields';
import { getFromStripe } from '../step';

const inputFields = defineInputFields([
	{
		key: 'paymentId',
		label: 'Payment ID',
		type: 'string',
		required: false,
		helpText: 'pi_…; or search by metadata below.',
	},
	{
		key: 'metadataKey',
		label: 'Metadata Key',
		type: 'string',
		required: false,
		helpText: 'e.g. order_id',
	},
	{
		key: 'metadataValue',
		label: 'Metadata Value',
		type: 'string',
		required: false,
		helpText: 'e.g. 42',
	},
]);

/** Stripe's search query language: quoted strings, with backslash escapes for quotes. */
export function metadataQuery(key: string, value: string): string {
	const quote = (text: string) => `'${text.replace(/[\\']/g, (character) => `\\${character}`)}'`;
	return `metadata[${quote(key)}]:${quote(value)}`;
}

const perform = (z: ZObject, bundle: Bundle) =>
	withZapierErrors(z, async () => {
		const paymentId = optionalText(bundle.inputData.paymentId);
		if (paymentId) {
			const id = stripeId(paymentId, 'Payment ID', ['pi_']);
			try {
				return [
					moneyOutput(
						await getFromStripe(
							z,
							bundle,
							inputFields,
							`/v1/payment_intents/${encodeURIComponent(id)}`,
						),
					),
				];
			} catch (error) {
				if (error instanceof PaymentError && error.details.category === 'not_found') return [];
				throw error;
			}
		}
		const key = optionalText(bundle.inputData.metadataKey);
		const value = optionalText(bundle.inputData.metadataValue);
		if (!key || value === undefined) {
			throw new PaymentInputError(
				'Payment ID',
				'and the metadata key/value are all empty.',
				'Give a payment id (pi_…), or a metadata key and value such as order_id = 42.',
			);
		}
		const found = await getFromStripe(z, bundle, inputFields, '/v1/payment_intents/search', {
			query: metadataQuery(key, value),
			limit: 1,
		});
		const payments = Array.isArray(found.data) ? (found.data as Record<string, unknown>[]) : [];
		return payments.map((payment) => moneyOutput(payment));
	});

export const findPayment = defineSearch({
	key: 'find_payment',
	noun: 'Payment',
	display: {
		label: 'Find Payment',
		description:
			'Finds a payment by its id, or by a metadata value such as your order id (Stripe’s Search API: a payment can take up to a minute to become searchable).',
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
			metadata: { order_id: '42' },
			payment: {
				gateway: 'stripe',
				kind: 'payment',
				id: 'pi_123',
				status: 'succeeded',
				paid: true,
				amount: '19.99',
				amountMinor: 1999,
				currency: 'usd',
				nextStep: 'none',
			},
		},
		outputFields: paymentOutputFields,
	},
});
