// Zapier loads this file. The app is TypeScript compiled by `npm run build` into lib/, which also
// holds the compiled copy of the shared core/, so this directory is self-contained when pushed.
module.exports = require('./lib/zapier/src/index.js').default;
