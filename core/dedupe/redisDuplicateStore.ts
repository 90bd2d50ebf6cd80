import { randomUUID } from 'node:crypto';

import type Redis from 'ioredis';

import type { ClaimResult, DuplicateStore } from './duplicateStore';
import { DONE_RETENTION_SECONDS, PENDING_LEASE_SECONDS } from './duplicateStore';

/**
 * The shared duplicate store: one Redis key per remembered key, so every process receiving webhooks
 * (main, webhook processors) sees the same claims. A claim is one atomic script (GET, then SET with
 * a lease when free); done is a plain SET with the retention; nothing is read-modify-written.
 */

const DONE = 'done';

// Returns the state before this call: 'claimed' when the key was free and is now held by ARGV[1].
const CLAIM_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if not current then
	redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
	return 'claimed'
end
if current == '${DONE}' then return 'done' end
return 'in_progress'
`;

// Deletes the key only while it is still this delivery's pending claim.
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export interface RedisStoreOptions {
	leaseSeconds?: number;
	retentionSeconds?: number;
}

/** One store per delivery: its pending claims carry a token only this delivery knows. */
export function openRedisDuplicateStore(
	client: Redis,
	namespace: string,
	options: RedisStoreOptions = {},
): DuplicateStore {
	const token = `pending:${randomUUID()}`;
	const lease = options.leaseSeconds ?? PENDING_LEASE_SECONDS;
	const retention = options.retentionSeconds ?? DONE_RETENTION_SECONDS;
	const keyOf = (key: string) => `${namespace}:${key}`;
	return {
		async claim(key) {
			const state = await client.eval(CLAIM_SCRIPT, 1, keyOf(key), token, lease);
			return toClaimResult(state);
		},
		async markDone(keys) {
			// Each SET is written to the connection now, before this returns (ioredis sends a command as
			// soon as it is called on a ready connection): it precedes any acknowledgement sent later.
			await Promise.all(
				keys.map(async (key) => await client.set(keyOf(key), DONE, 'EX', retention)),
			);
		},
		async release(keys) {
			await Promise.all(
				keys.map(async (key) => await client.eval(RELEASE_SCRIPT, 1, keyOf(key), token)),
			);
		},
	};
}

function toClaimResult(state: unknown): ClaimResult {
	if (state === 'claimed' || state === 'done' || state === 'in_progress') return state;
	throw new Error(`unexpected answer from Redis to a duplicate claim: ${String(state)}`);
}

/** The key prefix of one trigger: its workflow, node and execution mode (test deliveries apart). */
export function duplicateNamespace(workflowId: string, nodeId: string, mode: string): string {
	return `paywire:dedupe:${workflowId}:${nodeId}:${mode}`;
}
