import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

import { freePort } from '../../../scripts/lib/ports';
import { pollUntil } from '../../../scripts/lib/wait';
import { SystemServer } from './systemServer';

export const DATABASE = 'n8n';
const SUPERUSER = 'postgres';

/** The newest Postgres installed from Debian's packages (/usr/lib/postgresql/<major>/bin). */
function postgresBin(): string {
	const majors = readdirSync('/usr/lib/postgresql')
		.map(Number)
		.filter((major) => Number.isInteger(major))
		.sort((a, b) => b - a);
	if (majors.length === 0) throw new Error('Postgres is not installed: run scripts/system-deps.sh');
	return join('/usr/lib/postgresql', String(majors[0]), 'bin');
}

/**
 * Postgres refuses to run as root: as root, the cluster belongs to Debian's `postgres` system
 * user and every command runs through `runuser`.
 */
function asClusterOwner(argv: string[]): string[] {
	return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...argv] : argv;
}

/**
 * A throwaway Postgres cluster on 127.0.0.1 and a free port: trust authentication on loopback
 * only, no fsync (test data), the socket in its own folder. Holds n8n's database. The folder is
 * a temp folder of its own (the `postgres` user cannot enter the harness's 0700 run folders) and
 * is removed on stop.
 */
export class ThrowawayPostgres {
	port = 0;
	readonly folder = mkdtempSync(join(tmpdir(), 'paywire-postgres-'));
	private server: SystemServer | undefined;

	async start(): Promise<void> {
		const bin = postgresBin();
		const data = join(this.folder, 'data');
		mkdirSync(data, { recursive: true });
		if (process.getuid?.() === 0) {
			const owner = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
			const group = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
			chownSync(this.folder, Number(owner), Number(group));
			chownSync(data, Number(owner), Number(group));
		}
		const [command, ...args] = asClusterOwner([
			join(bin, 'initdb'),
			'-D',
			data,
			'-U',
			SUPERUSER,
			'-A',
			'trust',
			'-E',
			'UTF8',
			'--no-sync',
		]);
		execFileSync(command, args, { stdio: 'ignore', timeout: 120_000 });
		this.port = await freePort();
		this.server = new SystemServer(
			'postgres',
			asClusterOwner([
				join(bin, 'postgres'),
				'-D',
				data,
				'-h',
				'127.0.0.1',
				'-p',
				String(this.port),
				'-k',
				this.folder,
				'-c',
				'fsync=off',
				'-c',
				'synchronous_commit=off',
				'-c',
				'full_page_writes=off',
				'-c',
				'max_connections=200',
			]),
			join(this.folder, 'postgres.log'),
		);
		this.server.start();
		await pollUntil(
			async () => {
				if (!this.server?.running)
					throw new Error(`postgres exited; see ${this.folder}/postgres.log`);
				await this.query('postgres', 'SELECT 1');
				return true;
			},
			{ timeoutMs: 60_000, intervalMs: 250, description: 'Postgres to accept connections' },
		);
		await this.query('postgres', `CREATE DATABASE ${DATABASE}`);
	}

	/** What n8n needs to use this database (DB_TYPE=postgresdb). */
	n8nEnv(): Record<string, string> {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: DATABASE,
			DB_POSTGRESDB_USER: SUPERUSER,
			DB_POSTGRESDB_PASSWORD: '',
		};
	}

	async query<T = Record<string, unknown>>(
		database: string,
		sql: string,
		params: unknown[] = [],
	): Promise<T[]> {
		const client = new Client({ host: '127.0.0.1', port: this.port, user: SUPERUSER, database });
		await client.connect();
		try {
			return (await client.query(sql, params)).rows as T[];
		} finally {
			await client.end();
		}
	}

	async stop(): Promise<void> {
		await this.server?.stop();
		rmSync(this.folder, { recursive: true, force: true });
	}
}
