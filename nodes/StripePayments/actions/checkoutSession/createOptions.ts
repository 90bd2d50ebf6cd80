import type { INodeProperties } from 'n8n-workflow';

import { PaymentInputError } from '../../../../core/errors';

export interface CheckoutOptions {
	clientReferenceId?: string;
	allowPromotionCodes?: boolean;
	expiresInMinutes?: number;
}

export const MIN_EXPIRY_MINUTES = 30;
export const MAX_EXPIRY_MINUTES = 24 * 60;
/** Expiry times are rounded to this step so a replay with the same idempotency key sends the same body. */
const EXPIRY_STEP_SECONDS = 300;
/** Margin for the time the request takes to reach Stripe, which checks the 30 min–24 h window. */
const TRANSIT_MARGIN_SECONDS = 60;

export const checkoutOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Allow Promotion Codes',
			name: 'allowPromotionCodes',
			type: 'boolean',
			default: false,
			description: 'Whether the customer can enter a promotion code',
		},
		{
			displayName: 'Client Reference ID',
			name: 'clientReferenceId',
			type: 'string',
			default: '',
			description: 'Your own ID for this checkout (an order or cart ID), returned in webhooks',
		},
		{
			displayName: 'Expires In (Minutes)',
			name: 'expiresInMinutes',
			type: 'number',
			default: 1440,
			typeOptions: { minValue: MIN_EXPIRY_MINUTES, maxValue: MAX_EXPIRY_MINUTES },
			description: 'Between 30 minutes and 24 hours; an expired session fires checkout.expired',
		},
	],
};

/**
 * `expires_at` for a session created now: validated against Stripe's window, then rounded to a
 * 5-minute step so that re-sending within a few minutes (n8n's Retry On Fail) sends identical params
 * under the same idempotency key instead of an idempotency_error.
 */
export function checkoutExpiresAt(minutes: number, nowMs: number): number {
	if (!Number.isFinite(minutes) || minutes < MIN_EXPIRY_MINUTES || minutes > MAX_EXPIRY_MINUTES) {
		throw new PaymentInputError(
			'Expires In (Minutes)',
			`is ${minutes}; Stripe accepts 30 minutes to 24 hours.`,
			'Choose a value from 30 to 1440.',
		);
	}
	const nowSeconds = Math.floor(nowMs / 1000);
	const earliest = nowSeconds + MIN_EXPIRY_MINUTES * 60 + TRANSIT_MARGIN_SECONDS;
	const latest = nowSeconds + MAX_EXPIRY_MINUTES * 60 - TRANSIT_MARGIN_SECONDS;
	const target = Math.min(Math.max(nowSeconds + minutes * 60, earliest), latest);
	const rounded = Math.ceil(target / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS;
	return rounded <= latest ? rounded : rounded - EXPIRY_STEP_SECONDS;
}
