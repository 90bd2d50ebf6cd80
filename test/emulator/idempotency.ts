import { idempotencyInProgress, idempotencyMismatch } from './errors';

export interface StoredResponse {
	status: number;
	body: unknown;
	requestId: string;
}

interface Entry {
	method: string;
	path: string;
	fingerprint: string;
	response?: StoredResponse;
	createdAt: number;
}

export type IdempotencyDecision =
	| { kind: 'execute'; complete: (response: StoredResponse) => void; abandon: () => void }
	| { kind: 'replay'; response: StoredResponse };

/**
 * Stripe's idempotency layer. Keys are scoped to an account and mode. The first response of a request
 * that started executing is stored (errors included) and replayed for the same key and the same
 * endpoint and parameters; other parameters → 400 idempotency_error; a request still in flight → 409,
 * nothing stored. Keys are pruned after `ttlMs` (Stripe: at least 24 hours).
 */
export class IdempotencyStore {
	private readonly entries = new Map<string, Entry>();

	constructor(private readonly ttlMs = 24 * 60 * 60 * 1000) {}

	begin(
		scopeKey: string,
		key: string,
		request: { method: string; path: string; fingerprint: string },
	): IdempotencyDecision {
		const id = `${scopeKey}\u0000${key}`;
		const existing = this.entries.get(id);
		if (existing && Date.now() - existing.createdAt > this.ttlMs) this.entries.delete(id);
		const entry = this.entries.get(id);
		if (entry) {
			if (!entry.response) throw idempotencyInProgress(key);
			const same =
				entry.method === request.method &&
				entry.path === request.path &&
				entry.fingerprint === request.fingerprint;
			if (!same) throw idempotencyMismatch(key);
			return { kind: 'replay', response: entry.response };
		}
		const fresh: Entry = { ...request, createdAt: Date.now() };
		this.entries.set(id, fresh);
		return {
			kind: 'execute',
			complete: (response) => {
				fresh.response = response;
			},
			abandon: () => {
				if (this.entries.get(id) === fresh) this.entries.delete(id);
			},
		};
	}

	get size(): number {
		return this.entries.size;
	}

	clear(): void {
		this.entries.clear();
	}
}
