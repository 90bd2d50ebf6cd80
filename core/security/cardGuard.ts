import { PaymentInputError } from '../errors';
import { cardIssuerOf, ISSUER_FIRST_DIGITS } from './cardIssuers';
import { blankKnownIdentifiers, foldToAsciiDigits } from './cardText';

/**
 * Card-number guard (GUIDE §8, docs/card-guard.md): a primary account number never enters a
 * workflow. Every string is folded to ASCII digits (full-width and other scripts' digits, NBSP,
 * zero-width characters), UUIDs, valid IBANs and hex digests are blanked, then scanned in one pass
 * for runs of digit groups joined by one kind of separator (1–3 spaces, a hyphen or dash, a dot or
 * a slash). A run holds a card number when one group, or groups laid out the way cards are printed
 * (4-4-4-4[-n], Amex 4-6-5, Diners 4-6-4) making up the run or standing at its start or end, pass
 * Luhn AND have an issuer prefix at a length that issuer issues today (cardIssuers.ts).
 */

const MIN_DIGITS = 13;
const MAX_DIGITS = 19;
/** E.164: a number after + with at most 15 digits is a phone number. */
const MAX_PHONE_DIGITS = 15;
const ZERO = 48;
const NINE = 57;
const HYPHENS = '-\u2010\u2011\u2012\u2013\u2014\u2212';

export interface CardNumberFinding {
	last4: string;
}

type SeparatorKind = 'space' | 'hyphen' | 'dot' | 'slash';

const isDigitAt = (text: string, index: number): boolean => {
	const code = text.charCodeAt(index);
	return code >= ZERO && code <= NINE;
};

export function passesLuhn(digits: string): boolean {
	let sum = 0;
	let double = false;
	for (let index = digits.length - 1; index >= 0; index--) {
		let digit = digits.charCodeAt(index) - ZERO;
		if (double) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
		double = !double;
	}
	return sum % 10 === 0;
}

/** The first card number in the text (only its last four digits), or null. */
export function findCardNumber(text: string): CardNumberFinding | null {
	if (text.length < MIN_DIGITS) return null;
	const scanned = blankKnownIdentifiers(foldToAsciiDigits(text));
	let index = 0;
	while (index < scanned.length) {
		if (!isDigitAt(scanned, index)) {
			index++;
			continue;
		}
		const groups = readDigitGroups(scanned, index);
		const afterPlus = index > 0 && scanned[index - 1] === '+';
		const finding = findInGroups(groups.digits, afterPlus);
		if (finding) return finding;
		index = groups.end;
	}
	return null;
}

function separatorAt(text: string, index: number): { kind: SeparatorKind; length: number } | null {
	const char = text[index];
	if (char === ' ' || char === '\t') {
		let end = index;
		while (end < text.length && end - index < 3 && (text[end] === ' ' || text[end] === '\t')) end++;
		return { kind: 'space', length: end - index };
	}
	if (char !== undefined && HYPHENS.includes(char)) return { kind: 'hyphen', length: 1 };
	if (char === '.') return { kind: 'dot', length: 1 };
	if (char === '/') return { kind: 'slash', length: 1 };
	return null;
}

/** Digit groups joined by one kind of separator, e.g. `4242 4242 4242 4242` or `4242.4242…`. */
function readDigitGroups(text: string, start: number): { digits: string[]; end: number } {
	const digits: string[] = [];
	let kind: SeparatorKind | undefined;
	let index = start;
	for (;;) {
		const groupStart = index;
		while (index < text.length && isDigitAt(text, index)) index++;
		digits.push(text.slice(groupStart, index));
		const separator = separatorAt(text, index);
		if (
			!separator ||
			(kind && separator.kind !== kind) ||
			!isDigitAt(text, index + separator.length)
		) {
			return { digits, end: index };
		}
		kind = separator.kind;
		index += separator.length;
	}
}

