import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';

import { encodeStripeForm } from '../../core/stripe/formEncoding';
import { PaymentInputError } from '../../core/errors';
import { seededRandom } from '../helpers/seededRandom';

// The oracle: the encoder the `stripe` package itself uses for form bodies and query strings
// (RequestSender calls queryStringifyRequestData for both).
// Its package.json "exports" hides internal files, so load it by absolute path.
const requireFromHere = createRequire(__filename);
const stripeCjsDir = path.dirname(requireFromHere.resolve('stripe'));
const { queryStringifyRequestData: stringifyRequestData } = requireFromHere(
	path.join(stripeCjsDir, 'utils.js'),
) as { queryStringifyRequestData: (data: unknown) => string };

const shapes: Record<string, Record<string, unknown>> = {
	scalars: { amount: 1250, currency: 'usd', confirm: true, off_session: false },
	'nested objects': { payment_intent_data: { metadata: { order: '42', source: 'n8n' } } },
	'arrays of objects': {
		mode: 'payment',
		line_items: [
			{
				price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'Mug' } },
				quantity: 2,
			},
			{ price: 'price_123', quantity: 1 },
		],
	},
	'arrays of scalars': { expand: ['latest_charge', 'customer'], payment_method_types: ['card'] },
	'empty string unsets': { description: '', metadata: { old_key: '' } },
	'metadata keys with spaces': { metadata: { 'order id': 'A 42', 'a+b=c&d': 'x/y?z' } },
	unicode: { description: 'Café 😀 — Ünïcødé', metadata: { 'naïve key': '日本語' } },
	'characters qs escapes': { description: "it's (not) *bold*! ~ok~ under_score.dot-dash" },
	'brackets inside values': { description: 'a[b]c', metadata: { 'k[x]': 'v' } },
	'numbers of all kinds': { amount: 0, fee: -5, rate: 1.5, big: 2 ** 53 - 1, tiny: 1e-7 },
	'empty containers': { expand: [], metadata: {}, currency: 'eur' },
	'undefined skipped': { amount: 100, description: undefined, metadata: { a: undefined, b: '1' } },
	'sparse array': { expand: ['a', undefined, 'c'] },
	'deep nesting': { a: { b: { c: { d: [{ e: [{ f: 'deep' }] }] } } } },
	date: { expires_at: new Date(Date.UTC(2026, 10, 23, 21, 0, 0)) },
	'reserved characters in keys': { 'metadata with=eq&amp': { 'x y': 'z' } },
};

describe('encodeStripeForm matches the stripe package encoder', () => {
	for (const [name, params] of Object.entries(shapes)) {
		it(name, () => {
			assert.equal(encodeStripeForm(params), stringifyRequestData(params));
		});
	}

	it('over 300 generated parameter shapes', () => {
		const random = seededRandom(20261123);
		for (let round = 0; round < 300; round += 1) {
			const params = randomObject(random, 3);
			assert.equal(encodeStripeForm(params), stringifyRequestData(params), JSON.stringify(params));
		}
	});
});

describe('encodeStripeForm known answers', () => {
	it('writes bracket notation with readable brackets', () => {
		assert.equal(
			encodeStripeForm({ line_items: [{ price_data: { currency: 'usd' } }], expand: ['customer'] }),
			'line_items[0][price_data][currency]=usd&expand[0]=customer',
		);
	});

	it('escapes spaces, plus signs and unicode in metadata keys and values', () => {
		assert.equal(
			encodeStripeForm({ metadata: { 'order id': 'A+1 é' } }),
			'metadata[order%20id]=A%2B1%20%C3%A9',
		);
	});

	it('round-trips through a standard form parser', () => {
		const parsed = new URLSearchParams(encodeStripeForm(shapes['metadata keys with spaces']));
		assert.equal(parsed.get('metadata[order id]'), 'A 42');
		assert.equal(parsed.get('metadata[a+b=c&d]'), 'x/y?z');
	});

	it('skips null where the stripe package would send an empty string', () => {
		const params = { description: null, metadata: { a: null, b: '1' }, amount: 5 };
		assert.equal(encodeStripeForm(params), 'metadata[b]=1&amount=5');
		assert.equal(stringifyRequestData(params), 'description=&metadata[a]=&metadata[b]=1&amount=5');
	});

	it("with nulls: 'empty', a null is sent as key= exactly as the stripe package sends it", () => {
		const params = { description: null, metadata: { a: null, b: '1' }, expand: [null], amount: 5 };
		assert.equal(encodeStripeForm(params, { nulls: 'empty' }), stringifyRequestData(params));
		assert.equal(encodeStripeForm({ metadata: null }, { nulls: 'empty' }), 'metadata=');
		assert.equal(encodeStripeForm(params, { nulls: 'omit' }), encodeStripeForm(params));
	});

	it('encodes nothing for no params', () => {
		assert.equal(encodeStripeForm(undefined), '');
		assert.equal(encodeStripeForm({}), '');
	});

	it('refuses a non-finite number, naming the field', () => {
		assert.throws(
			() => encodeStripeForm({ amount: Number.NaN }),
			(error: unknown) => error instanceof PaymentInputError && error.field === 'amount',
		);
		assert.throws(() => encodeStripeForm({ a: { b: Infinity } }), /a\[b\]/);
	});
});

const KEY_PARTS = [
	'amount',
	'metadata',
	'order id',
	'naïve',
	'a&b',
	'x=y',
	'line_items',
	'日本',
	'q?',
];
const STRING_VALUES = ['', 'usd', 'A 42', 'Café', '😀', "it's", 'a+b', '100%', '[x]', '#1', '\n'];

function randomObject(random: () => number, depth: number): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	const size = 1 + Math.floor(random() * 4);
	for (let index = 0; index < size; index += 1) {
		const key = KEY_PARTS[Math.floor(random() * KEY_PARTS.length)] + String(index);
		result[key] = randomValue(random, depth);
	}
	return result;
}

function randomValue(random: () => number, depth: number): unknown {
	const roll = random();
	if (depth > 0 && roll < 0.2) return randomObject(random, depth - 1);
	if (depth > 0 && roll < 0.35) {
		const length = Math.floor(random() * 4);
		return Array.from({ length }, () => randomValue(random, depth - 1));
	}
	if (roll < 0.45) return random() < 0.5;
	if (roll < 0.6) return Math.floor(random() * 100000) - 500;
	if (roll < 0.65) return undefined;
	return STRING_VALUES[Math.floor(random() * STRING_VALUES.length)];
}
