import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

export interface FakeAnswer {
	status: number;
	body: unknown;
	headers?: IDataObject;
}

/**
 * An ILoadOptionsFunctions whose authenticated HTTP helper answers from a script (or throws, for a
 * connection failure) and records every request it was asked to send.
 */
export function fakeLoadOptionsContext(
	answers: Array<FakeAnswer | Error>,
	credential: IDataObject = { secretKey: 'sk_test_123', mode: 'test' },
) {
	const sent: IHttpRequestOptions[] = [];
	const context = {
		getNode: () => ({
			id: 'node-1',
			name: 'Stripe Payments',
			type: 'n8n-nodes-paywire.stripePayments',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		getCredentials: async () => credential,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				sent.push(options);
				const answer = answers.shift();
				if (!answer) throw new Error('no scripted answer left');
				if (answer instanceof Error) throw answer;
				return { statusCode: answer.status, headers: answer.headers ?? {}, body: answer.body };
			},
		},
	};
	return { context: context as unknown as ILoadOptionsFunctions, sent };
}
