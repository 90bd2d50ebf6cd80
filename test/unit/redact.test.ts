import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';

import { redactDeep, redactSecrets } from '../../core/security/redact';

const SECRET = 'sk_test_51AbCdEfGhIjKlMnOpQrStUvWx';
// Fake secrets are assembled at run time so secret scanners never see a real-looking literal.
const LIVE = ['sk', 'live', '51ZyXwVuTsRqPoNmLkJiHgFe'].join('_');
const RESTRICTED = ['rk', 'live', '51RestrictedKeyValue9876'].join('_');
const WEBHOOK = ['whsec', '5a9f2c0b1e7d4c3b8a6f9e0d1c2b3a4f'].join('_');
const FRAGMENTS = [
	'51AbCdEf',
	'UvWx',
	'ZyXwVu',
	'HgFe',
	'RestrictedKey',
	'9876',
	'5a9f2c0b',
	'3a4f',
];

function assertClean(text: string): void {
	for (const fragment of FRAGMENTS)
		assert.ok(!text.includes(fragment), `leaked ${fragment}: ${text}`);
}

describe('redactSecrets', () => {
	const table: Array<[string, string]> = [
		[`Invalid API Key provided: ${SECRET}`, 'Invalid API Key provided: sk_test_[REDACTED]'],
		[`key=${LIVE}&x=1`, 'key=sk_live_[REDACTED]&x=1'],
		[`restricted ${RESTRICTED}.`, 'restricted rk_live_[REDACTED].'],
		[`{"secret":"${WEBHOOK}"}`, '{"secret":"whsec_[REDACTED]"}'],
		['Authorization: Bearer abc.def-ghi', 'Authorization: Bearer [REDACTED]'],
		['authorization: Basic c2tfdGVzdF8xMjM6', 'authorization: Basic [REDACTED]'],
		['{"Authorization":"opaque-token"}', '{"Authorization":"[REDACTED]"}'],
		[
			"headers: { authorization: 'Bearer tok_1' }",
			"headers: { authorization: 'Bearer [REDACTED]' }",
		],
		['sent bearer xyz123 to the API', 'sent bearer [REDACTED] to the API'],
		['sk_AbCdEfGhIjKlMnOpQrStUv', 'sk_[REDACTED]'],
		[
			'Invalid API Key provided: sk_test_****************************1234',
			'Invalid API Key provided: sk_test_[REDACTED]',
		],
		['rk_live_**********wxyz expired', 'rk_live_[REDACTED] expired'],
	];
	for (const [input, expected] of table) {
		it(`${input} → ${expected}`, () => assert.equal(redactSecrets(input), expected));
	}

	it('leaves ordinary payment text alone', () => {
		const text =
			'risk_test_level pi_3MtwBwLkdIwHu7ix28a3tqPa pk_test_abc Basic plan Authorization failed';
		assert.equal(redactSecrets(text), text);
	});

	it('is idempotent', () => {
		const once = redactSecrets(`Authorization: Bearer ${SECRET} and ${WEBHOOK}`);
		assert.equal(redactSecrets(once), once);
		assertClean(once);
	});

	it('redacts every occurrence, never keeping the last four characters', () => {
		const text = redactSecrets(`${SECRET} ${SECRET}\n${RESTRICTED}`);
		assert.equal(text, 'sk_test_[REDACTED] sk_test_[REDACTED]\nrk_live_[REDACTED]');
	});
});

class RequestFailure extends Error {
	options: Record<string, unknown>;
	constructor(message: string, options: Record<string, unknown>) {
		super(message);
		this.name = 'RequestFailure';
		this.options = options;
	}
}

