import { after, before } from 'node:test';

import type Stripe from 'stripe';

import { startStripeEmulator, type StripeEmulator } from '../../emulator';
import { stripeClient } from '../../emulator/testClient';
import { restoreRetries, TEST_KEY, useFastRetries } from './support';

/**
 * The hooks of a describe block that runs the node against the Stripe emulator: an emulator without
 * rate limit on a free port, Stripe's SDK pointed at it, fast retries. Read the fields inside tests.
 */
export function useStripeEmulator(): { emulator: StripeEmulator; stripe: Stripe } {
	const suite = {} as { emulator: StripeEmulator; stripe: Stripe };
	before(async () => {
		useFastRetries();
		suite.emulator = await startStripeEmulator({ rateLimitPerSecond: 0 });
		suite.stripe = stripeClient(suite.emulator, TEST_KEY);
	});
	after(async () => {
		restoreRetries();
		await suite.emulator.stop();
	});
	return suite;
}