function findInGroups(groups: string[], afterPlus: boolean): CardNumberFinding | null {
	if (afterPlus && groups.join('').length <= MAX_PHONE_DIGITS) return null;
	for (const group of groups) {
		if (isCardNumber(group)) return { last4: group.slice(-4) };
	}
	const lengths = groups.map((group) => group.length);
	for (let size = groups.length; size >= 2; size--) {
		// The run, or a card beside a CVC, an expiry or a short reference: a printed layout at
		// either end, not cut out of a longer run of four-digit groups (a spaced tracking number).
		if (lengths[size] !== 4 && isCardLayout(lengths.slice(0, size))) {
			const digits = groups.slice(0, size).join('');
			if (isCardNumber(digits)) return { last4: digits.slice(-4) };
		}
		const from = groups.length - size;
		if (from > 0 && lengths[from - 1] !== 4 && isCardLayout(lengths.slice(from))) {
			const digits = groups.slice(from).join('');
			if (isCardNumber(digits)) return { last4: digits.slice(-4) };
		}
	}
	return null;
}

/** How cards are printed: 4-4-4-4 (a short last group for 13–19 digits), Amex 4-6-5, Diners 4-6-4. */
function isCardLayout(lengths: number[]): boolean {
	const last = lengths[lengths.length - 1];
	if (lengths.length === 3 && lengths[0] === 4 && lengths[1] === 6) return last === 4 || last === 5;
	return lengths.slice(0, -1).every((length) => length === 4) && last >= 1 && last <= 4;
}

function isCardNumber(digits: string): boolean {
	return (
		digits.length >= MIN_DIGITS &&
		digits.length <= MAX_DIGITS &&
		ISSUER_FIRST_DIGITS.has(digits[0]) &&
		passesLuhn(digits) &&
		cardIssuerOf(digits) !== null
	);
}

/**
 * Refuses any input holding a card number, naming the field (`metadata.note`, `line_items[0].name`)
 * and showing at most the last four digits. Strings, numbers, object keys and values, arrays and
 * JSON text inside strings are all scanned.
 */
export function assertNoCardNumbers(input: unknown, field: string): void {
	const found = locateCardNumber(input, field, new WeakSet());
	if (!found) return;
	throw new PaymentInputError(
		found.path,
		`looks like a card number (ending ${found.last4}); Paywire refuses card numbers before any request or log.`,
		'Collect card details on a Stripe-hosted page (Checkout Session or Payment Link) and pass a ' +
			'saved payment method id (pm_…) instead; in test mode use pm_card_visa, not 4242….',
	);
}

function locateCardNumber(
	value: unknown,
	path: string,
	seen: WeakSet<object>,
): { path: string; last4: string } | null {
	if (typeof value === 'number' || typeof value === 'bigint') value = String(value);
	if (typeof value === 'string') {
		const finding = findCardNumber(value);
		// JSON escapes (\u0034…) hide digits from the text scan, so such JSON is parsed and walked.
		if (!finding && !value.includes('\\')) return null;
		const nested = locateInJsonText(value, path, seen);
		if (nested) return nested;
		return finding ? { path, last4: finding.last4 } : null;
	}
	if (value === null || typeof value !== 'object' || seen.has(value)) return null;
	seen.add(value);
	if (Array.isArray(value)) {
		for (let index = 0; index < value.length; index++) {
			const found = locateCardNumber(value[index], `${path}[${index}]`, seen);
			if (found) return found;
		}
		return null;
	}
	for (const [key, child] of Object.entries(value)) {
		const childPath = joinPath(path, key);
		const inKey = findCardNumber(key);
		if (inKey) return { path: childPath, last4: inKey.last4 };
		const found = locateCardNumber(child, childPath, seen);
		if (found) return found;
	}
	return null;
}

/** When the string is JSON, names the nested field (`body.customer.note`) rather than the whole text. */
function locateInJsonText(
	text: string,
	path: string,
	seen: WeakSet<object>,
): { path: string; last4: string } | null {
	const trimmed = text.trim();
	if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return null;
	try {
		return locateCardNumber(JSON.parse(trimmed) as unknown, path, seen);
	} catch {
		return null;
	}
}

function joinPath(path: string, key: string): string {
	return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
