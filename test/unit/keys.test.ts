import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PaymentInputError } from '../../core/errors';
import { assertKeyMatchesMode, stripeKeyMode } from '../../core/stripe/keys';

describe('stripeKeyMode', () => {
	const table: Array<[string, 'test' | 'live' | null]> = [
		['sk_test_123', 'test'],
		['rk_test_123', 'test'],
		['sk_live_123', 'live'],
		['rk_live_123', 'live'],
		['  sk_test_123\n', 'test'],
		['pk_test_123', null],
		['pk_live_123', null],
		['whsec_123', null],
		['sk_test_', null],
		['SK_TEST_123', null],
		['sk_123', null],
		['sk_test_12 34', null],
		['sk_test_1234\u200b', null],
		['rk_live_abc-def', null],
		['', null],
	];
	for (const [key, mode] of table) {
		it(`${JSON.stringify(key)} → ${mode}`, () => assert.equal(stripeKeyMode(key), mode));
	}
});

describe('assertKeyMatchesMode', () => {
	it('accepts a key of the stated mode', () => {
		assert.doesNotThrow(() => assertKeyMatchesMode('rk_live_abc', 'live'));
		assert.doesNotThrow(() => assertKeyMatchesMode('sk_test_abc', 'test'));
	});

	it('refuses a live key in a test credential without echoing the key', () => {
		const key = ['sk', 'live', '51SecretValueThatMustNotLeak'].join('_');
		assert.throws(
			() => assertKeyMatchesMode(key, 'test'),
			(error: unknown) =>
				error instanceof PaymentInputError &&
				error.field === 'Mode' &&
				/live-mode key/.test(error.message) &&
				!error.message.includes('51SecretValue'),
		);
	});

	it('refuses a test key in a live credential', () => {
		assert.throws(() => assertKeyMatchesMode('rk_test_abc', 'live'), /Set Mode to Test/);
	});

	it('calls a key with stray characters malformed, without echoing it', () => {
		assert.throws(
			() => assertKeyMatchesMode('sk_test_51Abc Def', 'test'),
			(error: unknown) =>
				error instanceof PaymentInputError &&
				/malformed/.test(error.message) &&
				!error.message.includes('51Abc'),
		);
	});

	it('explains a publishable key and an unknown value without echoing them', () => {
		assert.throws(
			() => assertKeyMatchesMode('pk_test_PublishableSecret', 'test'),
			(error: unknown) =>
				error instanceof PaymentInputError &&
				/publishable/.test(error.message) &&
				!error.message.includes('PublishableSecret'),
		);
		assert.throws(
			() => assertKeyMatchesMode('hunter2-not-a-key', 'live'),
			(error: unknown) =>
				error instanceof PaymentInputError &&
				error.field === 'Secret Key' &&
				!error.message.includes('hunter2'),
		);
	});
});
