/**
 * The driver behind `npm start` (scripts/start.sh builds and packs first): installs the tarball
 * into .n8n-local, creates the Paywire credential, imports the examples once (inactive), starts
 * n8n (and the emulator when no STRIPE_SECRET_KEY is set) and stops both on Ctrl-C / SIGTERM.
 */
import {
	copyFileSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmulator, type RunningEmulator } from './emulator';
import { importCredentialsFile, importWorkflowDirectory } from './n8nCli';
import { REPO_ROOT } from './n8nCache';
import { N8nProcess } from './n8nProcess';
import {
	CREDENTIAL_TYPE,
	EXAMPLE_CREDENTIAL,
	emulatorCredentialData,
	stripeTestCredentialData,
} from './paywire';
import { installTarball } from './tarball';

const say = (message: string) => console.log(`paywire: ${message}`);
// PAYWIRE_LOCAL_DIR moves the data folder (the e2e test of npm start uses a temporary one).
const userFolder = process.env.PAYWIRE_LOCAL_DIR ?? join(REPO_ROOT, '.n8n-local');
const examplesDir = join(REPO_ROOT, 'docs', 'examples');
const importedMarker = join(userFolder, 'examples-imported.json');

async function writeCredential(emulator: RunningEmulator | undefined): Promise<string> {
	const secretKey = process.env.STRIPE_SECRET_KEY?.trim();
	const data = secretKey ? stripeTestCredentialData(secretKey) : emulatorCredentialData(emulator!.url);
	const file = join(userFolder, 'credential-import.json');
	writeFileSync(file, JSON.stringify([{ ...EXAMPLE_CREDENTIAL, type: CREDENTIAL_TYPE, data }]), {
		mode: 0o600,
	});
	try {
		await importCredentialsFile(userFolder, file);
	} finally {
		rmSync(file, { force: true });
	}
	return secretKey ? 'Stripe test mode (STRIPE_SECRET_KEY)' : `the local emulator at ${emulator!.url}`;
}

/** Imports each example once: later runs keep the user's edits. */
async function importExamples(): Promise<string[]> {
	const done: string[] = existsSync(importedMarker)
		? (JSON.parse(readFileSync(importedMarker, 'utf8')) as string[])
		: [];
	const files = existsSync(examplesDir)
		? readdirSync(examplesDir).filter((name) => name.endsWith('.json')).sort()
		: [];
	const imported = files.filter((file) => !done.includes(file));
	if (imported.length > 0) {
		// One CLI run for all new examples (each n8n CLI start costs seconds).
		const staging = mkdtempSync(join(tmpdir(), 'paywire-examples-'));
		for (const name of imported) copyFileSync(join(examplesDir, name), join(staging, name));
		try {
			await importWorkflowDirectory(userFolder, staging);
		} finally {
			rmSync(staging, { recursive: true, force: true });
		}
	}
	writeFileSync(importedMarker, JSON.stringify([...done, ...imported], null, 2));
	return imported;
}

async function main(): Promise<void> {
	const tarball = process.env.PAYWIRE_TARBALL;
	if (!tarball) throw new Error('PAYWIRE_TARBALL is not set: run `npm start`, not this file');
	const port = Number(process.env.PAYWIRE_N8N_PORT ?? 5678);
	say(`installing ${tarball} into ${userFolder}/.n8n/nodes`);
	await installTarball(userFolder, tarball);

	let emulator: RunningEmulator | undefined;
	const n8n = new N8nProcess({ userFolder, port });
	let stopping = false;
	const stopAll = async (reason: string) => {
		if (stopping) return;
		stopping = true;
		say(`${reason}: stopping n8n${emulator ? ' and the emulator' : ''}`);
		await n8n.stop();
		await emulator?.close();
		say('stopped');
		process.exit(0);
	};
	process.on('SIGINT', () => void stopAll('SIGINT'));
	process.on('SIGTERM', () => void stopAll('SIGTERM'));

	if (!process.env.STRIPE_SECRET_KEY) {
		emulator = await startEmulator(Number(process.env.PAYWIRE_EMULATOR_PORT ?? 12111));
		say(`Stripe emulator on ${emulator.url} (no STRIPE_SECRET_KEY set)`);
	}
	const target = await writeCredential(emulator);
	say(`credential "${EXAMPLE_CREDENTIAL.name}" → ${target}`);
	const imported = await importExamples();
	say(imported.length ? `imported examples (inactive): ${imported.join(', ')}` : 'examples already imported');

	say(`starting n8n (log: ${n8n.logFile})`);
	await n8n.start();
	say('');
	say(`n8n is ready: open http://localhost:${port}`);
	say('first visit: create the owner account; the examples are under Overview, inactive.');
	say('Ctrl-C stops n8n and everything npm start started.');
	if (process.env.PAYWIRE_START_EXIT_AFTER_READY === '1') await stopAll('PAYWIRE_START_EXIT_AFTER_READY');
	// Stay alive while n8n runs; the signal handlers above do the stopping.
	setInterval(() => undefined, 60_000);
}

main().catch(async (error: unknown) => {
	console.error(`paywire: npm start failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
