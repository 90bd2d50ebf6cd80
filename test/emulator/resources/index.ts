import type { Router } from '../router';
import { registerAccount } from './account';
import { registerCharges } from './charges';
import { registerCheckout } from './checkout';
import { registerCustomers } from './customers';
import { registerEvents } from './events';
import { registerInvoices } from './invoiceRoutes';
import { registerPaymentIntents } from './paymentIntents';
import { registerBillingPortal, registerPaymentLinks } from './paymentLinks';
import { registerPaymentMethods } from './paymentMethods';
import { registerPrices } from './prices';
import { registerRefunds } from './refunds';
import { registerSubscriptionCreate } from './subscriptionCreate';
import { registerSubscriptions } from './subscriptions';
import { registerWebhookEndpoints } from './webhookEndpoints';

export function registerAll(router: Router): Router {
	registerPaymentIntents(router);
	registerRefunds(router);
	registerCharges(router);
	registerEvents(router);
	registerWebhookEndpoints(router);
	registerCustomers(router);
	registerPaymentMethods(router);
	registerPrices(router);
	registerCheckout(router);
	registerPaymentLinks(router);
	registerBillingPortal(router);
	registerInvoices(router);
	registerSubscriptions(router);
	registerSubscriptionCreate(router);
	registerAccount(router);
	return router;
}
