import { afterEach, beforeEach } from 'node:test';

import nock from 'nock';

import { resetInProcessDedupe } from '../../../nodes/StripePaymentsTrigger/staticDataStore';
import { restoreRetries } from '../stripePayments/support';

/** Per test: no real network, a fresh in-process duplicate memory, retries restored afterwards. */
export function useTriggerTestHooks(): void {
	beforeEach(() => {
		resetInProcessDedupe();
		nock.disableNetConnect();
	});
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
		restoreRetries();
	});
}
