import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../../../scripts/lib/n8nCache';
import { trackProcessGroup } from '../../../scripts/lib/n8nProcess';
import { delay } from '../../../scripts/lib/wait';

/** Installs the Debian packages (postgresql, redis-server) when missing: scripts/system-deps.sh. */
export function ensureSystemPackages(): void {
	execFileSync('bash', [join(REPO_ROOT, 'scripts', 'system-deps.sh')], {
		stdio: ['ignore', 'inherit', 'inherit'],
		timeout: 10 * 60_000,
	});
}

/**
 * A throwaway server (Postgres, Redis) in its own process group, logging to a file; stopped by
 * its process id, and killed with the harness if the test process dies.
 */
export class SystemServer {
	private child: ChildProcess | undefined;
	private exited = true;

	constructor(
		readonly name: string,
		private readonly argv: string[],
		readonly logFile: string,
	) {}

	start(): void {
		const logFd = openSync(this.logFile, 'a');
		const child = spawn(this.argv[0], this.argv.slice(1), {
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
	}

	get running(): boolean {
		return !this.exited;
	}

	/** SIGTERM (both servers shut down cleanly on it), SIGKILL after 15 s. */
	async stop(): Promise<void> {
		const pid = this.child?.pid;
		if (!pid || this.exited) return;
		signalGroup(pid, 'SIGTERM');
		for (let i = 0; i < 60 && !this.exited; i++) await delay(250);
		signalGroup(pid, 'SIGKILL');
		for (let i = 0; i < 20 && !this.exited; i++) await delay(250);
	}
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}
