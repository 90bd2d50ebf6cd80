import { join } from 'node:path';

import { requireFromN8n } from '../../../scripts/lib/n8nCache';

interface Sqlite3 {
	OPEN_READONLY: number;
	Database: new (
		file: string,
		mode: number,
		callback: (error: Error | null) => void,
	) => {
		all(
			sql: string,
			params: unknown[],
			callback: (error: Error | null, rows: unknown[]) => void,
		): void;
		close(callback?: (error: Error | null) => void): void;
	};
}

/**
 * Every execution n8n recorded for a workflow, read from its SQLite database (read-only, beside the
 * running n8n: WAL mode), with the Stripe event ids its stored data contains. The database, not the
 * REST list: that one pages at 100 and counts only what the UI shows.
 */
export async function recordedExecutions(
	userFolder: string,
	workflowId: string,
): Promise<Array<{ id: number; status: string; eventIds: string[] }>> {
	const sqlite3 = requireFromN8n<Sqlite3>('sqlite3');
	const file = join(userFolder, '.n8n', 'database.sqlite');
	const db = await new Promise<InstanceType<Sqlite3['Database']>>((resolve, reject) => {
		const opened = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) =>
			error ? reject(error) : resolve(opened),
		);
	});
	try {
		const rows = await new Promise<unknown[]>((resolve, reject) =>
			db.all(
				'SELECT e.id AS id, e.status AS status, d.data AS data FROM execution_entity e ' +
					'JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ? ORDER BY e.id',
				[workflowId],
				(error, result) => (error ? reject(error) : resolve(result)),
			),
		);
		return (rows as Array<{ id: number; status: string; data: string }>).map((row) => ({
			id: row.id,
			status: row.status,
			eventIds: [...new Set(row.data.match(/evt_[A-Za-z0-9]+/g) ?? [])],
		}));
	} finally {
		db.close();
	}
}
