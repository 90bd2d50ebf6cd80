export {
	stripeApiRequest,
	stripeApiRequestAllItems,
	stripeTransportSettings,
	STRIPE_CREDENTIAL_TYPE,
} from '../../shared/stripeTransport';
export type { StripeTransportCall, StripeListOptions } from '../../shared/stripeTransport';
export { paymentErrorDetailsOf, paymentErrorItem } from '../../shared/nodeErrors';
