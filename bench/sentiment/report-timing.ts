/**
 * Times the sentiment report end to end, as `shopdesk sentiment report` runs it:
 * load the model, read the reviews (DATABASE_URL's store when it exists, else
 * the generated demo store), score and aggregate, render HTML.
 *   DATABASE_URL=file:/path/shop.db npx tsx bench/sentiment/report-timing.ts [--out report.html]
 * Writes bench/results/sentiment-report-timing.{json,md}; the target is <= 60 s for >= 20,000 reviews.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadReportReviews } from '../../src/cli/sentiment-commands';
import { buildSentimentReport, loadSentimentModel, renderReportHtml } from '../../src/sentiment';
import { machineInfo, RESULTS_DIR } from './report';

const TARGET_SECONDS = 60;

async function main(): Promise<void> {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
  const t0 = Date.now();
  const model = loadSentimentModel();
  const t1 = Date.now();
  const { reviews, source } = await loadReportReviews();
  const t2 = Date.now();
  const report = buildSentimentReport(reviews, model, { source });
  const t3 = Date.now();
  const page = renderReportHtml(report);
  const t4 = Date.now();
  if (out) fs.writeFileSync(out, page);
  const total = (t4 - t0) / 1000;
  const result = {
    date: new Date().toISOString().slice(0, 10),
    machine: machineInfo('none (inference is plain TypeScript)'),
    source,
    reviews: reviews.length,
    seconds: { loadModel: (t1 - t0) / 1000, readReviews: (t2 - t1) / 1000, scoreAndAggregate: (t3 - t2) / 1000, renderHtml: (t4 - t3) / 1000, total },
    htmlBytes: Buffer.byteLength(page),
    flaggedRisingProducts: report.rising.products.filter((p) => p.significant).length,
    disagreements: report.disagreements.count,
    target: `<= ${TARGET_SECONDS} s for >= 20,000 reviews`,
    met: reviews.length >= 20_000 && total <= TARGET_SECONDS,
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, 'sentiment-report-timing.json'), `${JSON.stringify(result, null, 2)}\n`);
  const md = [
    '# Sentiment report timing',
    '',
    `${result.date} · ${result.machine}`,
    '',
    `Source: ${source}; ${reviews.length.toLocaleString('en-US')} reviews.`,
    '',
    '| step | seconds |',
    '|---|---:|',
    ...Object.entries(result.seconds).map(([step, s]) => `| ${step} | ${s.toFixed(1)} |`),
    '',
    `Target ${result.target}: ${result.met ? 'MET' : '**NOT MET**'}. ${result.flaggedRisingProducts} products flagged with rising negatives, ${result.disagreements} text/rating disagreements, HTML ${(result.htmlBytes / 1024).toFixed(0)} KiB.`,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(RESULTS_DIR, 'sentiment-report-timing.md'), md);
  process.stdout.write(md);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 1;
});
