import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmulator, type RunningEmulator } from '../../../scripts/lib/emulator';
import { N8nProcess } from '../../../scripts/lib/n8nProcess';
import { N8nRest } from '../../../scripts/lib/n8nRest';
import { CREDENTIAL_TYPE, emulatorCredentialData } from '../../../scripts/lib/paywire';
import { installTarball } from '../../../scripts/lib/tarball';
import { tarballUnderTest } from './tarball';

export interface E2eSuite {
	name: string;
	userFolder: string;
	n8n: N8nProcess;
	rest: N8nRest;
	emulator: RunningEmulator;
	/** A Paywire credential pointing at the emulator. */
	credential: { id: string; name: string };
	stop(): Promise<void>;
}

function suiteFolder(name: string): string {
	const runDir = process.env.PAYWIRE_E2E_RUN_DIR;
	if (!runDir) return mkdtempSync(join(tmpdir(), `paywire-e2e-${name}-`));
	const folder = join(runDir, name);
	mkdirSync(folder, { recursive: true });
	return folder;
}

/**
 * One real n8n for one test file: the packed tarball installed as a community package into a
 * fresh user folder, an owner signed in over REST, the emulator on loopback and a credential.
 */
export async function startSuite(
	name: string,
	options: {
		/** Runs with n8n stopped, before its first start (CLI imports). */
		beforeStart?: (userFolder: string, emulator: RunningEmulator) => Promise<void>;
		/** Extra environment for n8n (e.g. N8N_EXPRESSION_ENGINE in the benchmark). */
		n8nEnv?: Record<string, string>;
	} = {},
): Promise<E2eSuite> {
	const userFolder = suiteFolder(name);
	await installTarball(userFolder, await tarballUnderTest());
	const emulator = await startEmulator(0);
	const n8n = new N8nProcess({ userFolder, extraEnv: options.n8nEnv });
	try {
		await options.beforeStart?.(userFolder, emulator);
		await n8n.start();
		const rest = new N8nRest(n8n.baseUrl);
		await rest.signIn();
		const credential = await rest.createCredential(
			'Paywire emulator',
			CREDENTIAL_TYPE,
			{ ...emulatorCredentialData(emulator.url) },
		);
		return {
			name,
			userFolder,
			n8n,
			rest,
			emulator,
			credential: { id: credential.id, name: credential.name },
			stop: async () => {
				await n8n.stop();
				await emulator.close();
				// Outside scripts/e2e.sh (bench, screenshots, one file run by hand) the folder is ours.
				if (!process.env.PAYWIRE_E2E_RUN_DIR && process.env.PAYWIRE_E2E_KEEP !== '1') {
					rmSync(userFolder, { recursive: true, force: true });
				}
			},
		};
	} catch (error) {
		await n8n.stop();
		await emulator.close();
		throw error;
	}
}
