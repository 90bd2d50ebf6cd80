import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Sealing a secret that must be stored somewhere readable (an n8n workflow's static data) with a key
 * only the credential's owner has: AES-256-GCM under a key derived by HKDF-SHA256 from the
 * credential's secret key. `binding` (who the secret belongs to) is authenticated as associated
 * data, so a sealed value copied to another record does not open there.
 *
 * Format: `seal1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */

const FORMAT = 'seal1';
const HKDF_SALT = 'paywire/seal/v1';
const HKDF_INFO = 'webhook signing secret';
const IV_BYTES = 12;

function sealingKey(keyMaterial: string): Buffer {
	if (keyMaterial === '') throw new Error('a sealing key needs the credential’s secret key');
	return Buffer.from(hkdfSync('sha256', keyMaterial, HKDF_SALT, HKDF_INFO, 32));
}

export function sealSecret(secret: string, keyMaterial: string, binding: string): string {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', sealingKey(keyMaterial), iv);
	cipher.setAAD(Buffer.from(binding, 'utf8'));
	const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
	const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
	return [FORMAT, ...parts].join('.');
}

/** The secret, or null when the value is not ours, was altered, or was sealed under another key. */
export function unsealSecret(sealed: string, keyMaterial: string, binding: string): string | null {
	const [format, iv, tag, ciphertext, extra] = sealed.split('.');
	if (format !== FORMAT || !iv || !tag || ciphertext === undefined || extra !== undefined) {
		return null;
	}
	try {
		const decipher = createDecipheriv(
			'aes-256-gcm',
			sealingKey(keyMaterial),
			Buffer.from(iv, 'base64url'),
		);
		decipher.setAAD(Buffer.from(binding, 'utf8'));
		decipher.setAuthTag(Buffer.from(tag, 'base64url'));
		const plain = Buffer.concat([
			decipher.update(Buffer.from(ciphertext, 'base64url')),
			decipher.final(),
		]);
		return plain.toString('utf8');
	} catch {
		return null;
	}
}

export function isSealed(value: unknown): value is string {
	return typeof value === 'string' && value.startsWith(`${FORMAT}.`);
}
