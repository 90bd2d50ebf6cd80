/**
 * Text preparation for the card-number guard: the ways a card number is written that are not plain
 * ASCII digits are folded to plain digits, and identifiers that provably are not card numbers are
 * blanked out before the scan (docs/card-guard.md).
 */

/** Zero-width and invisible characters people paste between digits (they carry nothing). */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g;
const NON_ASCII = /[^ -~\t\n\r]/;
const UNICODE_DIGIT = /\p{Nd}/u;
const UUID =
	/(?<![0-9A-Za-z])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9A-Za-z])/gi;
/** An IBAN: country, check digits, groups of four (optionally spaced), a short last group. */
const IBAN =
	/(?<![0-9A-Za-z])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![0-9A-Za-z])/gi;
/** A hex digest (MD5 and longer) with at least one letter: a hash, not a typed number. */
const HEX_DIGEST = /(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])[0-9a-f]{32,}(?![0-9A-Za-z])/gi;

/**
 * NFKC folds full-width digits (４２４２), non-breaking, thin and figure spaces; invisible
 * characters are removed; decimal digits of other scripts (٤٢٤٢) become ASCII digits.
 */
export function foldToAsciiDigits(text: string): string {
	if (!NON_ASCII.test(text)) return text;
	const folded = text.normalize('NFKC').replace(INVISIBLE, '');
	if (!NON_ASCII.test(folded)) return folded;
	let out = '';
	for (const char of folded) {
		const code = char.codePointAt(0) ?? 0;
		out += code > 0x7f && UNICODE_DIGIT.test(char) ? String(unicodeDigitValue(code)) : char;
	}
	return out;
}

/** Unicode lays out each script's digits as ten consecutive code points, zero first. */
function unicodeDigitValue(code: number): number {
	let zero = code;
	while (UNICODE_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
	return (code - zero) % 10;
}

/** UUIDs, IBANs that pass their mod-97 check, and hex digests, replaced by letters. */
export function blankKnownIdentifiers(text: string): string {
	let out = text;
	if (out.includes('-')) out = out.replace(UUID, blank);
	out = out.replace(IBAN, (match) => (isValidIban(match) ? blank(match) : match));
	return out.replace(HEX_DIGEST, blank);
}

const blank = (match: string): string => 'x'.repeat(match.length);

/** IBAN length per country (SWIFT IBAN registry): a glued `cc…` is no IBAN by chance. */
const IBAN_LENGTHS: Record<string, number> = {
	AD: 24,
	AE: 23,
	AL: 28,
	AT: 20,
	AZ: 28,
	BA: 20,
	BE: 16,
	BG: 22,
	BH: 22,
	BI: 27,
	BR: 29,
	BY: 28,
	CH: 21,
	CR: 22,
	CY: 28,
	CZ: 24,
	DE: 22,
	DJ: 27,
	DK: 18,
	DO: 28,
	EE: 20,
	EG: 29,
	ES: 24,
	FI: 18,
	FK: 18,
	FO: 18,
	FR: 27,
	GB: 22,
	GE: 22,
	GI: 23,
	GL: 18,
	GR: 27,
	GT: 28,
	HR: 21,
	HU: 28,
	IE: 22,
	IL: 23,
	IQ: 23,
	IS: 26,
	IT: 27,
	JO: 30,
	KW: 30,
	KZ: 20,
	LB: 28,
	LC: 32,
	LI: 21,
	LT: 20,
	LU: 20,
	LV: 21,
	LY: 25,
	MC: 27,
	MD: 24,
	ME: 22,
	MK: 19,
	MN: 20,
	MR: 27,
	MT: 31,
	MU: 30,
	NI: 28,
	NL: 18,
	NO: 15,
	OM: 23,
	PK: 24,
	PL: 28,
	PS: 29,
	PT: 25,
	QA: 29,
	RO: 24,
	RS: 22,
	RU: 33,
	SA: 24,
	SC: 31,
	SD: 18,
	SE: 24,
	SI: 19,
	SK: 24,
	SM: 27,
	SO: 23,
	ST: 25,
	SV: 28,
	TL: 23,
	TN: 24,
	TR: 26,
	UA: 29,
	VA: 22,
	VG: 24,
	XK: 20,
	YE: 30,
};

/** ISO 13616: the country's length, then first four characters moved to the end, letters to
 * 10–35, remainder 1 mod 97. */
export function isValidIban(text: string): boolean {
	const compact = text.replace(/ /g, '').toUpperCase();
	if (IBAN_LENGTHS[compact.slice(0, 2)] !== compact.length) return false;
	const rearranged = compact.slice(4) + compact.slice(0, 4);
	let remainder = 0;
	for (const char of rearranged) {
		const value = char >= 'A' ? char.charCodeAt(0) - 55 : char.charCodeAt(0) - 48;
		remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
	}
	return remainder === 1;
}
