import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';

import { STRIPE_API_BASE, STRIPE_API_VERSION } from '../../core/stripe/apiVersion';

const requireFromHere = createRequire(__filename);

describe('STRIPE_API_VERSION', () => {
	it('equals the version the installed stripe package is generated for', () => {
		const stripe = requireFromHere('stripe') as { API_VERSION: string };
		assert.equal(STRIPE_API_VERSION, stripe.API_VERSION);
	});

	it('is a dated Stripe version with a release name', () => {
		assert.match(STRIPE_API_VERSION, /^\d{4}-\d{2}-\d{2}\.[a-z]+$/);
	});

	it('talks to the public Stripe API by default', () => {
		assert.equal(STRIPE_API_BASE, 'https://api.stripe.com');
	});
});
