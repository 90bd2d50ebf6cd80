import { PaymentInputError } from '../../../../core/errors';
import { STRIPE_EVENT_TYPES } from '../../../../core/stripe/eventTypes.generated';

const MAX_TYPES = 20;
const KNOWN_TYPES: ReadonlySet<string> = new Set(STRIPE_EVENT_TYPES);

/**
 * Stripe's list filter for the types the user typed: one type or `*` pattern goes in `type`,
 * several exact types in `types` (Stripe allows no pattern there). A misspelt type would silently
 * list nothing, which looks like "no missed events", so every name must be one Stripe knows.
 */
export function eventTypeFilter(input: string): { type?: string; types?: string[] } {
	const names = input
		.split(/[\s,]+/)
		.map((name) => name.trim())
		.filter((name) => name !== '');
	if (names.length === 0) return {};
	for (const name of names) {
		if (!isKnownTypeOrPattern(name)) {
			throw new PaymentInputError(
				'Event Types',
				`"${name.slice(0, 80)}" is not a Stripe event type.`,
				'Check the spelling, such as invoice.payment_failed, or use a pattern such as invoice.*.',
			);
		}
	}
	if (names.length === 1) return { type: names[0] };
	if (names.some((name) => name.includes('*'))) {
		throw new PaymentInputError(
			'Event Types',
			'mixes a * pattern with other types; Stripe filters on one pattern or a list of exact types.',
			'Use a single pattern such as invoice.*, or list the exact types.',
		);
	}
	if (names.length > MAX_TYPES) {
		throw new PaymentInputError(
			'Event Types',
			`lists ${names.length} types; Stripe filters on at most ${MAX_TYPES}.`,
			'Use a pattern such as invoice.*, or split the list across two nodes.',
		);
	}
	return { types: names };
}

function isKnownTypeOrPattern(name: string): boolean {
	if (!name.includes('*')) return KNOWN_TYPES.has(name);
	if (!/^[a-z0-9_.]*\*$/.test(name)) return false;
	const prefix = name.slice(0, -1);
	return STRIPE_EVENT_TYPES.some((type) => type.startsWith(prefix));
}
