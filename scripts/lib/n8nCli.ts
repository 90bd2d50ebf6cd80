import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { n8nBin } from './n8nCache';
import { n8nEnv } from './n8nProcess';

const run = promisify(execFile);

/** Runs one n8n CLI command against a user folder (n8n itself should be stopped for writes). */
export async function n8nCli(userFolder: string, args: string[]): Promise<string> {
	const { stdout, stderr } = await run(process.execPath, [n8nBin(), ...args], {
		env: n8nEnv(userFolder),
		timeout: 120_000,
		maxBuffer: 16 * 1024 * 1024,
	});
	return `${stdout}\n${stderr}`;
}

/** `n8n import:workflow --input=<file>`: a JSON array (or one workflow), fixed ids kept. */
export async function importWorkflowFile(userFolder: string, file: string): Promise<string> {
	const output = await n8nCli(userFolder, ['import:workflow', `--input=${file}`]);
	if (!/Successfully imported/i.test(output)) {
		throw new Error(`import:workflow ${file} failed:\n${output.slice(-2000)}`);
	}
	return output;
}

/** `n8n import:workflow --separate`: every *.json in a folder, one workflow per file. */
export async function importWorkflowDirectory(userFolder: string, folder: string): Promise<string> {
	const output = await n8nCli(userFolder, ['import:workflow', '--separate', `--input=${folder}`]);
	if (!/Successfully imported/i.test(output)) {
		throw new Error(`import:workflow --separate ${folder} failed:\n${output.slice(-2000)}`);
	}
	return output;
}

/** `n8n import:credentials`: plain `data` objects are encrypted by n8n on the way in. */
export async function importCredentialsFile(userFolder: string, file: string): Promise<string> {
	const output = await n8nCli(userFolder, ['import:credentials', `--input=${file}`]);
	if (!/Successfully imported/i.test(output)) {
		throw new Error(`import:credentials ${file} failed:\n${output.slice(-2000)}`);
	}
	return output;
}

export async function publishWorkflow(userFolder: string, id: string): Promise<string> {
	return await n8nCli(userFolder, ['publish:workflow', `--id=${id}`]);
}
