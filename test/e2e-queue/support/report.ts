import { appendFileSync } from 'node:fs';

/**
 * One line per scenario: events sent, executions, duplicates, lost, and the HTTP answers seen
 * (0 = connection refused or reset). Also appended to $PAYWIRE_QUEUE_REPORT when set.
 */
export function report(scenario: string, facts: Record<string, unknown>): void {
	const printable = Object.fromEntries(
		Object.entries(facts).map(([key, value]) => {
			if (key === 'missing' && Array.isArray(value)) return ['lostOrMissing', value.length];
			if (value && typeof value === 'object' && 'statuses' in value) {
				return [
					'answers',
					Object.fromEntries((value as { statuses: Map<string, number> }).statuses),
				];
			}
			return [key, value];
		}),
	);
	const line = `paywire queue-mode: ${scenario}: ${JSON.stringify(printable)}`;
	console.log(line);
	const file = process.env.PAYWIRE_QUEUE_REPORT;
	if (file) appendFileSync(file, `${line}\n`);
}
