import { assertNoCardNumbers } from '../../core/security/cardGuard';

/**
 * Runs core's card-number guard over every input of a step before anything is sent, naming the
 * field by the label the user sees in the Zap editor.
 */
export function assertNoCardNumbersInInputs(
	inputData: Record<string, unknown>,
	fields: ReadonlyArray<{ key: string; label?: string }>,
): void {
	const labels = new Map(fields.map((field) => [field.key, field.label ?? field.key]));
	for (const [key, value] of Object.entries(inputData)) {
		assertNoCardNumbers(value, labels.get(key) ?? key);
	}
}
