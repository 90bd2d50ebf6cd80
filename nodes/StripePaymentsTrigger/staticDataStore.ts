import type { IDataObject } from 'n8n-workflow';

import type { ClaimResult, DuplicateStore } from '../../core/dedupe/duplicateStore';
import { PENDING_LEASE_SECONDS } from '../../core/dedupe/duplicateStore';

/**
 * The default duplicate store, "this n8n only": done keys in the node's static data (saved with the
 * workflow, so they survive restarts), pending claims in this process.
 *
 * - Pending claims live only in a module-scope table, claimed synchronously before any await, so
 *   concurrent deliveries inside one process cannot both pass. They vanish with the process (a
 *   crash never blocks Stripe's retry) and expire after the lease (a start that failed without
 *   telling us never blocks it either).
 * - Done keys are written into static data; n8n saves it before it answers Stripe (webhook.ts).
 *   n8n loads a copy per request and saves the whole object, so two concurrent deliveries could
 *   overwrite each other's keys: each save writes back every key this process has completed.
 * - Event ids and once-per-payment keys are bounded separately, each to `capacity`: "remember the
 *   last N events" remembers N events, whatever once-keys they also stored.
 * Across processes only static data is shared, without a lock: use the Redis store there.
 */

export const DEFAULT_REMEMBERED_EVENTS = 1000;
const STATIC_DATA_KEY = 'processedKeys';
const EVENT_PREFIX = 'event:';

interface Remembered {
	at: number;
	done: boolean;
}

/** Per trigger scope: event keys and once-per-payment keys, each in insertion (= time) order. */
interface ScopeTable {
	events: Map<string, Remembered>;
	once: Map<string, Remembered>;
}

const inProcess = new Map<string, ScopeTable>();

interface PersistedKey extends IDataObject {
	k: string;
	t: number;
}

export function openStaticDataStore(
	staticData: IDataObject,
	scope: string,
	capacity: number,
	nowSeconds: number = Math.floor(Date.now() / 1000),
): DuplicateStore {
	const limit = Math.max(1, Math.floor(capacity));
	const persisted = readPersisted(staticData);
	const persistedKeys = new Set(persisted.map((entry) => entry.k));
	let table = inProcess.get(scope);
	if (!table) {
		table = { events: new Map(), once: new Map() };
		inProcess.set(scope, table);
	}
	const tables = table;
	const mapOf = (key: string) => (key.startsWith(EVENT_PREFIX) ? tables.events : tables.once);

	return {
		async claim(key): Promise<ClaimResult> {
			return claimNow(key);
		},
		async markDone(keys) {
			for (const key of keys) {
				const map = mapOf(key);
				map.delete(key);
				map.set(key, { at: nowSeconds, done: true });
				trim(map, limit);
			}
			// Assigned, not mutated in place: n8n only saves static data whose top level changed.
			staticData[STATIC_DATA_KEY] = newestDone(persisted, tables, limit);
		},
		async release(keys) {
			for (const key of keys) {
				const map = mapOf(key);
				if (map.get(key)?.done === false) map.delete(key);
			}
		},
	};

	function claimNow(key: string): ClaimResult {
		const map = mapOf(key);
		const held = map.get(key);
		if (held?.done || persistedKeys.has(key)) return 'done';
		if (held && nowSeconds - held.at < PENDING_LEASE_SECONDS) return 'in_progress';
		map.delete(key);
		map.set(key, { at: nowSeconds, done: false });
		trim(map, limit);
		return 'claimed';
	}
}

/** The newest `limit` done event keys and the newest `limit` done once-keys, oldest first. */
function newestDone(persisted: PersistedKey[], tables: ScopeTable, limit: number): PersistedKey[] {
	const events = new Map<string, number>();
	const once = new Map<string, number>();
	for (const entry of persisted)
		(entry.k.startsWith(EVENT_PREFIX) ? events : once).set(entry.k, entry.t);
	for (const [map, into] of [
		[tables.events, events],
		[tables.once, once],
	] as const) {
		for (const [key, remembered] of map) {
			if (remembered.done) into.set(key, Math.max(remembered.at, into.get(key) ?? 0));
		}
	}
	return [...newest(events, limit), ...newest(once, limit)].map(
		([k, t]): PersistedKey => ({ k, t }),
	);
}

function newest(entries: Map<string, number>, limit: number): Array<[string, number]> {
	const byTime = [...entries];
	// Usually in order already (saved sorted, new keys are the newest): sort only when not.
	if (!isOrderedByTime(byTime)) byTime.sort((a, b) => a[1] - b[1]);
	return byTime.slice(-limit);
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
function trim(map: Map<string, Remembered>, limit: number): void {
	let excess = map.size - limit;
	if (excess <= 0) return;
	for (const [key, remembered] of map) {
		if (excess <= 0) break;
		if (!remembered.done) continue;
		map.delete(key);
		excess -= 1;
	}
}

/** For tests: forget what this process remembers. */
export function resetInProcessDedupe(): void {
	inProcess.clear();
}
