import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fingerprint, parseForm } from './form';
import { encodeForm } from './testClient';

test('bracket notation: nested objects, indexed arrays, appended arrays, plus and escapes', () => {
	const parsed = parseForm(
		'amount=1000&metadata[order]=A%2642&line_items[0][price_data][currency]=usd' +
			'&line_items[0][quantity]=2&line_items[1][price]=price_1&expand[]=line_items' +
			'&expand[]=payment_intent&description=two+words&metadata[empty]=',
	);
	assert.deepEqual(parsed, {
		amount: '1000',
		metadata: { order: 'A&42', empty: '' },
		line_items: [{ price_data: { currency: 'usd' }, quantity: '2' }, { price: 'price_1' }],
		expand: ['line_items', 'payment_intent'],
		description: 'two words',
	});
});

test('indexed arrays are ordered by index, not by arrival; 10 sorts after 9', () => {
	const parsed = parseForm('items[10]=k&items[2]=c&items[0]=a&items[1]=b&items[9]=j');
	assert.deepEqual(parsed.items, ['a', 'b', 'c', 'j', 'k']);
});

test('what the stripe-style encoder writes parses back to the same structure', () => {
	const params = {
		mode: 'payment',
		line_items: [
			{
				price_data: { currency: 'eur', unit_amount: 500, product_data: { name: 'Tee & cap' } },
				quantity: 1,
			},
		],
		allowed_payment_method_types: ['card'],
		metadata: { a: '1' },
	};
	assert.deepEqual(parseForm(encodeForm(params)), {
		mode: 'payment',
		line_items: [
			{
				price_data: { currency: 'eur', unit_amount: '500', product_data: { name: 'Tee & cap' } },
				quantity: '1',
			},
		],
		allowed_payment_method_types: ['card'],
		metadata: { a: '1' },
	});
});

test('fingerprints ignore parameter order but not values', () => {
	assert.equal(fingerprint(parseForm('a=1&b=2')), fingerprint(parseForm('b=2&a=1')));
	assert.notEqual(fingerprint(parseForm('a=1&b=2')), fingerprint(parseForm('a=1&b=3')));
	assert.deepEqual(parseForm(''), {});
});
