import { PaymentInputError } from '../errors';
import { cardIssuerOf, ISSUER_FIRST_DIGITS } from './cardIssuers';

/**
 * Card-number guard (GUIDE §8): a primary account number never enters a workflow. Every string is
 * scanned for 13–19 digits, optionally grouped by single spaces or hyphens, that pass Luhn and carry
 * a known issuer prefix. The scan is a single pass without backtracking: it runs on every input string.
 */

const MIN_DIGITS = 13;
const MAX_DIGITS = 19;
const UUID =
	/(?<![0-9A-Za-z])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9A-Za-z])/gi;
const ZERO = 48;
const NINE = 57;

export interface CardNumberFinding {
	last4: string;
}

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
	// A UUID made only of decimal digits would otherwise read as digit groups.
	const scanned = text.includes('-') ? text.replace(UUID, (uuid) => 'x'.repeat(uuid.length)) : text;
	let index = 0;
	while (index < scanned.length) {
		if (!isDigitAt(scanned, index)) {
			index++;
			continue;
		}
		const groups = readDigitGroups(scanned, index);
		const startsAsPhoneNumber = index > 0 && scanned[index - 1] === '+';
		const finding = insideToken(scanned, index, groups)
			? null
			: findInGroups(groups, startsAsPhoneNumber);
		if (finding) return finding;
		index = groups.end;
	}
	return null;
}

/**
 * An unbroken digit run with letters glued to both sides is the middle of a token (a hex hash, a
 * signature, an id), not a typed card number; `card4242…` or `…4242x` still count.
 */
function insideToken(
	text: string,
	start: number,
	groups: { digits: string[]; end: number },
): boolean {
	return groups.digits.length === 1 && isLetter(text[start - 1]) && isLetter(text[groups.end]);
}

const isLetter = (char: string | undefined): boolean => char !== undefined && /[A-Za-z]/.test(char);

/** A run of digit groups joined by single spaces or hyphens, e.g. `4242 4242 4242 4242`. */
function readDigitGroups(text: string, start: number): { digits: string[]; end: number } {
	const digits: string[] = [];
	let index = start;
	for (;;) {
		const groupStart = index;
		while (index < text.length && isDigitAt(text, index)) index++;
		digits.push(text.slice(groupStart, index));
		const separator = text[index];
		if ((separator === ' ' || separator === '-') && isDigitAt(text, index + 1)) index++;
		else return { digits, end: index };
	}
}

/** Tries every window of whole groups holding 13–19 digits (a card may sit beside a CVC or an id). */
function findInGroups(
	groups: { digits: string[] },
	startsAsPhoneNumber: boolean,
): CardNumberFinding | null {
	const { digits } = groups;
	for (let first = startsAsPhoneNumber ? 1 : 0; first < digits.length; first++) {
		if (!ISSUER_FIRST_DIGITS.has(digits[first][0])) continue;
		let candidate = '';
		for (let last = first; last < digits.length; last++) {
			candidate += digits[last];
			if (candidate.length > MAX_DIGITS) break;
			if (candidate.length >= MIN_DIGITS && isCardNumber(candidate)) {
				return { last4: candidate.slice(-4) };
			}
		}
	}
	return null;
}

function isCardNumber(digits: string): boolean {
	return passesLuhn(digits) && cardIssuerOf(digits) !== null;
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
