/**
 * Progress lines for long CLI jobs (seeding, training, reports). On a terminal
 * one line is redrawn; in logs and CI a line is printed per 10% step.
 */
export interface ProgressReporter {
  update(label: string, done: number, total: number, extra?: string): void;
  done(message?: string): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const interactive = Boolean(stream.isTTY);
  const lastStep = new Map<string, number>();
  let drawn = false;
  return {
    update(label, done, total, extra = '') {
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const percent = Math.round(ratio * 100);
      const width = 24;
      const bar = '█'.repeat(Math.round(ratio * width)).padEnd(width, '·');
      const line = `${label.padEnd(14)} ${bar} ${String(percent).padStart(3)}%  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${extra}`;
      if (interactive) {
        stream.write(`\r${line.padEnd(100)}`);
        drawn = true;
        return;
      }
      const step = Math.floor(percent / 10);
      if (lastStep.get(label) !== step) {
        lastStep.set(label, step);
        stream.write(`${line}\n`);
      }
    },
    done(message) {
      if (interactive && drawn) stream.write('\n');
      drawn = false;
      if (message) stream.write(`${message}\n`);
    },
  };
}
