import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PaymentInputError } from '../../core/errors';
import { positiveQuantity, wholeNumberInRange } from '../../core/payments/wholeNumbers';

describe('wholeNumberInRange / positiveQuantity', () => {
	it('accepts whole numbers and digit-only text', () => {
		assert.equal(positiveQuantity(3, 'Quantity'), 3);
		assert.equal(positiveQuantity(' 12 ', 'Quantity'), 12);
		assert.equal(wholeNumberInRange(5, 'Concurrency', { min: 1, max: 5 }), 5);
	});

	it('refuses fractions, zero, negatives, text, hex and out-of-range values, naming the field', () => {
		for (const value of [2.9, '2.9', 0, -1, 'three', '0x10', '1e3', '', NaN, Infinity, null, {}]) {
			assert.throws(
				() => positiveQuantity(value, 'Line Items 1 Quantity'),
				(error: unknown) =>
					error instanceof PaymentInputError &&
					error.field === 'Line Items 1 Quantity' &&
					/whole number of 1 or more/.test(error.message),
				String(value),
			);
		}
		assert.throws(() => wholeNumberInRange(11, 'Concurrency', { min: 1, max: 10 }), /from 1 to 10/);
	});
});
