import type { Router } from '../router';
import { registerCharges } from './charges';
import { registerEvents } from './events';
import { registerPaymentIntents } from './paymentIntents';
import { registerRefunds } from './refunds';
import { registerWebhookEndpoints } from './webhookEndpoints';

export function registerAll(router: Router): Router {
	registerPaymentIntents(router);
	registerRefunds(router);
	registerCharges(router);
	registerEvents(router);
	registerWebhookEndpoints(router);
	return router;
}
