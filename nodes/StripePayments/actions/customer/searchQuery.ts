/**
 * A value inside Stripe's search query language: always double-quoted, with backslashes and
 * double quotes escaped, so user input can neither end the clause nor add one of its own.
 */
export function searchQueryValue(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function emailSearchQuery(email: string): string {
	return `email:${searchQueryValue(email)}`;
}

export function metadataSearchQuery(key: string, value: string): string {
	return `metadata[${searchQueryValue(key)}]:${searchQueryValue(value)}`;
}
