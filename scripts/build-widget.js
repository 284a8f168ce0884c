#!/usr/bin/env node
/**
 * Bundles the chat widget (widget/src/index.ts + socket.io-client) into
 * widget/public/widget.js: one minified IIFE for <script src> embedding.
 * Prints the raw and gzipped size. Usage: node scripts/build-widget.js
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'widget/src/index.ts');
const outfile = path.join(root, 'widget/public/widget.js');
/** Fail the build when the bundle grows past this (gzipped bytes). */
const GZIP_BUDGET = 40 * 1024;

async function main() {
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    // socket.io-client's "browser" field swaps Node-only modules (ws, xmlhttprequest-ssl) for the browser's own.
    mainFields: ['browser', 'module', 'main'],
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: '/* ShopDesk chat widget. Apache-2.0. Includes socket.io-client (MIT). */' },
    metafile: true,
    logLevel: 'warning',
  });
  const code = fs.readFileSync(outfile);
  const gzipped = zlib.gzipSync(code, { level: 9 }).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`widget/public/widget.js  raw ${kb(code.length)} (${code.length} B)  gzip ${kb(gzipped)} (${gzipped} B)`);
  if (process.argv.includes('--analyze')) console.log(await esbuild.analyzeMetafile(result.metafile));
  if (gzipped > GZIP_BUDGET) {
    console.error(`widget bundle is over its ${kb(GZIP_BUDGET)} gzip budget`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
