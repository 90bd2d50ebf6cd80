import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { triggerItemOf } from './triggerLineage';

/** The node's Connect field: which Stripe account each item's calls act on (docs/trigger.md). */
export const connectOption: INodeProperties = {
	displayName: 'Connect',
	name: 'connect',
	type: 'collection',
	placeholder: 'Set Connect Account',
	default: {},
	description:
		'Stripe Connect: the account the calls act on (sent as Stripe-Account). By default, an item from a connected account’s event acts on that account.',
	options: [
		{
			displayName: 'Account',
			name: 'account',
			type: 'options',
			default: 'automatic',
			options: [
				{
					name: 'Automatic',
					value: 'automatic',
					description:
						'The connected account of the Stripe event the item came from, else the credential’s Connect Account ID, else your platform account',
				},
				{
					name: 'Platform Account',
					value: 'platform',
					description: 'Your own account, even for items from a connected account’s event',
				},
				{
					name: 'Connected Account ID',
					value: 'connected',
					description: 'The account you enter below, whatever the event or the credential says',
				},
			],
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			placeholder: 'acct_…',
			description: 'The connected account the calls act on',
			displayOptions: { show: { account: ['connected'] } },
		},
	],
};

interface ConnectSetting {
	account?: 'automatic' | 'platform' | 'connected';
	accountId?: string;
}

/** What the transport needs to pick `Stripe-Account` (core/stripe/connectAccount.ts decides). */
export interface ConnectAccountOfItem {
	stripeAccount?: string;
	stripeAccountField?: string;
	eventAccount?: string | null;
}

/** One lookup per node run and item: an operation may make several calls for one item. */
const eventAccounts = new WeakMap<object, Map<number, string | null>>();

/**
 * The Connect part of every call the node makes for item `itemIndex`: the node's Connect field
 * when set, else the account of the Stripe event the item came from (the item itself, or the
 * Stripe Payments Trigger item it descends from through paired items).
 */
export function connectAccountOf(this: IExecuteFunctions, itemIndex: number): ConnectAccountOfItem {
	const setting = this.getNodeParameter('connect', itemIndex, {}) as ConnectSetting;
	if (setting.account === 'platform') return { stripeAccount: '' };
	if (setting.account === 'connected') {
		return {
			stripeAccount: String(setting.accountId ?? ''),
			stripeAccountField: 'Connect › Account ID',
		};
	}
	let cache = eventAccounts.get(this);
	if (!cache) eventAccounts.set(this, (cache = new Map()));
	if (!cache.has(itemIndex)) {
		const item = this.getInputData()[itemIndex];
		const own = eventAccountOf(item?.json);
		const traced = own === undefined ? triggerItemOf.call(this, itemIndex) : null;
		cache.set(itemIndex, own ?? eventAccountOf(traced ?? undefined) ?? null);
	}
	return { eventAccount: cache.get(itemIndex) ?? null };
}

/**
 * The event's account when the item is an event: our trigger's output (`event.account`) or a raw
 * Stripe event object (`object: 'event'`, top-level `account`). Undefined: the item is no event.
 */
export function eventAccountOf(json: IDataObject | undefined): string | null | undefined {
	if (!json) return undefined;
	const event = json.event as IDataObject | undefined;
	if (event && typeof event === 'object' && typeof event.id === 'string') {
		return accountText(event.account);
	}
	if (json.object === 'event') return accountText(json.account);
	return undefined;
}

function accountText(value: unknown): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value : null;
}
