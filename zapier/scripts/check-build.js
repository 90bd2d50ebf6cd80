#!/usr/bin/env node
// After `npm run build`: loads the app the way Zapier does (index.js) and fails when it needs any
// file outside this directory, because `zapier-platform push` uploads this directory alone.
'use strict';
const path = require('node:path');

const appDir = path.resolve(__dirname, '..');
const app = require(path.join(appDir, 'index.js'));
if (!app || !app.authentication || !app.triggers || !app.creates || !app.searches) {
	console.error(
		'check-build: index.js did not export an app with authentication, triggers, creates and searches',
	);
	process.exit(1);
}
const outside = Object.keys(require.cache).filter((file) => !file.startsWith(appDir + path.sep));
if (outside.length > 0) {
	console.error(`check-build: the built app loads files outside ${appDir}:\n${outside.join('\n')}`);
	process.exit(1);
}
const count = (group) => Object.keys(group).length;
console.log(
	`check-build: self-contained app: ${count(app.triggers)} triggers, ${count(app.creates)} creates, ${count(app.searches)} searches`,
);
