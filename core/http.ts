/**
 * The one thing a platform (n8n, Zapier, a test) supplies to core: a way to send a request.
 * Core builds the request and interprets the response; it never sees an API key, because each
 * platform's transport adds authentication itself.
 */
export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface GatewayRequest {
	method: HttpMethod;
	url: string;
	headers: Record<string, string>;
	body?: string;
}

export interface GatewayResponse {
	status: number;
	/** Header names in lower case. */
	headers: Record<string, string | undefined>;
	/** Parsed JSON when the body parses, otherwise the text. */
	body: unknown;
}

/** Resolves with any HTTP response (2xx or not); rejects only when no response arrived. */
export type SendRequest = (request: GatewayRequest) => Promise<GatewayResponse>;

export type Sleep = (ms: number) => Promise<void>;
