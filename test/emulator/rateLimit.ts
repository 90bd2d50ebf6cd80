/**
 * Sliding one-second window per API key. Stripe's default limits are about 25 requests/s in test mode
 * and 100/s in live mode; rejected requests do not count against the window.
 */
export class SlidingWindowLimiter {
	private readonly hits = new Map<string, number[]>();

	constructor(private readonly windowMs = 1000) {}

	/** Records a request and returns true when it fits under `limit` (0 or less: unlimited). */
	allow(key: string, limit: number, now = Date.now()): boolean {
		if (!(limit > 0) || !Number.isFinite(limit)) return true;
		let times = this.hits.get(key);
		if (!times) {
			times = [];
			this.hits.set(key, times);
		}
		const cutoff = now - this.windowMs;
		let drop = 0;
		while (drop < times.length && times[drop] <= cutoff) drop++;
		if (drop > 0) times.splice(0, drop);
		if (times.length >= limit) return false;
		times.push(now);
		return true;
	}

	clear(): void {
		this.hits.clear();
	}
}
