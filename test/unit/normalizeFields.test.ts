import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isoFromUnixSeconds, metadataField } from '../../core/stripe/normalizeFields';

const viaDate = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('isoFromUnixSeconds: the arithmetic path writes exactly what Date#toISOString writes', () => {
	it('at the edges of days, months, leap years, centuries and the four-digit range', () => {
		const edges = [
			0, 1, 59, 60, 3_599, 3_600, 86_399, 86_400, 951_782_399, 951_782_400, 951_868_800,
			978_307_199, 1_234_567_890, 1_709_164_800, 1_709_251_199, 1_800_000_000, 4_107_542_399,
			4_107_542_400, 253_402_300_799,
		];
		for (const seconds of edges) assert.equal(isoFromUnixSeconds(seconds), viaDate(seconds));
	});

	it('for every day from 1970 to 9999 and 20,000 random seconds in between', () => {
		for (let seconds = 0; seconds <= 253_402_300_799; seconds += 86_400 + 3_661) {
			assert.equal(isoFromUnixSeconds(seconds), viaDate(seconds));
		}
		let state = 42;
		for (let i = 0; i < 20_000; i += 1) {
			state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
			const seconds = Math.floor((state / 2_147_483_648) * 253_402_300_800);
			assert.equal(isoFromUnixSeconds(seconds), viaDate(seconds));
		}
	});

	it('leaves other values to Date (before 1970, beyond 9999) and non-integers out', () => {
		assert.equal(isoFromUnixSeconds(-1), '1969-12-31T23:59:59.000Z');
		assert.equal(isoFromUnixSeconds(253_402_300_800), '+010000-01-01T00:00:00.000Z');
		for (const value of [1.5, '1800000000', null, undefined, Number.NaN]) {
			assert.equal(isoFromUnixSeconds(value), null);
		}
	});
});

describe('metadataField', () => {
	it('keeps own string entries in order and drops everything else', () => {
		const inherited = Object.create({ inherited: 'no' }) as Record<string, unknown>;
		Object.assign(inherited, { b: '2', a: '1', n: 3, o: { x: '1' }, nil: null });
		assert.deepEqual(Object.keys(metadataField(inherited)), ['b', 'a']);
		assert.deepEqual(metadataField(JSON.parse('{"2":"two","order":"42","1":"one"}')), {
			'1': 'one',
			'2': 'two',
			order: '42',
		});
		for (const value of [null, undefined, 'text', ['a']])
			assert.deepEqual(metadataField(value), {});
	});
});
