import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { REPO_ROOT } from '../../scripts/lib/n8nCache';
import { N8nRest } from '../../scripts/lib/n8nRest';
import { CREDENTIAL_TYPE, EXAMPLE_CREDENTIAL } from '../../scripts/lib/paywire';
import { freePort } from '../../scripts/lib/ports';
import { pollUntil } from '../../scripts/lib/wait';

describe('npm start', () => {
	let child: ChildProcess;
	let output = '';
	let port = 0;
	let exited: Promise<number | null>;

	before(async () => {
		port = await freePort();
		const dataDir = mkdtempSync(join(process.env.PAYWIRE_E2E_RUN_DIR ?? tmpdir(), 'npm-start-'));
		child = spawn('bash', ['scripts/start.sh'], {
			cwd: REPO_ROOT,
			env: {
				...process.env,
				PAYWIRE_LOCAL_DIR: dataDir,
				PAYWIRE_N8N_PORT: String(port),
				PAYWIRE_EMULATOR_PORT: String(await freePort()),
				STRIPE_SECRET_KEY: '',
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
		await pollUntil(async () => (output.includes('n8n is ready') ? true : undefined), {
			timeoutMs: 15 * 60_000,
			intervalMs: 500,
			description: `npm start to print the editor URL; output so far:\n${output.slice(-2000)}`,
		});
	});
	after(() => {
		if (child.exitCode === null) child.kill('SIGKILL');
	});

	it('prints the editor URL and shows progress while it works', () => {
		assert.match(output, new RegExp(`open http://localhost:${port}`));
		for (const step of ['[1/5]', '[3/5]', '[4/5]', '[5/5]']) assert.ok(output.includes(step), step);
		assert.match(output, /Stripe emulator on http:\/\/127\.0\.0\.1:\d+/);
	});

	it('serves n8n with the examples imported, inactive, and the Paywire credential', async () => {
		const rest = new N8nRest(`http://127.0.0.1:${port}`);
		await rest.signIn();
		const workflows = await rest.request<Array<{ id: string; active: boolean }>>('GET', '/rest/workflows');
		const exampleIds = readdirSync(join(REPO_ROOT, 'docs', 'examples'))
			.filter((name) => name.endsWith('.json')).length;
		assert.equal(workflows.length, exampleIds);
		assert.ok(workflows.every((workflow) => workflow.active === false), 'all inactive');
		const credentials = await rest.request<Array<{ id: string; name: string; type: string }>>(
			'GET',
			'/rest/credentials',
		);
		const paywire = credentials.find((credential) => credential.id === EXAMPLE_CREDENTIAL.id);
		assert.equal(paywire?.name, EXAMPLE_CREDENTIAL.name);
		assert.equal(paywire?.type, CREDENTIAL_TYPE);
	});

	it('SIGTERM stops n8n and the emulator it started', async () => {
		child.kill('SIGTERM');
		const code = await Promise.race([
			exited,
			new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 60_000)),
		]);
		assert.equal(code, 0);
		assert.match(output, /stopped/);
		await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz/readiness`), 'n8n no longer answers');
	});
});
