/**
 * Realistic identifiers that are not card numbers, generated deterministically (seeded), for the
 * card-guard false-refusal corpus. Each generator follows the real format: check digits where the
 * format has them (IBAN mod 97, UPS 1Z, FedEx), real country codes and number lengths for phones.
 */

export type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T =>
	items[Math.floor(random() * items.length)];
const int = (random: Random, from: number, to: number) =>
	from + Math.floor(random() * (to - from + 1));
const digits = (random: Random, count: number) =>
	Array.from({ length: count }, () => String(int(random, 0, 9))).join('');
const nonZeroDigits = (random: Random, count: number) =>
	String(int(random, 1, 9)) + digits(random, count - 1);
const letters = (random: Random, count: number) =>
	Array.from({ length: count }, () => String.fromCharCode(65 + int(random, 0, 25))).join('');
const group = (text: string, size = 4) =>
	text.match(new RegExp(`.{1,${size}}`, 'g'))?.join(' ') ?? text;

export function orderId(random: Random): string {
	switch (int(random, 0, 7)) {
		case 0:
			return nonZeroDigits(random, 13); // e.g. 5694302257451 (marketplace order numbers)
		case 1:
			return nonZeroDigits(random, int(random, 6, 12));
		case 2:
			return nonZeroDigits(random, 14);
		case 3: // Amazon: 3-7-7
			return `${int(random, 100, 999)}-${digits(random, 7)}-${digits(random, 7)}`;
		case 4:
			return `ORD-${int(random, 2019, 2030)}-${digits(random, 6)}`;
		case 5:
			return `#${int(random, 1001, 999999)}`;
		case 6:
			return `Order ${nonZeroDigits(random, 13)} shipped`;
		default:
			return `INV/${int(random, 2019, 2030)}/${digits(random, 5)}`;
	}
}

/** Country code, national significant number lengths (mobile where numbers are long). */
const PHONE_PLANS: ReadonlyArray<[string, number[]]> = [
	['49', [10, 11]],
	['44', [10]],
	['1', [10]],
	['33', [9]],
	['39', [9, 10]],
	['34', [9]],
	['31', [9]],
	['91', [10]],
	['86', [11]],
	['62', [9, 10, 11, 12]],
	['55', [10, 11]],
	['81', [10]],
	['61', [9]],
	['52', [10]],
	['43', [10, 11, 12, 13]],
	['41', [9]],
	['48', [9]],
	['46', [9]],
	['90', [10]],
	['7', [10]],
	['380', [9]],
	['351', [9]],
	['353', [9]],
	['36', [9]],
	['30', [10]],
	['971', [9]],
	['65', [8]],
	['27', [9]],
];

export function phoneNumber(random: Random): string {
	const [country, lengths] = pick(random, PHONE_PLANS);
	const national = nonZeroDigits(random, pick(random, lengths));
	switch (int(random, 0, 4)) {
		case 0:
			return `+${country}${national}`;
		case 1:
			return `${country}${national}`; // E.164 without + (spreadsheets, CRMs)
		case 2:
			return `+${country} ${national.slice(0, 3)} ${national.slice(3)}`;
		case 3:
			return `00${country}${national}`;
		default:
			return `tel: ${country}${national}`;
	}
}

const UPS_VALUE = (char: string) =>
	/\d/.test(char) ? Number(char) : (char.charCodeAt(0) - 63) % 10;

export function trackingNumber(random: Random): string {
	switch (int(random, 0, 4)) {
		case 0: {
			const body =
				letters(random, 3) +
				digits(random, 3) +
				pick(random, ['01', '02', '03']) +
				digits(random, 7);
			let sum = 0;
			for (let index = 0; index < body.length; index++) {
				sum += UPS_VALUE(body[index]) * (index % 2 === 1 ? 2 : 1);
			}
			return `1Z${body}${(10 - (sum % 10)) % 10}`;
		}
		case 1: {
			// FedEx Express 12 digits: check digit with weights 1, 3, 7 (mod 11, 10 → 0).
			const body = digits(random, 11);
			const weights = [1, 3, 7];
			let sum = 0;
			for (let index = 0; index < 11; index++) {
				sum += Number(body[10 - index]) * weights[index % 3];
			}
			return `${body}${(sum % 11) % 10}`;
		}
		case 2: {
			// FedEx Ground 15 digits: GS1 mod 10 (weights 3, 1 from the right).
			const body = digits(random, 14);
			let sum = 0;
			for (let index = 0; index < 14; index++)
				sum += Number(body[13 - index]) * (index % 2 === 0 ? 3 : 1);
			return `${body}${(10 - (sum % 10)) % 10}`;
		}
		case 3:
			return pick(random, ['92', '93', '94', '95']) + digits(random, pick(random, [18, 19, 20]));
		default:
			return group(pick(random, ['9400', '9205', '9361']) + digits(random, 18));
	}
}

/** Country, BBAN layout (n digits, a letters, c alphanumerics) as in the IBAN registry. */
const IBAN_FORMATS: ReadonlyArray<[string, string]> = [
	['DE', '18n'],
	['GB', '4a14n'],
	['FR', '10n11c2n'],
	['NL', '4a10n'],
	['ES', '20n'],
	['IT', '1a10n12c'],
	['BE', '12n'],
	['AT', '16n'],
	['CH', '5n12c'],
	['PL', '24n'],
];

function bban(random: Random, layout: string): string {
	let out = '';
	for (const [, count, kind] of layout.matchAll(/(\d+)([nac])/g)) {
		const size = Number(count);
		if (kind === 'n') out += digits(random, size);
		else if (kind === 'a') out += letters(random, size);
		else
			out += Array.from({ length: size }, () =>
				random() < 0.7 ? digits(random, 1) : letters(random, 1),
			).join('');
	}
	return out;
}

function mod97(text: string): number {
	let remainder = 0;
	for (const char of text) {
		const value = /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 55;
		remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
	}
	return remainder;
}

export function iban(random: Random): string {
	const [country, layout] = pick(random, IBAN_FORMATS);
	const account = bban(random, layout);
	const check = String(98 - mod97(`${account}${country}00`)).padStart(2, '0');
	const compact = `${country}${check}${account}`;
	return random() < 0.5 ? compact : group(compact);
}

export function timestamp(random: Random): string {
	const seconds = int(random, 946_684_800, 2_208_988_800); // 2000 … 2040
	return random() < 0.5 ? String(seconds) : String(seconds * 1000 + int(random, 0, 999));
}

export function uuid(random: Random): string {
	const hex = Array.from({ length: 32 }, () => int(random, 0, 15).toString(16)).join('');
	const v4 = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${'89ab'[int(random, 0, 3)]}${hex.slice(17)}`;
	const text = `${v4.slice(0, 8)}-${v4.slice(8, 12)}-${v4.slice(12, 16)}-${v4.slice(16, 20)}-${v4.slice(20)}`;
	return random() < 0.2 ? text.toUpperCase() : text;
}

export const GENERATORS = { orderId, phoneNumber, trackingNumber, iban, timestamp, uuid } as const;
