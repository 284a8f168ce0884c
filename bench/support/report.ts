/** Markdown rendering of the routing benchmark results. */
import type { BenchReport, SetResult } from './types';

const pct = (x: number) => (100 * x).toFixed(1);
const ms = (x: number) => x.toFixed(x < 1 ? 3 : 2);

function setSection(set: SetResult, target: number): string[] {
  const lines: string[] = [];
  const queues = Object.keys(set.perQueueSupport);
  lines.push(`## ${set.file} (${set.examples} messages)${set.learnedFrom ? ': training data of the learned queue model' : ''}`, '');
  lines.push(
    '| router | queue accuracy % | macro-F1 % | priority exact % | priority within one % | latency p50 ms | p95 ms | p99 ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of set.routers) {
    lines.push(
      `| ${r.name} | ${pct(r.queues.accuracy)} | ${pct(r.queues.macroF1)} | ${pct(r.priority.exact)} | ${pct(r.priority.withinOne)} | ${ms(r.latencyMs.p50)} | ${ms(r.latencyMs.p95)} | ${ms(r.latencyMs.p99)} |`,
    );
  }
  const ours = set.routers[0]!;
  lines.push(
    '',
    `Target: queue accuracy >= ${pct(target)}% for ours: **${ours.queues.accuracy >= target ? 'met' : 'not met'}** (${pct(ours.queues.accuracy)}%).`,
  );
  if (ours.routeOnlyMs)
    lines.push(`Ours' latency is NLU parse + sentiment + routing; routing alone: p50 ${ms(ours.routeOnlyMs.p50)} ms, p99 ${ms(ours.routeOnlyMs.p99)} ms.`);
  lines.push(
    `Priority agreement over ${ours.priority.labelled} labelled messages; ours over-/under-prioritises ${pct(ours.priority.over)}% / ${pct(ours.priority.under)}%.`,
    '',
  );

  lines.push(
    '### Per queue (precision / recall / F1 %)',
    '',
    `| queue | support | ${set.routers.map((r) => r.name).join(' | ')} |`,
    `|---|---:|${set.routers.map(() => '---|').join('')}`,
  );
  for (const q of queues) {
    const cells = set.routers.map((r) => {
      const c = r.queues.perClass[q]!;
      return `${pct(c.precision)} / ${pct(c.recall)} / ${pct(c.f1)}`;
    });
    lines.push(`| ${q} | ${set.perQueueSupport[q]} | ${cells.join(' | ')} |`);
  }
  const shown = set.routers.length > 1 ? [set.routers[0]!, set.routers[set.routers.length - 1]!] : set.routers;
  for (const r of shown) {
    lines.push(
      '',
      `### Confusion: ${r.name} (rows: labelled, columns: routed)`,
      '',
      `| | ${queues.map((q) => q.replace('_', ' ')).join(' | ')} |`,
      `|---|${queues.map(() => '---:|').join('')}`,
    );
    for (const g of queues) lines.push(`| ${g} | ${queues.map((p) => r.queues.confusion[g]?.[p] ?? 0).join(' | ')} |`);
  }
  lines.push(
    '',
    '### Priority (rows: labelled, columns: predicted)',
    '',
    `| | ${set.routers.map((r) => `${r.name}: low / normal / high / urgent`).join(' | ')} |`,
    `|---|${set.routers.map(() => '---|').join('')}`,
  );
  for (const g of ['low', 'normal', 'high', 'urgent']) {
    lines.push(
      `| ${g} | ${set.routers.map((r) => ['low', 'normal', 'high', 'urgent'].map((p) => r.priority.confusion[g]?.[p] ?? 0).join(' / ')).join(' | ')} |`,
    );
  }
  if (ours.rules) {
    lines.push(
      '',
      '### What decided the queue (ours)',
      '',
      Object.entries(ours.rules)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(' · '),
    );
  }
  if (set.pooled) return [...lines, ''];
  lines.push('', `### Misrouted by ours (${ours.errors.length})`, '', '| labelled | routed | decided by | message |', '|---|---|---|---|');
  for (const e of ours.errors)
    lines.push(`| ${e.gold} | ${e.predicted} | ${e.rule ?? ''} | ${e.text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 110)} |`);
  lines.push('');
  return lines;
}

export function renderMarkdown(report: BenchReport): string {
  const lines = [
    '# Support routing benchmark',
    '',
    `${report.date.slice(0, 10)} · \`${report.command}\` · config \`${report.config}\``,
    `Machine: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.platform}, Node ${report.machine.node}. Models loaded in ${Math.round(report.models.loadMs)} ms.`,
    '',
    'Ours: the shipped NLU model parses each message, the shipped sentiment model scores it, and `routeMessage` applies config/routing.yml with the learned queue model.',
    'Ablations (same latency as ours): without the learned queue model (intents and rules alone), and with `rules: []`.',
    'Peer: a keyword router (one word list per queue, most matches wins; bench/support/keyword-router.ts).',
    'Labels and messages: the sets below, written for this benchmark (see bench/support/README.md for who wrote which and what each has seen).',
    report.models.router
      ? `Learned queue model (models/router): ${report.models.router.examples} labelled tickets from ${report.models.router.sources.join(', ')}, blend weight ${report.models.router.weight}; sets marked * are its training data, so its numbers there are not a measure.`
      : 'No learned queue model (models/router) was found: ours is the intents and rules alone.',
    '',
    `| set | messages | ${(report.sets[0]?.routers ?? []).map((r) => `${r.name} %`).join(' | ')} |`,
    `|---|---:|${(report.sets[0]?.routers ?? []).map(() => '---:').join('|')}|`,
    ...report.sets.map((set) => `| ${set.file}${set.learnedFrom ? ' *' : ''} | ${set.examples} | ${set.routers.map((r) => pct(r.queues.accuracy)).join(' | ')} |`),
    '',
    ...(report.byNearestTicket.length > 0
      ? [
          'Ours on the sets the learned queue model never saw, by word overlap (Jaccard) with the nearest training ticket:',
          '',
          '| nearest training ticket | messages | ours % |',
          '|---|---:|---:|',
          ...report.byNearestTicket.map((b) => `| ${b.label} | ${b.messages} | ${pct(b.correct / b.messages)} |`),
          '',
        ]
      : []),
  ];
  for (const set of report.sets) lines.push(...setSection(set, report.target.queueAccuracy));
  return `${lines.join('\n')}\n`;
}
