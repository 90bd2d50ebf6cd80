/**
 * "Each event starts at most one execution": where a trigger remembers what it has already turned
 * into an execution. Platform-neutral; the n8n trigger has two implementations (static data for
 * one process, Redis for every process that receives webhooks).
 *
 * A key goes through two states:
 * - pending: a delivery holds it while it works towards an execution. A pending claim has a short
 *   lease, so a delivery that died before its execution existed (crash, failed start) never blocks
 *   Stripe's next delivery of the same event for longer than the lease;
 * - done: the execution exists (or the event was deliberately dropped). Remembered for the store's
 *   retention, which covers Stripe's 3-day retry window.
 */

export type ClaimResult =
	/** The key was free: this delivery now holds it (pending). */
	| 'claimed'
	/** Another delivery holds it and its lease has not run out: answer non-2xx, Stripe retries. */
	| 'in_progress'
	/** Already turned into an execution: answer 2xx, start nothing. */
	| 'done';

export interface DuplicateStore {
	/** Atomically: holds the key as pending unless it is done or held by a live claim. */
	claim(key: string): Promise<ClaimResult>;
	/**
	 * Marks keys this delivery holds as done. The write is issued before this method returns (so it
	 * precedes any acknowledgement sent afterwards); the promise settles once the store confirmed it.
	 */
	markDone(keys: readonly string[]): Promise<void>;
	/** Gives up keys this delivery holds (it failed before an execution existed). */
	release(keys: readonly string[]): Promise<void>;
}

/** How long a pending claim blocks other deliveries of the same key. Stripe's first retry comes later. */
export const PENDING_LEASE_SECONDS = 30;

/** How long a shared store remembers a done key: Stripe's 3-day retry window plus a day for resends. */
export const DONE_RETENTION_SECONDS = 4 * 24 * 60 * 60;
