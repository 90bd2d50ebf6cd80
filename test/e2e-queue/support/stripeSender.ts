import { delay } from '../../../scripts/lib/wait';
import { inParallel, sendEvent, type ActiveTrigger } from './trigger';

const is2xx = (status: number | null) => status !== null && status >= 200 && status < 300;

/** Per event id: whether any delivery was answered 2xx (Stripe then stops re-sending it). */
export class Acknowledgements {
	private readonly acknowledged = new Set<string>();
	readonly statuses = new Map<string, number>();

	record(eventId: string, status: number | null): void {
		const label = status ?? 0;
		this.statuses.set(String(label), (this.statuses.get(String(label)) ?? 0) + 1);
		if (is2xx(status)) this.acknowledged.add(eventId);
	}

	has(eventId: string): boolean {
		return this.acknowledged.has(eventId);
	}

	unacknowledged(events: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
		return events.filter((event) => !this.has(String(event.id)));
	}

	get size(): number {
		return this.acknowledged.size;
	}
}

/** Each event delivered twice at the same moment, once through each of two webhook processors. */
export async function deliverTwiceAtOnce(
	trigger: ActiveTrigger,
	events: Array<Record<string, unknown>>,
	acks: Acknowledgements,
	concurrency = 8,
): Promise<void> {
	await inParallel(events, concurrency, async (event) => {
		const statuses = await Promise.all(
			trigger.urls.slice(0, 2).map(async (url) => await sendEvent(url, trigger.secret, event)),
		);
		for (const status of statuses) acks.record(String(event.id), status);
	});
}

/** Events sent together, each to its own processor at the same moment (e.g. a checkout's pair). */
export async function deliverGroupsAcross(
	trigger: ActiveTrigger,
	groups: Array<Array<Record<string, unknown>>>,
	acks: Acknowledgements,
	concurrency = 8,
): Promise<void> {
	await inParallel(groups, concurrency, async (group, groupIndex) => {
		await Promise.all(
			group.map(async (event, index) => {
				const url = trigger.urls[(index + groupIndex) % trigger.urls.length];
				acks.record(String(event.id), await sendEvent(url, trigger.secret, event));
			}),
		);
	});
}

/**
 * What Stripe does for every event not yet answered 2xx: re-send it (a fresh signature each time)
 * until it is, with growing pauses, bounded by `timeoutMs`. Alternates the processors, as a load
 * balancer in front of them would. Returns the events still unacknowledged at the end.
 */
export async function resendUnacknowledged(
	trigger: ActiveTrigger,
	events: Array<Record<string, unknown>>,
	acks: Acknowledgements,
	timeoutMs = 120_000,
): Promise<Array<Record<string, unknown>>> {
	const deadline = Date.now() + timeoutMs;
	let pending = acks.unacknowledged(events);
	for (let round = 0; pending.length > 0 && Date.now() < deadline; round++) {
		await inParallel(pending, 8, async (event, index) => {
			const url = trigger.urls[(index + round) % trigger.urls.length];
			acks.record(String(event.id), await sendEvent(url, trigger.secret, event));
		});
		pending = acks.unacknowledged(events);
		if (pending.length > 0) await delay(Math.min(1000 * 2 ** round, 10_000));
	}
	return pending;
}
