import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * n8n-core writes an encryption-key config into N8N_USER_FOLDER the first time its InstanceSettings
 * load, and reads the variable only then: it must point at a throwaway folder before n8n-core is
 * imported. Every harness entry point calls this before its first `import('n8n-core')`.
 */
let userFolder: string | undefined;

export function ensureN8nUserFolder(): string {
	if (userFolder) return userFolder;
	userFolder = mkdtempSync(join(tmpdir(), 'paywire-n8n-'));
	process.env.N8N_USER_FOLDER = userFolder;
	process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
	process.env.N8N_LOG_LEVEL ??= 'silent';
	process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';
	const folder = userFolder;
	process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
	return userFolder;
}
