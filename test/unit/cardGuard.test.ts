import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PaymentInputError } from '../../core/errors';
import { assertNoCardNumbers, findCardNumber, passesLuhn } from '../../core/security/cardGuard';

describe('findCardNumber refuses card numbers', () => {
	const cards: Array<[string, string]> = [
		['4242 4242 4242 4242', '4242'],
		['4242424242424242', '4242'],
		['4000-0027-6000-3184', '3184'],
		['3782 822463 10005', '0005'],
		['5555555555554444', '4444'],
		['2223003122003222', '3222'],
		['6011111111111117', '1117'],
		['3056930009020004', '0004'],
		['36227206271667', '1667'],
		['3566002020360505', '0505'],
		['6200000000000005', '0005'],
		['6205500000000000004', '0004'],
		['card: 4242424242424242, exp 12/34', '4242'],
		['4242 4242 4242 4242 123', '4242'],
		['order 12 4000 0027 6000 3184 please', '3184'],
		['{"number":"4242424242424242"}', '4242'],
		['{"number":4242424242424242}', '4242'],
		['text\n4242-4242-4242-4242\nmore', '4242'],
		['card4242424242424242', '4242'],
		['deadbeef4242424242424242', '4242'],
		['ab4242 4242 4242 4242cd', '4242'],
		['4242  4242  4242  4242', '4242'],
		['cc4242424242424242exp', '4242'],
	];
	for (const [text, last4] of cards) {
		it(JSON.stringify(text), () => assert.deepEqual(findCardNumber(text), { last4 }));
	}
});

describe('findCardNumber lets look-alikes through', () => {
	const lookAlikes = [
		'pm_card_visa',
		'4242424242424241', // Luhn fails
		'ORD-2024-000123456',
		'order 4929 1234 5678 9012', // Visa prefix, Luhn fails
		'1732406400000', // millisecond timestamp
		'1732406400009', // passes Luhn, but 1 is no issuer prefix
		'550e8400-e29b-41d4-a716-446655440000',
		'42424242-4242-4242-1234-567890123456', // all-digit UUID holding a Luhn-valid Visa window
		'+49 1512 3456787', // Luhn-valid, Visa-like, but an international phone number
		'+4420794609590',
		'(415) 555-2671',
		'2026-11-23T10:00:00.000Z',
		'2026-11-23 10:00:00',
		'pi_3MtwBwLkdIwHu7ix28a3tqPa',
		'ch_3MmlLrLkdIwHu7ix0snN0B15',
		'cus_NffrFeUfNV2Hib',
		'DE89 3704 0044 0532 0130 00',
		'42424242424242424242424', // one unbroken 23-digit id is not a card
		// a hex digest whose middle holds a Luhn-valid Visa-like run: part of a token, not a card
		'9f86d081884c7d659a2feaa0c55ad015deadbeef4242424242424242cafe0b822cd15d6c15b0f00a08',
		'',
	];
	for (const text of lookAlikes) {
		it(JSON.stringify(text), () => assert.equal(findCardNumber(text), null));
	}

	it('checks Luhn for real', () => {
		assert.equal(passesLuhn('4242424242424242'), true);
		assert.equal(passesLuhn('1732406400009'), true);
		assert.equal(passesLuhn('4242424242424241'), false);
		// Luhn-valid with a Visa or Maestro prefix, but at 13 digits, a length no card has today.
		assert.equal(findCardNumber('+49 1512 3456787 and 4915123456787'), null);
		assert.equal(findCardNumber('order 5694302257451'), null);
	});
});

function refusal(input: unknown, field: string): PaymentInputError {
	try {
		assertNoCardNumbers(input, field);
	} catch (error) {
		assert.ok(error instanceof PaymentInputError);
		return error;
	}
	assert.fail(`expected ${field} to be refused`);
}

describe('assertNoCardNumbers', () => {
	it('names the field and shows only the last four digits', () => {
		const error = refusal('4000-0027-6000-3184', 'description');
		assert.equal(error.field, 'description');
		assert.match(error.message, /^description: looks like a card number \(ending 3184\)/);
		assert.match(error.message, /pm_card_visa/);
		for (const hidden of ['4000', '0027', '6000', '400000276'])
			assert.ok(!error.message.includes(hidden));
	});

	it('names nested object and array paths', () => {
		assert.equal(
			refusal({ order: '42', metadata: { note: 'card 4242 4242 4242 4242' } }, 'input').field,
			'input.metadata.note',
		);
		const lineItems = [{ price_data: { product_data: { name: 'Mug 5555555555554444' } } }];
		assert.equal(
			refusal({ line_items: lineItems }, 'params').field,
			'params.line_items[0].price_data.product_data.name',
		);
		assert.equal(
			refusal({ 'order note': '4242424242424242' }, 'metadata').field,
			'metadata["order note"]',
		);
		assert.equal(
			refusal({ '4242424242424242': 'x' }, 'metadata').field,
			'metadata["4242424242424242"]',
		);
	});

	it('looks inside JSON strings, escaped digits included', () => {
		const body = JSON.stringify({ customer: { note: 'pay with 4242424242424242' } });
		assert.equal(refusal(body, 'body').field, 'body.customer.note');
		const escaped = '{"pan":"\\u0034242424242424242"}';
		assert.equal(findCardNumber(escaped), null, 'the text scan alone cannot see it');
		assert.equal(refusal(escaped, 'body').field, 'body.pan');
		assert.equal(refusal('[1, "x 4242424242424242"]', 'items').field, 'items[1]');
	});

	it('checks numbers given as numbers', () => {
		assert.equal(refusal(4242424242424242, 'amount').field, 'amount');
		assert.equal(refusal({ n: 6011111111111117n }, 'input').field, 'input.n');
	});

	it('accepts ordinary payment input, including cycles', () => {
		const input: Record<string, unknown> = {
			payment_method: 'pm_card_visa',
			amount: 1999,
			created: 1732406400000,
			metadata: { order_id: 'ORD-2024-000123456', uuid: '550e8400-e29b-41d4-a716-446655440000' },
			lines: [{ phone: '+49 1512 3456787', when: '2026-11-23T10:00:00Z' }, null, true],
			raw: '{"id":"pi_3MtwBwLkdIwHu7ix28a3tqPa","amount":1999}',
		};
		input.self = input;
		assert.doesNotThrow(() => assertNoCardNumbers(input, 'input'));
		assert.doesNotThrow(() => assertNoCardNumbers(undefined, 'input'));
	});
});
