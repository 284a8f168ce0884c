/** The NLU command line: train + test round trip on a Rasa-format file, and parse with the shipped model. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/shopdesk.js');
const run = (...args: string[]) => execFileSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('`nlu train` then `nlu test` on a Rasa file writes a model and a report with every field', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-cli-'));
  try {
    const config = path.join(dir, 'config.yml');
    fs.writeFileSync(config, 'dim: 32\nheads: 2\nffnDim: 64\nepochs: 20\nminSteps: 0\nbatchSize: 16\nlearningRate: 0.01\nvalidationSplit: 0\n');
    const model = path.join(dir, 'model');
    const trainOut = run('nlu', 'train', '--data', 'test/fixtures/nlu-tiny.yml', '--out', model, '--config', config, '--seed', '3');
    expect(trainOut).toMatch(/trained on 60 examples \(5 intents/);
    expect(JSON.parse(fs.readFileSync(path.join(model, 'meta.json'), 'utf8')).config.seed).toBe(3);

    const report = path.join(dir, 'report.json');
    run('nlu', 'test', '--model', model, '--data', 'test/fixtures/nlu-tiny-test.yml', '--out', report);
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    expect(r.intent.accuracy).toBeGreaterThan(0.6);
    expect(r.intent).toHaveProperty('macro_f1');
    expect(r.intent.per_intent.track_order).toEqual(expect.objectContaining({ precision: expect.any(Number), recall: expect.any(Number), f1: expect.any(Number), support: 4, confused_with: expect.any(Object) }));
    expect(r.entity).toHaveProperty('micro_f1');
    expect(r.entity.per_entity.order_id.support).toBe(3);
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Confusion matrix');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

test('`nlu parse` with the shipped model finds track_order and order id 48213', () => {
  const line = JSON.parse(run('nlu', 'parse', 'where is my order #48213?').trim());
  expect(line.intent.name).toBe('track_order');
  expect(line.entities).toEqual(expect.arrayContaining([expect.objectContaining({ entity: 'order_id', value: '48213', start: 18, end: 24 })]));
  expect(line.intent_ranking.length).toBeGreaterThan(1);
});

test('`nlu parse` survives empty, very long, binary and mixed-script input', () => {
  const input = ['', 'a'.repeat(5000), '\u0000\u0001\uffff\ud800', '你好 مرحبا 👋 where is my order'].join('\n');
  const out = execFileSync(process.execPath, [BIN, 'nlu', 'parse'], { cwd: ROOT, input, encoding: 'utf8' });
  const lines = out.trim().split('\n').map((l) => JSON.parse(l));
  expect(lines).toHaveLength(4);
  expect(lines[1].text.length).toBe(2000);
  for (const l of lines) expect(typeof l.intent.name).toBe('string');
});
