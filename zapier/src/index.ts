import { defineApp, version as platformVersion } from 'zapier-platform-core';

import { authentication } from './authentication';
import { addStripeAuth, mapStripeErrors } from './middleware';
import { createCustomer } from './creates/createCustomer';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../package.json') as { version: string };

export default defineApp({
	version,
	platformVersion,
	authentication,
	beforeRequest: [addStripeAuth],
	afterResponse: [mapStripeErrors],
	creates: {
		[createCustomer.key]: createCustomer,
	},
});
