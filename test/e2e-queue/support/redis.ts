import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

import { freePort } from '../../../scripts/lib/ports';
import { pollUntil } from '../../../scripts/lib/wait';
import { SystemServer } from './systemServer';

/** One inline PING over TCP; resolves with Redis's answer line. */
async function ping(port: number): Promise<string> {
	return await new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
		socket.setTimeout(2000, () => socket.destroy(new Error('no answer')));
		socket.once('data', (data) => {
			socket.end();
			resolve(data.toString('utf8').trim());
		});
		socket.once('error', reject);
	});
}

/**
 * A throwaway redis-server (Debian's package) on 127.0.0.1 and a free port, its own folder, no
 * persistence: n8n's Bull queue and Paywire's shared duplicate store.
 */
export class ThrowawayRedis {
	port = 0;
	private server: SystemServer | undefined;

	constructor(private readonly folder: string) {}

	async start(): Promise<void> {
		mkdirSync(this.folder, { recursive: true });
		this.port = await freePort();
		this.server = new SystemServer(
			'redis',
			[
				'redis-server',
				'--bind',
				'127.0.0.1',
				'--port',
				String(this.port),
				'--dir',
				this.folder,
				'--save',
				'',
				'--appendonly',
				'no',
				'--daemonize',
				'no',
			],
			join(this.folder, 'redis.log'),
		);
		this.server.start();
		await pollUntil(
			async () => {
				if (!this.server?.running) throw new Error(`redis exited; see ${this.folder}/redis.log`);
				return (await ping(this.port)) === '+PONG' ? true : undefined;
			},
			{ timeoutMs: 30_000, intervalMs: 200, description: 'Redis to answer PING' },
		);
	}

	get url(): string {
		return `redis://127.0.0.1:${this.port}`;
	}

	async stop(): Promise<void> {
		await this.server?.stop();
	}
}
