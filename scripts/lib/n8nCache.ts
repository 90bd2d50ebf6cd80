import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');

let cachedDir: string | undefined;

/**
 * The directory of the pinned n8n install (scripts/n8n-install.sh installs it on first use and
 * prints the directory on its last stdout line; its progress goes to stderr, which we pass on).
 */
export function n8nInstallDir(): string {
	if (cachedDir) return cachedDir;
	const fromEnv = process.env.PAYWIRE_N8N_DIR;
	if (fromEnv && existsSync(join(fromEnv, '.paywire-ready'))) return (cachedDir = fromEnv);
	const stdout = execFileSync('bash', [join(REPO_ROOT, 'scripts', 'n8n-install.sh')], {
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
		timeout: 30 * 60_000,
	});
	const lines = stdout.trim().split('\n');
	cachedDir = lines[lines.length - 1].trim();
	return cachedDir;
}

/** The installed n8n's version (`PAYWIRE_N8N_VERSION` picks it; 2.40.7 by default). */
export function n8nVersion(): string {
	const manifest = join(n8nInstallDir(), 'node_modules', 'n8n', 'package.json');
	return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** n8n 1.x (the 1.123 line) differs from 2.x in how a workflow is published (see N8nRest). */
export function isN8nV1(): boolean {
	return n8nVersion().startsWith('1.');
}

export function n8nBin(): string {
	return join(n8nInstallDir(), 'node_modules', 'n8n', 'bin', 'n8n');
}

/** Loads a module from n8n's own dependency tree (e.g. `flatted`, `sqlite3`), never from ours. */
export function requireFromN8n<T>(id: string): T {
	const require = createRequire(join(n8nInstallDir(), 'node_modules', 'n8n', 'package.json'));
	return require(id) as T;
}
