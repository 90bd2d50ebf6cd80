/**
 * Fault injection under test control. Each API request (not /_emulator) draws one number from a
 * seeded generator (mulberry32), so a given seed and request order give the same faults every run.
 *   error500        respond 500 api_error before the method executes (nothing happened, nothing stored)
 *   reset           destroy the socket before the method executes
 *   resetAfter      execute (and store under the idempotency key), then destroy the socket: the
 *                   client never sees a response although the money moved
 *   rateLimit429    respond 429 rate_limit with Retry-After
 *   lockTimeout429  respond 429 lock_timeout (another request holds the object), no Retry-After
 */
export interface FaultPlan {
	seed?: number;
	error500?: number;
	reset?: number;
	resetAfter?: number;
	rateLimit429?: number;
	lockTimeout429?: number;
	retryAfterSeconds?: number;
	/** Extra latency added to every API request, plus up to latencyJitterMs drawn from the seed. */
	latencyMs?: number;
	latencyJitterMs?: number;
	/** Only requests whose path starts with one of these are affected (default: all /v1 paths). */
	pathPrefixes?: string[];
	/** Only these methods are affected (default: all). */
	methods?: string[];
}

export type FaultKind =
	| 'none'
	| 'error500'
	| 'reset'
	| 'resetAfter'
	| 'rateLimit429'
	| 'lockTimeout429';

export interface FaultDecision {
	kind: FaultKind;
	extraLatencyMs: number;
}

function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class FaultController {
	private plan: FaultPlan = {};
	private random: () => number = mulberry32(1);
	readonly injected: Record<Exclude<FaultKind, 'none'>, number> = {
		error500: 0,
		reset: 0,
		resetAfter: 0,
		rateLimit429: 0,
		lockTimeout429: 0,
	};

	constructor(plan?: FaultPlan) {
		if (plan) this.set(plan);
	}

	set(plan: FaultPlan): void {
		const total =
			(plan.error500 ?? 0) +
			(plan.reset ?? 0) +
			(plan.resetAfter ?? 0) +
			(plan.rateLimit429 ?? 0) +
			(plan.lockTimeout429 ?? 0);
		if (total > 1) throw new Error('fault fractions add up to more than 1');
		this.plan = { ...plan };
		this.random = mulberry32(plan.seed ?? 1);
	}

	clear(): void {
		this.set({});
	}

	current(): FaultPlan {
		return { ...this.plan };
	}

	get retryAfterSeconds(): number {
		return this.plan.retryAfterSeconds ?? 1;
	}

	decide(method: string, path: string): FaultDecision {
		const plan = this.plan;
		const prefixes = plan.pathPrefixes ?? ['/v1/'];
		const applies =
			prefixes.some((prefix) => path.startsWith(prefix)) &&
			(!plan.methods || plan.methods.includes(method));
		if (!applies) return { kind: 'none', extraLatencyMs: 0 };
		const draw = this.random();
		const jitter = plan.latencyJitterMs ? this.random() * plan.latencyJitterMs : 0;
		const extraLatencyMs = (plan.latencyMs ?? 0) + jitter;
		let threshold = 0;
		for (const kind of [
			'error500',
			'reset',
			'resetAfter',
			'rateLimit429',
			'lockTimeout429',
		] as const) {
			threshold += plan[kind] ?? 0;
			if (draw < threshold) {
				this.injected[kind]++;
				return { kind, extraLatencyMs };
			}
		}
		return { kind: 'none', extraLatencyMs };
	}
}
