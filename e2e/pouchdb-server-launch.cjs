// Starts PouchDB Server (the sync tests' CouchDB stand-in) with one fix to its pouchdb-validation plugin: before
// running validate_doc_update it overwrites a written document's `_revisions` with the stored document's, so a
// replicated update (new_edits: false, generation 2 or later) loses its revision path and is silently dropped.
// Apache CouchDB has no such step. The fix keeps a document's own `_revisions` (the line below, rewritten on load);
// if the plugin's source no longer has that line the server refuses to start, so the tests fail rather than pass.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const serverPkg = require.resolve('pouchdb-server/package.json');
const validation = require.resolve('pouchdb-validation/lib/index.js', { paths: [path.dirname(serverPkg)] });
const BUG = 'newDoc._revisions = (oldDoc || {})._revisions;';
const FIX = 'if (!newDoc._revisions) newDoc._revisions = (oldDoc || {})._revisions;';

const load = Module._extensions['.js'];
Module._extensions['.js'] = (module, filename) => {
  if (filename !== validation) return load(module, filename);
  const source = fs.readFileSync(filename, 'utf8');
  if (!source.includes(BUG))
    throw new Error(`pouchdb-validation changed: cannot apply the _revisions fix to ${filename}`);
  module._compile(source.replace(BUG, FIX), filename);
};

const manifest = JSON.parse(fs.readFileSync(serverPkg, 'utf8'));
const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin['pouchdb-server'];
require(path.join(path.dirname(serverPkg), bin));
