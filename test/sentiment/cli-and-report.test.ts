import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { demoReviewRecords, registerSentimentCommands } from '../../src/cli/sentiment-commands';
import { buildSentimentReport, loadSentimentModel, renderReportCsv, renderReportHtml, type SentimentReport } from '../../src/sentiment';

async function cli(args: string[]): Promise<string> {
  const program = new Command('shopdesk').exitOverride();
  registerSentimentCommands(program);
  const out: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await program.parseAsync(['node', 'shopdesk', ...args]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return out.join('');
}

/** No fetches of any kind: no http(s) in src/href/url(), no scripts, stylesheets or imports. */
function expectSelfContained(page: string): void {
  expect(page).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
  expect(page).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
  expect(page).not.toMatch(/<script|<link|<iframe|<img|@import/i);
}

describe('sentiment CLI and report', () => {
  const model = loadSentimentModel();
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopdesk-sentiment-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('predict prints one JSON line {label, score, aspects[{aspect, polarity, opinion, start, end}]}', async () => {
    const text = 'Love the color but it runs small and the strap broke after a week';
    const lines = (await cli(['sentiment', 'predict', text])).trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!) as { label: string; score: number; aspects: Record<string, unknown>[] };
    expect(Object.keys(result)).toEqual(['label', 'score', 'aspects']);
    expect(['negative', 'neutral', 'positive']).toContain(result.label);
    expect(result.score).toBeGreaterThanOrEqual(-1);
    expect(result.score).toBeLessThanOrEqual(1);
    for (const aspect of result.aspects) {
      expect(Object.keys(aspect)).toEqual(['aspect', 'polarity', 'opinion', 'start', 'end']);
      expect(text.slice(aspect.start as number, aspect.end as number)).toBe(aspect.opinion);
    }
  });

  it('report --out .html falls back to the demo store and writes a self-contained page with SVG charts', async () => {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${path.join(dir, 'absent.db')}`;
    try {
      const file = path.join(dir, 'report.html');
      const summary = await cli(['sentiment', 'report', '--out', file, '--scale', '0.05']);
      expect(summary).toMatch(/reviews: \d+ negative, \d+ neutral, \d+ positive/);
      const page = fs.readFileSync(file, 'utf8');
      expect(page).toMatch(/<svg[\s\S]*<\/svg>/);
      expect(page).toContain('<polyline'); // the weekly trend line chart
      expect(page).toContain('generated demo store');
      expectSelfContained(page);
    } finally {
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
  });

  describe('report contents', () => {
    let report: SentimentReport;
    beforeAll(() => {
      report = buildSentimentReport(demoReviewRecords(0.05), model, { source: 'test' });
    });

    it('covers distributions, aspects, the weekly trend, quotes and the rising-negative test', () => {
      const { overall } = report;
      expect(overall.reviews).toBeGreaterThan(1000);
      expect(overall.negative + overall.neutral + overall.positive).toBe(overall.reviews);
      expect(report.categories.reduce((n, c) => n + c.reviews, 0)).toBe(overall.reviews);
      expect(report.aspects.find((a) => a.aspect === 'quality')!.mentions).toBeGreaterThan(0);
      expect(report.weekly.length).toBeGreaterThan(20);
      expect(report.quotes.positive.length).toBeGreaterThan(0);
      expect(report.quotes.negative.every((q) => q.label === 'negative')).toBe(true);
      for (const p of report.rising.products) expect(p.z).toBeGreaterThan(0);
    });

    it('filters by category and renders HTML escaping every value, and CSV', () => {
      const shoes = buildSentimentReport(demoReviewRecords(0.05), model, { category: 'shoes' });
      expect(shoes.categories.map((c) => c.category)).toEqual(['shoes']);
      const page = renderReportHtml({ ...report, source: '<script>alert(1)</script>' });
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expectSelfContained(page);
      const csv = renderReportCsv(report).split('\n');
      expect(csv[0]).toBe('section,name,category,reviews,negative,neutral,positive,negative_share,mean_score,mean_rating,z,p,q,detail');
      expect(csv.filter((l) => l.startsWith('category,')).length).toBe(report.categories.length);
    });
  });
});
