import { toMinorUnits } from '../../core/payments/amounts';
import { positiveInteger, requiredText } from './inputs';

export interface SingleProductLine {
	price_data: { currency: string; unit_amount: number; product_data: { name: string } };
	quantity: number;
}

/** The one product a hosted page (Checkout Session, Payment Link) sells: exact minor units. */
export function singleProductLine(inputData: Record<string, unknown>): SingleProductLine {
	const currency = requiredText(inputData.currency, 'Currency', 'usd').toLowerCase();
	const amount = requiredText(inputData.amount, 'Amount', '19.99');
	return {
		price_data: {
			currency,
			unit_amount: toMinorUnits(amount, currency, 'Amount'),
			product_data: { name: requiredText(inputData.productName, 'Product Name', 'Annual plan') },
		},
		quantity: positiveInteger(inputData.quantity, 'Quantity', 1),
	};
}
