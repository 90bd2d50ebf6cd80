import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isSealed, sealSecret, unsealSecret } from '../../core/security/seal';

const KEY = 'sk_test_sealing_material';
const BINDING = 'stripe-webhook-endpoint:wf_1:node_1:we_1';
const SECRET = ['whsec', 'unit_secret_value'].join('_');

describe('sealSecret / unsealSecret (AES-256-GCM, HKDF-SHA256 key)', () => {
	it('round-trips, and the sealed text contains nothing of the secret', () => {
		const sealed = sealSecret(SECRET, KEY, BINDING);
		assert.ok(isSealed(sealed));
		assert.ok(!sealed.includes('whsec') && !sealed.includes('unit_secret'));
		assert.equal(unsealSecret(sealed, KEY, BINDING), SECRET);
	});

	it('a fresh IV each time: sealing twice gives two different texts', () => {
		assert.notEqual(sealSecret(SECRET, KEY, BINDING), sealSecret(SECRET, KEY, BINDING));
	});

	it('another key, another binding, or any altered part does not open', () => {
		const sealed = sealSecret(SECRET, KEY, BINDING);
		assert.equal(unsealSecret(sealed, 'sk_test_other', BINDING), null);
		assert.equal(unsealSecret(sealed, KEY, `${BINDING}x`), null);
		const parts = sealed.split('.');
		for (let index = 1; index < parts.length; index++) {
			const altered = [...parts];
			const first = altered[index][0] === 'A' ? 'B' : 'A';
			altered[index] = first + altered[index].slice(1);
			assert.equal(unsealSecret(altered.join('.'), KEY, BINDING), null, `part ${index}`);
		}
		assert.equal(unsealSecret(SECRET, KEY, BINDING), null, 'plaintext is not a sealed value');
		assert.equal(unsealSecret(`${sealed}.extra`, KEY, BINDING), null);
	});

	it('refuses to seal without key material', () => {
		assert.throws(() => sealSecret(SECRET, '', BINDING), /secret key/);
	});
});
