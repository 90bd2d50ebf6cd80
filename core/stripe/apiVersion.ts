import type Stripe from 'stripe';

/**
 * The Stripe API version every request and every webhook endpoint we create is pinned to: the one
 * the installed `stripe` package's types are generated for, so payload shapes match those types.
 * Typed as the package's LatestApiVersion, so upgrading `stripe` without updating this fails tsc.
 */
export const STRIPE_API_VERSION: Stripe.LatestApiVersion = '2026-10-28.endive';

export const STRIPE_API_BASE = 'https://api.stripe.com';
