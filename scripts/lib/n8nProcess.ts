import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { n8nBin } from './n8nCache';
import { freePort } from './ports';
import { delay, pollUntil } from './wait';

export interface N8nProcessOptions {
	userFolder: string;
	/**
	 * `start` (default), or a queue-mode role: `worker` (ready on its health server, which takes
	 * the port) or `webhook` (a webhook processor).
	 */
	command?: 'start' | 'worker' | 'webhook';
	/** Fixed port (npm start); a free one is chosen when omitted. */
	port?: number;
	extraEnv?: Record<string, string>;
	readyTimeoutMs?: number;
}

/** Environment for every n8n process and CLI command the harness runs. */
export function n8nEnv(userFolder: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		DB_SQLITE_POOL_SIZE: '2',
		N8N_HIRING_BANNER_ENABLED: 'false',
		...extra,
	};
}

/** Process groups started here; killed if this process exits without stopping them. */
const runningGroups = new Set<number>();

/**
 * Tracks a detached process group started by the harness (n8n, and the queue-mode Postgres and
 * Redis): killed when this process exits, and killed by scripts/e2e.sh if this process dies.
 */
export function trackProcessGroup(pid: number, running: boolean): void {
	if (running) runningGroups.add(pid);
	else runningGroups.delete(pid);
	recordGroup(pid, running);
}

/** scripts/e2e.sh kills the groups listed here if a test process dies without stopping them. */
function recordGroup(pid: number, running: boolean): void {
	const dir = process.env.PAYWIRE_E2E_RUN_DIR;
	if (!dir) return;
	const file = join(dir, 'pids', String(pid));
	if (running) {
		mkdirSync(join(dir, 'pids'), { recursive: true });
		writeFileSync(file, '');
	} else {
		rmSync(file, { force: true });
	}
}
process.on('exit', () => {
	for (const pid of runningGroups) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
});

/** One `n8n start` (or `n8n worker` / `n8n webhook`) in its own process group, logging to <userFolder>/n8n.log. */
export class N8nProcess {
	port = 0;
	readonly logFile: string;
	private child: ChildProcess | undefined;
	private exited = true;

	constructor(private readonly options: N8nProcessOptions) {
		this.logFile = join(options.userFolder, 'n8n.log');
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	get pid(): number | undefined {
		return this.child?.pid;
	}

	async start(): Promise<void> {
		if (!this.exited) throw new Error('n8n is already running');
		mkdirSync(this.options.userFolder, { recursive: true });
		// A restart keeps the port, so webhook URLs registered with the emulator stay valid.
		if (!this.port) this.port = this.options.port ?? (await freePort());
		const brokerPort = await freePort();
		appendFileSync(this.logFile, `\n---- paywire: n8n start on port ${this.port} at ${new Date().toISOString()}\n`);
		// Output goes straight to the file: n8n must not depend on a pipe to this process.
		const logFd = openSync(this.logFile, 'a');
		const command = this.options.command ?? 'start';
		const workerServer: Record<string, string> =
			command === 'worker'
				? {
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(this.port),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					}
				: {};
		const env = n8nEnv(this.options.userFolder, {
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			...workerServer,
			...this.options.extraEnv,
		});
		const child = spawn(process.execPath, [n8nBin(), command], {
			env,
			detached: true,
			stdio: ['ignore', logFd, logFd],
		});
		closeSync(logFd);
		this.child = child;
		this.exited = false;
		const pid = child.pid;
		if (pid) trackProcessGroup(pid, true);
		child.on('exit', () => {
			this.exited = true;
			if (pid) trackProcessGroup(pid, false);
		});
		await this.waitReady(this.options.readyTimeoutMs ?? 180_000);
	}

	private async waitReady(timeoutMs: number): Promise<void> {
		await pollUntil(
			async () => {
				if (this.exited) throw new Error(`n8n exited during start-up; see ${this.logFile}`);
				const response = await fetch(`${this.baseUrl}/healthz/readiness`);
				if (response.status !== 200) return undefined;
				// Workers and webhook processors serve no REST API: readiness is all they report.
				if ((this.options.command ?? 'start') !== 'start') return true;
				// n8n 1.123 reports ready a few seconds before its REST routes exist (404 until then).
				const rest = await fetch(`${this.baseUrl}/rest/settings`);
				return rest.status === 200 ? true : undefined;
			},
			{ timeoutMs, intervalMs: 300, description: `n8n readiness on ${this.baseUrl}` },
		).catch((error: Error) => {
			if (this.exited) throw new Error(`n8n exited during start-up; see ${this.logFile}`);
			throw error;
		});
	}

	/** SIGTERM to the whole process group (n8n and its task runner), SIGKILL after 20 s. */
	async stop(): Promise<void> {
		const child = this.child;
		if (!child?.pid || this.exited) return;
		this.signalGroup(child.pid, 'SIGTERM');
		for (let i = 0; i < 80 && !this.exited; i++) await delay(250);
		if (!this.exited) this.signalGroup(child.pid, 'SIGKILL');
		for (let i = 0; i < 40 && !this.exited; i++) await delay(250);
		// The runner shares the group: make sure nothing of it outlives n8n.
		this.signalGroup(child.pid, 'SIGKILL');
	}

	/** `kill -9` of the whole group (a crash: nothing is flushed), then waits for the exit. */
	async kill(): Promise<void> {
		const pid = this.child?.pid;
		if (!pid || this.exited) return;
		this.signalGroup(pid, 'SIGKILL');
		for (let i = 0; i < 80 && !this.exited; i++) await delay(250);
	}

	async restart(): Promise<void> {
		await this.stop();
		await this.start();
	}

	readLog(): string {
		return readFileSync(this.logFile, 'utf8');
	}

	private signalGroup(pid: number, signal: NodeJS.Signals): void {
		try {
			process.kill(-pid, signal);
		} catch {
			// the group is already gone
		}
	}
}
