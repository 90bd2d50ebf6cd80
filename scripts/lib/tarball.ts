import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { REPO_ROOT } from './n8nCache';

const run = promisify(execFile);

/** `npm pack` of the project (its prepack builds dist/) into a temp folder; returns the .tgz path. */
export async function packProject(destination = mkdtempSync(join(tmpdir(), 'paywire-pack-'))) {
	await run('npm', ['pack', '--silent', '--pack-destination', destination], {
		cwd: REPO_ROOT,
		timeout: 10 * 60_000,
		maxBuffer: 16 * 1024 * 1024,
	});
	const tarball = readdirSync(destination).find((name) => name.endsWith('.tgz'));
	if (!tarball) throw new Error(`npm pack produced no tarball in ${destination}`);
	return join(destination, tarball);
}

/**
 * Installs a packed tarball into <userFolder>/.n8n/nodes the way n8n's own community-package
 * installer does: runtime dependencies only, peers (n8n-workflow) left to n8n, no install
 * scripts. n8n scans .n8n/nodes/node_modules at start-up and registers the package under its
 * npm name.
 */
export async function installTarball(userFolder: string, tarball: string): Promise<void> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	const manifest = join(nodesDir, 'package.json');
	if (!existsSync(manifest)) {
		writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }));
	}
	await run(
		'npm',
		[
			'install',
			'--no-audit',
			'--no-fund',
			'--legacy-peer-deps',
			'--ignore-scripts',
			'--bin-links=false',
			'--loglevel=error',
			resolve(tarball),
		],
		{ cwd: nodesDir, timeout: 5 * 60_000, maxBuffer: 16 * 1024 * 1024 },
	);
}
