import type { GatewayRequest, GatewayResponse } from '../../core/http';

/**
 * A SendRequest that answers from a script (a response, or an Error to throw as a connection
 * failure), with a Sleep that advances a fake clock instead of waiting. Records what was sent.
 */
export function scriptedGateway(script: Array<GatewayResponse | Error>, random = 0) {
	let clock = 0;
	const sent: GatewayRequest[] = [];
	const slept: number[] = [];
	const io = {
		send: async (request: GatewayRequest): Promise<GatewayResponse> => {
			sent.push(structuredClone(request));
			const next = script.shift();
			if (!next) throw new Error('script exhausted');
			if (next instanceof Error) throw next;
			return next;
		},
		sleep: async (ms: number): Promise<void> => {
			slept.push(ms);
			clock += ms;
		},
		random: () => random,
		now: () => clock,
	};
	return { io, sent, slept };
}
