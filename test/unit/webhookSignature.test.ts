import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';

import { verifyStripeSignature } from '../../core/stripe/webhookSignature';
import type { SignatureCheck } from '../../core/stripe/webhookSignature';

const SECRET = 'whsec_test_123';
const OLD_SECRET = 'whsec_test_old_456';
const NOW = 1_800_000_000;
const BODY = JSON.stringify({
	id: 'evt_test_1',
	object: 'event',
	type: 'payment_intent.succeeded',
});

function sign(body: Buffer | string, timestamp: number | string, secret = SECRET): string {
	return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

function header(timestamp: number | string, ...signatures: string[]): string {
	return [`t=${timestamp}`, ...signatures.map((signature) => `v1=${signature}`)].join(',');
}

function verify(
	headerValue: string | string[] | undefined,
	rawBody: Buffer | string = BODY,
	options: { secrets?: string[]; toleranceSeconds?: number; nowSeconds?: number } = {},
): SignatureCheck {
	return verifyStripeSignature({
		rawBody,
		header: headerValue,
		secrets: options.secrets ?? [SECRET],
		toleranceSeconds: options.toleranceSeconds,
		nowSeconds: options.nowSeconds ?? NOW,
	});
}

function assertRejected(check: SignatureCheck, status: 400 | 401, reason: RegExp): void {
	assert.equal(check.ok, false);
	if (check.ok) return;
	assert.equal(check.status, status);
	assert.match(check.reason, reason);
}

describe('verifyStripeSignature', () => {
	it('accepts a correctly signed body and returns its timestamp', () => {
		assert.deepEqual(verify(header(NOW, sign(BODY, NOW))), { ok: true, timestamp: NOW });
	});

	it('accepts the raw bytes as a Buffer exactly as received', () => {
		const bytes = Buffer.from(BODY, 'utf8');
		assert.equal(verify(header(NOW, sign(bytes, NOW)), bytes).ok, true);
	});

	it('signs bytes, not decoded text: invalid UTF-8 still verifies only byte-exact', () => {
		const bytes = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
		assert.equal(verify(header(NOW, sign(bytes, NOW)), bytes).ok, true);
		const decoded = Buffer.from(bytes.toString('utf8'), 'utf8');
		assertRejected(verify(header(NOW, sign(bytes, NOW)), decoded), 401, /does not match/);
	});

	it('missing header → 400', () => {
		assertRejected(verify(undefined), 400, /missing/);
		assertRejected(verify(''), 400, /missing/);
	});

	it('no t → 400', () => {
		assertRejected(verify(`v1=${sign(BODY, NOW)}`), 400, /no timestamp/);
	});

	it('no v1 → 400', () => {
		assertRejected(verify(`t=${NOW}`), 400, /no v1/);
	});

	it('only v0 → 400 (v0 is never accepted, even when it carries the right HMAC)', () => {
		assertRejected(verify(`t=${NOW},v0=${sign(BODY, NOW)}`), 400, /no v1/);
	});

	it('v0 beside a valid v1 is ignored', () => {
		assert.equal(verify(`t=${NOW},v1=${sign(BODY, NOW)},v0=${'0'.repeat(64)}`).ok, true);
	});

	it('duplicate t → 400, even when one of them is the signed one', () => {
		const signature = sign(BODY, NOW);
		assertRejected(verify(`t=${NOW},t=${NOW - 1000},v1=${signature}`), 400, /duplicate timestamp/);
		assertRejected(verify(`t=${NOW},t=${NOW},v1=${signature}`), 400, /duplicate timestamp/);
	});

	it('non-numeric timestamp → 400', () => {
		assertRejected(verify(header('17e8', sign(BODY, '17e8'))), 400, /malformed timestamp/);
	});

	it('element without "=" → 400', () => {
		assertRejected(verify(`t=${NOW},garbage,v1=${sign(BODY, NOW)}`), 400, /malformed/);
	});

	it('wrong secret → 401', () => {
		const signature = sign(BODY, NOW, 'whsec_someone_else');
		assertRejected(verify(header(NOW, signature)), 401, /does not match/);
	});

	it('secret without its whsec_ prefix → 401 (the key is the whole string)', () => {
		const signature = sign(BODY, NOW);
		assertRejected(
			verify(header(NOW, signature), BODY, { secrets: ['test_123'] }),
			401,
			/does not match/,
		);
		const signedWithBareKey = sign(BODY, NOW, 'test_123');
		assertRejected(verify(header(NOW, signedWithBareKey)), 401, /does not match/);
	});

	it('no secret configured → 401, fail closed', () => {
		assertRejected(
			verify(header(NOW, sign(BODY, NOW)), BODY, { secrets: [] }),
			401,
			/no signing secret/,
		);
		assertRejected(
			verify(header(NOW, sign(BODY, NOW)), BODY, { secrets: [''] }),
			401,
			/no signing secret/,
		);
	});

	it('re-formatted JSON body → 401', () => {
		const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
		assertRejected(verify(header(NOW, sign(BODY, NOW)), pretty), 401, /does not match/);
	});

	it('stale timestamp just outside the tolerance → 401, just inside → ok', () => {
		const outside = NOW - 301;
		assertRejected(verify(header(outside, sign(BODY, outside))), 401, /tolerance/);
		const inside = NOW - 300;
		assert.equal(verify(header(inside, sign(BODY, inside))).ok, true);
	});

	it('future timestamp just outside the tolerance → 401, just inside → ok', () => {
		const outside = NOW + 301;
		assertRejected(verify(header(outside, sign(BODY, outside))), 401, /tolerance/);
		const inside = NOW + 300;
		assert.equal(verify(header(inside, sign(BODY, inside))).ok, true);
	});

	it('honours a configured tolerance, and never treats 0 or a negative value as "no check"', () => {
		const old = NOW - 100;
		const signed = header(old, sign(BODY, old));
		assertRejected(verify(signed, BODY, { toleranceSeconds: 60 }), 401, /tolerance/);
		assert.equal(verify(signed, BODY, { toleranceSeconds: 120 }).ok, true);
		const ancient = NOW - 86_400;
		const ancientHeader = header(ancient, sign(BODY, ancient));
		assertRejected(verify(ancientHeader, BODY, { toleranceSeconds: 0 }), 401, /tolerance/);
		assertRejected(verify(ancientHeader, BODY, { toleranceSeconds: -1 }), 401, /tolerance/);
	});

	it('empty body → 400 even with a matching signature', () => {
		assertRejected(verify(header(NOW, sign('', NOW)), ''), 400, /empty/);
		assertRejected(verify(header(NOW, sign('', NOW)), Buffer.alloc(0)), 400, /empty/);
	});

	it('very large body (5 MB) verifies, and one flipped byte in it does not', () => {
		const large = Buffer.alloc(5 * 1024 * 1024, 0x61);
		const signed = header(NOW, sign(large, NOW));
		assert.equal(verify(signed, large).ok, true);
		const tampered = Buffer.from(large);
		tampered[tampered.length - 1] = 0x62;
		assertRejected(verify(signed, tampered), 401, /does not match/);
	});

	it('header given twice (array of two) → 400; an array of one is read', () => {
		const signed = header(NOW, sign(BODY, NOW));
		assertRejected(verify([signed, signed]), 400, /more than once/);
		assert.equal(verify([signed]).ok, true);
	});

	it('header given twice and joined by the HTTP server ("a, b") → 400', () => {
		const signed = header(NOW, sign(BODY, NOW));
		assertRejected(verify(`${signed}, ${signed}`), 400, /duplicate timestamp/);
	});

	it('over-long header → 400', () => {
		const padding = Array.from({ length: 80 }, () => `v1=${'0'.repeat(64)}`).join(',');
		assertRejected(verify(`${header(NOW, sign(BODY, NOW))},${padding}`), 400, /too long/);
	});

	it('rotation: two v1 of which one matches → ok, in either order', () => {
		const current = sign(BODY, NOW);
		const other = sign(BODY, NOW, OLD_SECRET);
		assert.equal(verify(header(NOW, other, current)).ok, true);
		assert.equal(verify(header(NOW, current, other)).ok, true);
	});

	it('rotation: any of several configured secrets verifies', () => {
		const signedWithOld = header(NOW, sign(BODY, NOW, OLD_SECRET));
		assert.equal(verify(signedWithOld, BODY, { secrets: [SECRET, OLD_SECRET] }).ok, true);
		assertRejected(verify(signedWithOld, BODY, { secrets: [SECRET] }), 401, /does not match/);
	});

	it('a v1 in upper-case or of the wrong length never matches', () => {
		const signature = sign(BODY, NOW);
		assertRejected(verify(header(NOW, signature.toUpperCase())), 401, /does not match/);
		assertRejected(verify(header(NOW, signature.slice(0, 62))), 401, /does not match/);
		assertRejected(verify(header(NOW, `${signature}00`)), 401, /does not match/);
	});

	it('a stale, correctly signed delivery is rejected even when replayed with the right body', () => {
		const yesterday = NOW - 86_400;
		assertRejected(verify(header(yesterday, sign(BODY, yesterday))), 401, /tolerance/);
	});

	it('reasons never contain the expected signature or the secret', () => {
		const expected = sign(BODY, NOW);
		const checks = [
			verify(header(NOW, sign(BODY, NOW, 'whsec_other'))),
			verify(header(NOW - 999, sign(BODY, NOW - 999))),
			verify(`t=${NOW}`),
		];
		for (const check of checks) {
			assert.equal(check.ok, false);
			const text = JSON.stringify(check);
			assert.ok(!text.includes(expected) && !text.includes(SECRET), text);
		}
	});
});
