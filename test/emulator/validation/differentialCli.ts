/**
 * The differential check for clients in another process (the Zapier app, whose runtime patches
 * this process's http): starts the emulator behind a recording proxy, prints
 * `DIFFERENTIAL_PROXY_URL=…`, and when a line `check` arrives on stdin sends every recorded
 * request again with one field broken at a time, prints `DIFFERENTIAL_RESULT={json}` and exits.
 *   node --import tsx test/emulator/validation/differentialCli.ts
 */
import { createInterface } from 'node:readline';

import { startStripeEmulator } from '../index';
import { checkBreakages } from './differential';
import { startRecordingProxy } from './recordingProxy';

async function main(): Promise<void> {
	const emulator = await startStripeEmulator({ rateLimitPerSecond: 0 });
	const proxy = await startRecordingProxy(emulator.url);
	process.stdout.write(`DIFFERENTIAL_PROXY_URL=${proxy.url}\n`);
	process.stdout.write(`DIFFERENTIAL_EMULATOR_URL=${emulator.url}\n`);
	for await (const line of createInterface({ input: process.stdin })) {
		if (line.trim() !== 'check') continue;
		let sent = 0;
		const wrong: string[] = [];
		const failed = proxy.requests
			.filter((request) => request.status >= 500)
			.map((request) => `${request.method} ${request.path}: ${request.status}`);
		for (const request of proxy.requests) {
			const result = await checkBreakages(emulator.url, request);
			sent += result.sent;
			wrong.push(...result.wrong);
		}
		const paths = proxy.requests.map(
			(request) => `${request.method} ${request.path.split('?')[0]}`,
		);
		process.stdout.write(
			`DIFFERENTIAL_RESULT=${JSON.stringify({ requests: paths, sent, wrong, failed })}\n`,
		);
		break;
	}
	await proxy.stop();
	await emulator.stop();
}

void main();
