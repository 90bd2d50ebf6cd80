import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { test } from 'node:test';

test('the CLI prints its URL, serves the API to another process and stops on SIGTERM', async () => {
	const child = spawn(
		process.execPath,
		[
			'--import',
			'tsx',
			join(__dirname, 'cli.ts'),
			'--port',
			'0',
			'--rate-limit',
			'2',
			'--rate-limit-window-ms',
			'60000',
		],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	try {
		const url = await new Promise<string>((resolve, reject) => {
			let output = '';
			child.stdout.on('data', (chunk: Buffer) => {
				output += chunk.toString();
				const match = /STRIPE_EMULATOR_URL=(\S+)/.exec(output);
				if (match) resolve(match[1]);
			});
			child.once('exit', (code) => reject(new Error(`cli exited with ${code}`)));
		});
		assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
		const statuses: number[] = [];
		for (let i = 0; i < 3; i++) {
			const response = await fetch(`${url}/v1/customers`, {
				headers: { Authorization: 'Bearer sk_test_123' },
			});
			statuses.push(response.status);
			await response.text();
		}
		assert.deepEqual(statuses, [200, 200, 429]);
		const state = (await (await fetch(`${url}/_emulator/state`)).json()) as { requests: number };
		assert.equal(state.requests, 3);
	} finally {
		child.kill('SIGTERM');
		if (child.exitCode === null) await once(child, 'exit');
	}
	assert.equal(child.exitCode, 0);
});