describe('redactDeep', () => {
	it('scrubs an error whose message, stack and nested request options carry a key', () => {
		const cause = new Error(`socket hang up talking with ${RESTRICTED}`);
		const error = new RequestFailure(`Request failed for ${SECRET}`, {
			url: 'https://api.stripe.com/v1/refunds',
			headers: { Authorization: `Bearer ${SECRET}`, 'Stripe-Version': '2026-10-28.endive' },
			auth: { username: LIVE, password: '' },
			body: `secret=${WEBHOOK}`,
		});
		Object.defineProperty(error, 'cause', { value: cause, enumerable: false });

		const copy = redactDeep(error);
		assert.ok(copy instanceof RequestFailure);
		assert.ok(copy !== error);
		assert.equal(copy.name, 'RequestFailure');
		assert.equal(copy.message, 'Request failed for sk_test_[REDACTED]');
		assert.match(copy.stack ?? '', /^RequestFailure: Request failed for sk_test_\[REDACTED\]/);
		const headers = copy.options.headers as Record<string, string>;
		assert.equal(headers.Authorization, 'Bearer [REDACTED]');
		assert.equal(headers['Stripe-Version'], '2026-10-28.endive');
		assert.deepEqual(copy.options.auth, { username: 'sk_live_[REDACTED]', password: '' });
		assert.equal(copy.options.body, 'secret=whsec_[REDACTED]');
		assert.equal((copy.cause as Error).message, 'socket hang up talking with rk_live_[REDACTED]');
		assertClean(JSON.stringify(copy));
		assertClean(`${copy.stack} ${(copy.cause as Error).stack}`);
		assertClean(inspect(copy, { depth: 10, showHidden: true }));

		assert.ok(error.message.includes(SECRET), 'the original is not modified');
		assert.equal(
			(error.options.headers as Record<string, string>).Authorization,
			`Bearer ${SECRET}`,
		);
	});

	it('replaces credential-named values that do not look like keys', () => {
		const copy = redactDeep({
			options: {
				headers: { authorization: 'opaque', 'Proxy-Authorization': 'Basic Zm9vOmJhcg==' },
			},
			apiKey: 'not-a-stripe-format-key',
			credentials: { secretKey: 'legacy', mode: 'test' },
			auth: { bearer: 'tok' },
		});
		assert.deepEqual(copy, {
			options: {
				headers: { authorization: '[REDACTED]', 'Proxy-Authorization': 'Basic [REDACTED]' },
			},
			apiKey: '[REDACTED]',
			credentials: { secretKey: '[REDACTED]', mode: 'test' },
			auth: { bearer: '[REDACTED]' },
		});
	});

	it('keeps payment data, types and cycles intact', () => {
		const createdAt = new Date('2026-11-23T00:00:00Z');
		const payment: Record<string, unknown> = {
			id: 'pi_3MtwBwLkdIwHu7ix28a3tqPa',
			amount: 1999,
			paid: true,
			client_secret: 'pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_abc',
			metadata: { order: '42', note: `copied ${SECRET} by mistake` },
			lines: [{ quantity: 1 }, null, undefined],
			createdAt,
			tags: new Set([LIVE]),
			lookup: new Map([['Authorization', 'Bearer x']]),
		};
		payment.self = payment;
		const copy = redactDeep(payment);
		assert.equal(copy.id, payment.id);
		assert.equal(copy.amount, 1999);
		assert.equal(copy.paid, true);
		assert.equal(copy.client_secret, payment.client_secret);
		assert.deepEqual(copy.metadata, { order: '42', note: 'copied sk_test_[REDACTED] by mistake' });
		assert.deepEqual(copy.lines, [{ quantity: 1 }, null, undefined]);
		assert.ok(copy.createdAt instanceof Date && copy.createdAt.getTime() === createdAt.getTime());
		assert.deepEqual([...(copy.tags as Set<string>)], ['sk_live_[REDACTED]']);
		assert.equal((copy.lookup as Map<string, string>).get('Authorization'), 'Bearer [REDACTED]');
		assert.equal(copy.self, copy);
	});

	it('handles plain strings and primitives', () => {
		assert.equal(redactDeep(`x ${SECRET}`), 'x sk_test_[REDACTED]');
		assert.equal(redactDeep(7), 7);
		assert.equal(redactDeep(null), null);
		assert.deepEqual(redactDeep([WEBHOOK]), ['whsec_[REDACTED]']);
	});
});
