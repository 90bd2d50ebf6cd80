import { defineApp, version as platformVersion } from 'zapier-platform-core';

import { authentication } from './authentication';
import { chargeSavedPaymentMethod } from './creates/chargeSavedPaymentMethod';
import { createCheckoutSession } from './creates/createCheckoutSession';
import { createCustomer } from './creates/createCustomer';
import { createPaymentLink } from './creates/createPaymentLink';
import { createRefund } from './creates/createRefund';
import { addStripeAuth, mapStripeErrors } from './middleware';
import { findCustomer } from './searches/findCustomer';
import { findPayment } from './searches/findPayment';
import { paymentSucceeded } from './triggers/paymentSucceeded';
import { paymentFailed } from './triggers/paymentFailed';
import { checkoutCompleted } from './triggers/checkoutCompleted';
import { checkoutExpired } from './triggers/checkoutExpired';
import { refundSucceeded } from './triggers/refundSucceeded';
import { disputeCreated } from './triggers/disputeCreated';
import { subscriptionPaymentFailed } from './triggers/subscriptionPaymentFailed';
import { appVersion } from './version';

export default defineApp({
	version: appVersion(),
	platformVersion,
	authentication,
	beforeRequest: [addStripeAuth],
	afterResponse: [mapStripeErrors],
	triggers: {
		[paymentSucceeded.key]: paymentSucceeded,
		[paymentFailed.key]: paymentFailed,
		[checkoutCompleted.key]: checkoutCompleted,
		[checkoutExpired.key]: checkoutExpired,
		[refundSucceeded.key]: refundSucceeded,
		[disputeCreated.key]: disputeCreated,
		[subscriptionPaymentFailed.key]: subscriptionPaymentFailed,
	},
	creates: {
		[createCheckoutSession.key]: createCheckoutSession,
		[createPaymentLink.key]: createPaymentLink,
		[chargeSavedPaymentMethod.key]: chargeSavedPaymentMethod,
		[createRefund.key]: createRefund,
		[createCustomer.key]: createCustomer,
	},
	searches: {
		[findCustomer.key]: findCustomer,
		[findPayment.key]: findPayment,
	},
	searchOrCreates: {
		[findCustomer.key]: {
			key: findCustomer.key,
			display: {
				label: 'Find or Create Customer',
				description: 'Finds a customer by email, or creates one when there is none.',
			},
			search: findCustomer.key,
			create: createCustomer.key,
		},
	},
});
