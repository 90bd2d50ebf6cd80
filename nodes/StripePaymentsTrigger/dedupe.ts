import type { IDataObject } from 'n8n-workflow';

/**
 * "Each event.id starts at most one execution" (and each once-per-payment key at most one emission).
 *
 * Two layers, because neither is enough alone:
 * - the node's static data, persisted with the workflow, survives restarts; but n8n loads a copy
 *   per request and saves the whole object after webhook() returns, so two concurrent deliveries
 *   each see the other's key missing, and the last save wins;
 * - a module-scope table in this process, claimed synchronously before any await, so concurrent
 *   deliveries inside one process cannot both pass; each save also writes back every key this
 *   process completed, so a lost-update of static data is repaired by the next save.
 * Both keep only the most recent `capacity` keys. Across processes (queue mode with several webhook
 * processors) only static data is shared: see docs/trigger.md.
 */

export const DEFAULT_REMEMBERED_EVENTS = 1000;
const STATIC_DATA_KEY = 'processedKeys';

interface Remembered {
	at: number;
	/** False while the delivery that claimed it is still running; only done keys are persisted. */
	done: boolean;
}

const inProcess = new Map<string, Map<string, Remembered>>();

export interface DedupeSession {
	/** True when the key was seen by neither layer; it is then held until commit or release. */
	claim(key: string): boolean;
	release(keys: Iterable<string>): void;
	/** Marks the keys done and writes the newest `capacity` done keys into static data. */
	commit(keys: Iterable<string>): void;
}

interface PersistedKey extends IDataObject {
	k: string;
	t: number;
}

export function openDedupe(
	staticData: IDataObject,
	scope: string,
	capacity: number,
	nowSeconds: number = Math.floor(Date.now() / 1000),
): DedupeSession {
	const limit = Math.max(1, Math.floor(capacity));
	const persisted = readPersisted(staticData);
	const persistedKeys = new Set(persisted.map((entry) => entry.k));
	let memory = inProcess.get(scope);
	if (!memory) {
		memory = new Map();
		inProcess.set(scope, memory);
	}
	const table = memory;

	return {
		claim(key) {
			if (table.has(key) || persistedKeys.has(key)) return false;
			table.set(key, { at: nowSeconds, done: false });
			trim(table, limit);
			return true;
		},
		release(keys) {
			for (const key of keys) {
				if (table.get(key)?.done === false) table.delete(key);
			}
		},
		commit(keys) {
			for (const key of keys) {
				table.delete(key);
				table.set(key, { at: nowSeconds, done: true });
			}
			trim(table, limit);
			const merged = new Map<string, number>();
			for (const entry of persisted) merged.set(entry.k, entry.t);
			for (const [key, remembered] of table) {
				if (remembered.done) merged.set(key, Math.max(remembered.at, merged.get(key) ?? 0));
			}
			const byTime = [...merged];
			// Usually in order already (saved sorted, new keys are the newest): sort only when not.
			if (!isOrderedByTime(byTime)) byTime.sort((a, b) => a[1] - b[1]);
			const newest = byTime.slice(-limit).map(([k, t]): PersistedKey => ({ k, t }));
			// Assigned, not mutated in place: n8n only saves static data whose top level changed.
			staticData[STATIC_DATA_KEY] = newest;
		},
	};
}

/**
 * The valid persisted entries as plain objects. n8n hands static data over wrapped in proxies (every
 * read goes through a trap), so each field is read once here rather than on every later pass.
 */
function readPersisted(staticData: IDataObject): PersistedKey[] {
	const value = staticData[STATIC_DATA_KEY];
	if (!Array.isArray(value)) return [];
	const entries: PersistedKey[] = [];
	for (const entry of value as unknown[]) {
		if (typeof entry !== 'object' || entry === null) continue;
		const { k, t } = entry as IDataObject;
		if (typeof k === 'string' && typeof t === 'number') entries.push({ k, t });
	}
	return entries;
}

function isOrderedByTime(entries: Array<[string, number]>): boolean {
	for (let index = 1; index < entries.length; index += 1) {
		if (entries[index][1] < entries[index - 1][1]) return false;
	}
	return true;
}

/** Drops the oldest done keys beyond the limit; keys still being processed are never dropped. */
function trim(table: Map<string, Remembered>, limit: number): void {
	let excess = table.size - limit;
	if (excess <= 0) return;
	for (const [key, remembered] of table) {
		if (excess <= 0) break;
		if (!remembered.done) continue;
		table.delete(key);
		excess -= 1;
	}
}

/** For tests: forget what this process remembers. */
export function resetInProcessDedupe(): void {
	inProcess.clear();
}
