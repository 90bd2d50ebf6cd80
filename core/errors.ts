import type { PaymentErrorDetails } from './payments/types';

/** A gateway error, interpreted: plain language, next step, retryable flag. Never holds a secret. */
export class PaymentError extends Error {
	readonly details: PaymentErrorDetails;

	constructor(details: PaymentErrorDetails) {
		super(details.message);
		this.name = 'PaymentError';
		this.details = details;
	}
}

/** Input refused before any request: names the field and says how to fix it. */
export class PaymentInputError extends Error {
	readonly field: string;
	readonly fix: string;

	constructor(field: string, problem: string, fix: string) {
		super(`${field}: ${problem} ${fix}`);
		this.name = 'PaymentInputError';
		this.field = field;
		this.fix = fix;
	}
}
