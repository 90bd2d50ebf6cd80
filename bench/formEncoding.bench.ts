/**
 * encodeStripeForm beside its anchor, the `stripe` package's own encoder, on a realistic Checkout
 * Session body. Prints both rates and the ratio; never fails on a timing.
 *   node --import tsx bench/formEncoding.bench.ts
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { encodeStripeForm } from '../core/stripe/formEncoding';

const requireFromHere = createRequire(__filename);
const { queryStringifyRequestData: stripeEncoder } = requireFromHere(
	path.join(path.dirname(requireFromHere.resolve('stripe')), 'utils.js'),
) as { queryStringifyRequestData: (data: unknown) => string };

const checkoutSession = {
	mode: 'payment',
	success_url: 'https://shop.example/thanks?session={CHECKOUT_SESSION_ID}',
	cancel_url: 'https://shop.example/cart',
	client_reference_id: 'order-42',
	customer_email: 'ada@example.com',
	line_items: Array.from({ length: 5 }, (_, index) => ({
		price_data: {
			currency: 'eur',
			unit_amount: 1250 + index,
			product_data: { name: `Café mug №${index}`, metadata: { sku: `MUG-${index}` } },
		},
		quantity: index + 1,
	})),
	payment_intent_data: { metadata: { 'order id': 'order-42', source: 'n8n' } },
	metadata: { 'order id': 'order-42', note: 'gift (wrap it!)' },
	expand: ['payment_intent', 'line_items'],
};

function rate(encode: (params: Record<string, unknown>) => string, rounds: number): number {
	let length = 0;
	const started = performance.now();
	for (let round = 0; round < rounds; round += 1) length += encode(checkoutSession).length;
	const elapsedMs = performance.now() - started;
	if (length === 0) throw new Error('nothing encoded');
	return (rounds / elapsedMs) * 1000;
}

if (encodeStripeForm(checkoutSession) !== stripeEncoder(checkoutSession)) {
	throw new Error('the encoders disagree on the benchmark body');
}
rate(encodeStripeForm, 20_000);
rate(stripeEncoder, 20_000);
const ours = rate(encodeStripeForm, 100_000);
const anchor = rate(stripeEncoder, 100_000);
const format = (perSecond: number) => `${Math.round(perSecond).toLocaleString('en')} bodies/s`;
process.stdout.write(
	`form encoding, Checkout Session body (${encodeStripeForm(checkoutSession).length} bytes)\n` +
		`  paywire encodeStripeForm : ${format(ours)}\n` +
		`  stripe package encoder   : ${format(anchor)}\n` +
		`  ratio (paywire / stripe) : ${(ours / anchor).toFixed(2)}\n`,
);
