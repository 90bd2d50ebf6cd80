import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PaymentInputError } from '../../core/errors';
import { assertNoCardNumbers, findCardNumber, passesLuhn } from '../../core/security/cardGuard';
import { isValidIban } from '../../core/security/cardText';
import { seededRandom } from '../helpers/seededRandom';
import { GENERATORS, iban } from './cardCorpus/identifiers';

/**
 * The card guard against a corpus: ≥ 10,000 realistic identifiers that are not card numbers must
 * pass (false-refusal rate measured and printed, at most 0.1 %), and every Stripe test card number
 * in every formatting below must be refused, showing at most its last four digits.
 */

const SEED = 20261206;
const PER_KIND = 2_000;
const MAX_FALSE_REFUSAL_RATE = 0.001;

/** Stripe's test card numbers (docs.stripe.com/testing), one per brand and special case. */
const STRIPE_TEST_PANS = [
	'4242424242424242',
	'4000056655665556',
	'4012888888881881',
	'4000002500001001',
	'4000000000000002',
	'4000002760003184',
	'4000000000003220',
	'4000000000009995',
	'5555555555554444',
	'2223003122003222',
	'5200828282828210',
	'5105105105105100',
	'378282246310005',
	'371449635398431',
	'6011111111111117',
	'6011000990139424',
	'6011981111111113',
	'3056930009020004',
	'36227206271667',
	'6555900000604105',
	'3566002020360505',
	'6200000000000005',
	'6200000000000047',
	'6205500000000000004',
];

/** How the card is printed: Amex 4-6-5, 14-digit Diners 4-6-4, else groups of four. */
function printedGroups(pan: string): string[] {
	if (pan.length === 15) return [pan.slice(0, 4), pan.slice(4, 10), pan.slice(10)];
	if (pan.length === 14) return [pan.slice(0, 4), pan.slice(4, 10), pan.slice(10)];
	return pan.match(/.{1,4}/g) ?? [pan];
}

const fullWidth = (text: string) =>
	text.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
const arabicIndic = (text: string) =>
	text.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));

const FORMATTINGS: Record<string, (pan: string) => string> = {
	plain: (pan) => pan,
	spaces: (pan) => printedGroups(pan).join(' '),
	hyphens: (pan) => printedGroups(pan).join('-'),
	dots: (pan) => printedGroups(pan).join('.'),
	slashes: (pan) => printedGroups(pan).join('/'),
	'non-breaking spaces': (pan) => printedGroups(pan).join('\u00a0'),
	'narrow no-break spaces': (pan) => printedGroups(pan).join('\u202f'),
	'double spaces': (pan) => printedGroups(pan).join('  '),
	'en dashes': (pan) => printedGroups(pan).join('\u2013'),
	'zero-width spaces between digits': (pan) => [...pan].join('\u200b'),
	'zero-width joiners in groups': (pan) => printedGroups(pan).join('\u200d'),
	'full-width digits': (pan) => fullWidth(printedGroups(pan).join(' ')),
	'Arabic-Indic digits': (pan) => arabicIndic(pan),
	'glued to letters': (pan) => `cc${pan}exp`,
	'with expiry and CVC': (pan) => `card ${printedGroups(pan).join(' ')} 12/34 123`,
	'inside JSON text': (pan) => JSON.stringify({ payment: { card: printedGroups(pan).join(' ') } }),
	'tab-separated': (pan) => printedGroups(pan).join('\t'),
};

describe('card guard corpus: real identifiers pass', () => {
	it(`${PER_KIND} of each kind, false-refusal rate at most ${MAX_FALSE_REFUSAL_RATE * 100} %`, () => {
		const random = seededRandom(SEED);
		let total = 0;
		const refused: string[] = [];
		const lines: string[] = [];
		for (const [kind, generate] of Object.entries(GENERATORS)) {
			let refusedOfKind = 0;
			for (let index = 0; index < PER_KIND; index++) {
				const identifier = generate(random);
				total++;
				if (findCardNumber(identifier) !== null) {
					refusedOfKind++;
					refused.push(`${kind}: ${identifier}`);
				}
			}
			lines.push(`  ${kind.padEnd(15)} ${refusedOfKind} of ${PER_KIND}`);
		}
		const rate = refused.length / total;
		console.log(
			`card guard corpus (seed ${SEED}): ${refused.length} of ${total} identifiers refused, ` +
				`false-refusal rate ${(rate * 100).toFixed(3)} %\n${lines.join('\n')}` +
				(refused.length > 0 ? `\n  refused: ${refused.join(', ')}` : ''),
		);
		assert.ok(total >= 10_000);
		assert.ok(
			rate <= MAX_FALSE_REFUSAL_RATE,
			`false-refusal rate ${rate} above ${MAX_FALSE_REFUSAL_RATE}`,
		);
	});

	it('the issue’s two examples and the corpus generators are what they claim', () => {
		assert.equal(findCardNumber('5694302257451'), null, '13-digit order id');
		assert.equal(findCardNumber('4915123456787'), null, 'phone number without +');
		assert.ok(passesLuhn('5694302257451') && passesLuhn('4915123456787'), 'both pass Luhn');
		const random = seededRandom(SEED);
		for (let index = 0; index < 200; index++) assert.ok(isValidIban(iban(random)));
	});
});

describe('card guard corpus: every Stripe test card number is refused in every formatting', () => {
	it(`${STRIPE_TEST_PANS.length} numbers × ${Object.keys(FORMATTINGS).length} formattings`, () => {
		let checked = 0;
		for (const pan of STRIPE_TEST_PANS) {
			assert.ok(passesLuhn(pan), `${pan} is a valid test number`);
			const last4 = pan.slice(-4);
			for (const [name, format] of Object.entries(FORMATTINGS)) {
				const text = format(pan);
				assert.deepEqual(findCardNumber(text), { last4 }, `${name}: ${JSON.stringify(text)}`);
				let refusal: unknown;
				try {
					assertNoCardNumbers({ note: text }, 'metadata');
				} catch (error) {
					refusal = error;
				}
				assert.ok(refusal instanceof PaymentInputError, `${name}: refused`);
				assert.match(refusal.message, new RegExp(`ending ${last4}`));
				assert.doesNotMatch(refusal.message, /\d{5}/, 'no more than the last four digits shown');
				assert.doesNotMatch(JSON.stringify(refusal), new RegExp(pan.slice(0, 6)));
				checked++;
			}
		}
		console.log(`card guard corpus: ${checked} formatted test card numbers refused`);
	});
});
