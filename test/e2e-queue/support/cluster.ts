import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmulator, type RunningEmulator } from '../../../scripts/lib/emulator';
import { N8nProcess } from '../../../scripts/lib/n8nProcess';
import { N8nRest } from '../../../scripts/lib/n8nRest';
import { CREDENTIAL_TYPE, emulatorCredentialData } from '../../../scripts/lib/paywire';
import { freePort } from '../../../scripts/lib/ports';
import { installTarball } from '../../../scripts/lib/tarball';
import { tarballUnderTest } from '../../e2e/support/tarball';
import { DATABASE, ThrowawayPostgres } from './postgres';
import { ThrowawayRedis } from './redis';
import { ensureSystemPackages } from './systemServer';

export interface QueueClusterOptions {
	workers?: number;
	webhookProcessors?: number;
	/** Extra environment for every n8n process (benchmarks: expression engine settings). */
	n8nEnv?: Record<string, string>;
}

/**
 * n8n 2.40.7 in queue mode, as a self-hoster runs it, on loopback: a throwaway Postgres and
 * Redis, a main process that serves the editor and REST API but no production webhooks, workers
 * that run executions, and webhook processors that receive them. Every n8n process has its own
 * user folder with the packed tarball installed and shares one encryption key.
 */
export class QueueCluster {
	readonly postgres: ThrowawayPostgres;
	readonly redis: ThrowawayRedis;
	main!: N8nProcess;
	workers: N8nProcess[] = [];
	webhookProcessors: N8nProcess[] = [];
	rest!: N8nRest;
	emulator!: RunningEmulator;
	credential!: { id: string; name: string };
	private readonly encryptionKey = randomBytes(24).toString('hex');

	constructor(
		readonly folder: string,
		private readonly options: QueueClusterOptions = {},
	) {
		this.postgres = new ThrowawayPostgres();
		this.redis = new ThrowawayRedis(join(folder, 'redis'));
	}

	/** Production webhook base URL of webhook processor `index`. */
	webhookBase(index: number): string {
		return `${this.webhookProcessors[index].baseUrl}/webhook`;
	}

	async start(): Promise<void> {
		ensureSystemPackages();
		mkdirSync(this.folder, { recursive: true });
		const template = join(this.folder, 'installed');
		await Promise.all([
			this.postgres.start(),
			this.redis.start(),
			installTarball(template, await tarballUnderTest()),
		]);
		this.emulator = await startEmulator(0);
		const webhookPorts = await Promise.all(
			Array.from({ length: this.options.webhookProcessors ?? 2 }, freePort),
		);
		const shared = {
			...this.postgres.n8nEnv(),
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redis.port),
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			// The URL Stripe is given (the endpoint's); tests address each processor directly.
			WEBHOOK_URL: `http://127.0.0.1:${webhookPorts[0]}/`,
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			...this.options.n8nEnv,
		};
		const process = (
			name: string,
			command: 'start' | 'worker' | 'webhook',
			extra = {},
			port?: number,
		) => {
			const userFolder = join(this.folder, name);
			cpSync(join(template, '.n8n'), join(userFolder, '.n8n'), { recursive: true });
			return new N8nProcess({ userFolder, command, port, extraEnv: { ...shared, ...extra } });
		};
		// Main first: it runs the database migrations the others wait for.
		this.main = process('main', 'start', { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' });
		await this.main.start();
		this.workers = Array.from({ length: this.options.workers ?? 2 }, (_, index) =>
			process(`worker-${index + 1}`, 'worker'),
		);
		this.webhookProcessors = webhookPorts.map((port, index) =>
			process(`webhook-${index + 1}`, 'webhook', {}, port),
		);
		await Promise.all(
			[...this.workers, ...this.webhookProcessors].map(async (n8n) => await n8n.start()),
		);
		this.rest = new N8nRest(this.main.baseUrl);
		await this.rest.signIn();
		const credential = await this.rest.createCredential('Paywire emulator', CREDENTIAL_TYPE, {
			...emulatorCredentialData(this.emulator.url),
		});
		this.credential = { id: credential.id, name: credential.name };
	}

	/** Executions of a workflow in Postgres, by status. */
	/**
	 * Executions of a workflow by state. `orphaned`: rows n8n recorded but never started, older than a
	 * minute — what a webhook processor killed between recording an execution and enqueueing it
	 * leaves behind (status `new` for good; Stripe got no 2xx, so its re-send runs the event).
	 */
	async executionCounts(
		workflowId: string,
	): Promise<{ total: number; finished: number; orphaned: number }> {
		const [row] = await this.postgres.query<{ total: string; finished: string; orphaned: string }>(
			DATABASE,
			`SELECT count(*) AS total,
				count(*) FILTER (WHERE status IN ('success', 'error', 'crashed', 'canceled')) AS finished,
				count(*) FILTER (WHERE status = 'new' AND "startedAt" IS NULL
					AND "createdAt" < now() - interval '60 seconds') AS orphaned
			FROM execution_entity WHERE "workflowId" = $1`,
			[workflowId],
		);
		return {
			total: Number(row.total),
			finished: Number(row.finished),
			orphaned: Number(row.orphaned),
		};
	}

	async stop(): Promise<void> {
		const n8n = [this.main, ...this.workers, ...this.webhookProcessors].filter(Boolean);
		await Promise.all(n8n.map(async (process) => await process.stop()));
		await this.emulator?.close();
		await Promise.all([this.postgres.stop(), this.redis.stop()]);
	}
}

/** The cluster's folder: under scripts/e2e.sh's run folder, or a temp folder of its own. */
export function clusterFolder(name: string): { folder: string; owned: boolean } {
	const runDir = process.env.PAYWIRE_E2E_RUN_DIR;
	if (runDir) return { folder: join(runDir, name), owned: false };
	return { folder: mkdtempSync(join(tmpdir(), `paywire-queue-${name}-`)), owned: true };
}

export function removeFolder(folder: string): void {
	if (process.env.PAYWIRE_E2E_KEEP !== '1') rmSync(folder, { recursive: true, force: true });
}
