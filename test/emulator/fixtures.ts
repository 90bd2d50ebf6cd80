import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Stripe's own example objects (fixtures/stripe-objects.json: a subset of stripe/openapi's
 * fixtures3.json, MIT, copyright Stripe, Inc.; see fixtures/LICENSE.stripe-openapi). Every object the
 * emulator returns starts as a deep copy of one of these, with the fields it models set explicitly.
 */
type Json = Record<string, unknown>;

let resources: Map<string, string> | undefined;

function load(): Map<string, string> {
	if (!resources) {
		const text = readFileSync(join(__dirname, 'fixtures', 'stripe-objects.json'), 'utf8');
		const parsed = (JSON.parse(text) as { resources: Record<string, Json> }).resources;
		resources = new Map(
			Object.entries(parsed).map(([name, value]) => [name, JSON.stringify(value)]),
		);
	}
	return resources;
}

export function template(name: string): Json {
	const found = load().get(name);
	if (!found) throw new Error(`emulator: no Stripe fixture named ${name}`);
	return JSON.parse(found) as Json;
}

/** Deep copy of a JSON value (objects here are plain JSON; much faster than structuredClone). */
export function clone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

let pool = randomBytes(4096);
let poolOffset = 0;

export function randomToken(length: number): string {
	if (poolOffset + length > pool.length) {
		pool = randomBytes(4096);
		poolOffset = 0;
	}
	let out = '';
	for (let i = 0; i < length; i++) out += ALPHABET[pool[poolOffset + i] % ALPHABET.length];
	poolOffset += length;
	return out;
}

/** Ids shaped like Stripe's: `pi_3Q…` (24 characters after the prefix). */
export function newId(prefix: string): string {
	return `${prefix}_${randomToken(24)}`;
}

/** Checkout Session ids carry the mode: `cs_test_…` / `cs_live_…`. */
export function newModeId(prefix: string, livemode: boolean): string {
	return `${prefix}_${livemode ? 'live' : 'test'}_${randomToken(58)}`;
}

export function nowSeconds(): number {
	return Math.floor(Date.now() / 1000);
}
