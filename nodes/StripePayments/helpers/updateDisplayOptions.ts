import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Stamps the same visibility on every property of an operation (merged into any it already has). */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			show: { ...displayOptions.show, ...property.displayOptions?.show },
			...(property.displayOptions?.hide || displayOptions.hide
				? { hide: { ...displayOptions.hide, ...property.displayOptions?.hide } }
				: {}),
		},
	}));
}
