#!/usr/bin/env node
/**
 * Bundles the browser code into widget/public/: the chat widget
 * (widget/src/index.ts + socket.io-client -> widget.js, one minified IIFE for
 * <script src> embedding), the agent console (widget/console -> console.js)
 * and the merchandiser dashboard (widget/dashboard -> dashboard.js, when
 * present). Prints the raw and gzipped sizes. Usage: node scripts/build-widget.js
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
/** Each bundle fails the build when it grows past its gzip budget; the widget's is strict (it loads on every store page). */
const BUNDLES = [
  { entry: 'widget/src/index.ts', out: 'widget/public/widget.js', budget: 40 * 1024, banner: 'ShopDesk chat widget' },
  { entry: 'widget/console/index.ts', out: 'widget/public/console.js', budget: 80 * 1024, banner: 'ShopDesk agent console' },
  { entry: 'widget/dashboard/index.ts', out: 'widget/public/dashboard.js', budget: 120 * 1024, banner: 'ShopDesk merchandiser dashboard' },
];

async function build({ entry: entryPath, out, budget, banner }) {
  const entry = path.join(root, entryPath);
  if (!fs.existsSync(entry)) return;
  const outfile = path.join(root, out);
  const GZIP_BUDGET = budget;
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
    banner: { js: `/* ${banner}. Apache-2.0. Includes socket.io-client (MIT). */` },
    metafile: true,
    logLevel: 'warning',
  });
  const code = fs.readFileSync(outfile);
  const gzipped = zlib.gzipSync(code, { level: 9 }).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${out}  raw ${kb(code.length)} (${code.length} B)  gzip ${kb(gzipped)} (${gzipped} B)`);
  if (process.argv.includes('--analyze')) console.log(await esbuild.analyzeMetafile(result.metafile));
  if (gzipped > GZIP_BUDGET) {
    console.error(`${out} is over its ${kb(GZIP_BUDGET)} gzip budget`);
    process.exitCode = 1;
  }
}

async function main() {
  for (const bundle of BUNDLES) await build(bundle);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
