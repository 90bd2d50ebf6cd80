import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

import Redis from 'ioredis';

import { freePort } from '../../scripts/lib/ports';
import { pollUntil } from '../../scripts/lib/wait';

/**
 * A throwaway redis-server (Debian's package) on 127.0.0.1 and a free port, in memory only, for
 * tests of the shared duplicate store. No redis-server → a clear failure, never a skip.
 */
export class TestRedisServer {
	port = 0;
	private child: ChildProcess | undefined;

	async start(): Promise<void> {
		if (spawnSync('redis-server', ['--version']).error) {
			throw new Error(
				'redis-server is not installed: run `bash scripts/system-deps.sh` (apt-get install ' +
					'redis-server); npm test does this itself.',
			);
		}
		this.port = await freePort();
		const args = ['--bind', '127.0.0.1', '--port', String(this.port), '--save', ''];
		this.child = spawn('redis-server', [...args, '--appendonly', 'no'], { stdio: 'ignore' });
		const probe = new Redis({ port: this.port, lazyConnect: true, maxRetriesPerRequest: 0 });
		probe.on('error', () => undefined);
		try {
			await pollUntil(
				async () => ((await probe.ping().catch(() => '')) === 'PONG' ? true : undefined),
				{
					timeoutMs: 10_000,
					intervalMs: 100,
					description: `redis-server on port ${this.port}`,
				},
			);
		} finally {
			probe.disconnect();
		}
	}

	/** A client of this server (the caller quits it). */
	client(): Redis {
		return new Redis({ port: this.port, host: '127.0.0.1' });
	}

	async stop(): Promise<void> {
		const child = this.child;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		await exited;
	}
}
