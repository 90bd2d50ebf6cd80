import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { importCredentialsFile, importWorkflowDirectory } from '../../../scripts/lib/n8nCli';
import { CREDENTIAL_TYPE, EXAMPLE_CREDENTIAL, emulatorCredentialData } from '../../../scripts/lib/paywire';

/**
 * What `npm start` does before n8n starts (run it with n8n stopped): the Paywire credential the
 * examples name, pointing at the emulator, then `n8n import:workflow --separate` of a folder.
 * Returns the import's output.
 */
export async function importExamples(userFolder: string, emulatorUrl: string, folder: string): Promise<string> {
	const file = join(userFolder, 'example-credential.json');
	const data = emulatorCredentialData(emulatorUrl);
	writeFileSync(file, JSON.stringify([{ ...EXAMPLE_CREDENTIAL, type: CREDENTIAL_TYPE, data }]));
	await importCredentialsFile(userFolder, file);
	return await importWorkflowDirectory(userFolder, folder);
}
