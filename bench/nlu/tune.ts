/**
 * Tuning runs on development splits (bench/nlu/dev-splits.ts), so that model
 * changes are never chosen on the test splits the benchmark reports.
 *   npx tsx bench/nlu/tune.ts [--datasets banking77-10shot,...] [--peers ours,tfidf-linear]
 * Prints one line per dataset and peer; writes nothing. SHOPDESK_BENCH_OURS_CONFIG adds
 * model config overrides for `ours` (as in run.ts).
 */
import { isDevSplitName, loadDevSplit, DEV_SPLIT_NAMES, type DevSplitName } from './dev-splits';
import { runPeer } from './evaluate';
import { isPeerName, PEER_FACTORIES, type PeerName } from './peers';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const datasets = option('datasets', 'banking77-10shot').split(',');
  const peers = option('peers', 'ours,tfidf-linear').split(',');
  const badData = datasets.filter((d) => !isDevSplitName(d));
  const badPeers = peers.filter((p) => !isPeerName(p));
  if (badData.length || badPeers.length) throw new Error(`unknown ${[...badData, ...badPeers].join(', ')} (datasets: ${DEV_SPLIT_NAMES.join(', ')})`);
  for (const name of datasets as DevSplitName[]) {
    const dataset = loadDevSplit(name);
    for (const peer of peers as PeerName[]) {
      const result = await runPeer(dataset, PEER_FACTORIES[peer](), { quick: false, seed: 42, log: (m) => console.log(`[${name}] [${peer}] ${m}`) });
      const pct = (x: number | undefined) => (x === undefined ? '-' : (100 * x).toFixed(2));
      console.log(
        `RESULT ${name} ${peer}: acc ${pct(result.intentAccuracy)} in-scope ${pct(result.inScopeAccuracy)} oos-recall ${pct(result.oosRecall)} ` +
          `slot-F1 ${pct(result.slotF1)} train ${result.trainSeconds?.toFixed(1)} s p50 ${result.latencyMs?.p50} p99 ${result.latencyMs?.p99} | ${result.notes.join(' | ')}${result.error ? ` ERROR ${result.error}` : ''}`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
