// Progress of a long build: a bar on a terminal, a plain line every tenth (or every 10 s) when
// the output goes to a file or a CI log, nothing when quiet.
import cliProgress from 'cli-progress';

export interface Progress {
  tick(done: number): void;
  stop(): void;
}

export function progress(total: number, label: string, mode: 'auto' | 'quiet' = 'auto', stream: NodeJS.WriteStream = process.stderr): Progress {
  if (mode === 'quiet' || total === 0) return { tick() {}, stop() {} };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} articles | {eta_formatted} left`, stream, hideCursor: true, etaBuffer: 200 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { tick: (done) => bar.update(done), stop: () => bar.stop() };
  }
  const started = Date.now();
  let lastStep = 0;
  let lastAt = started;
  return {
    tick(done) {
      const step = Math.floor((done * 10) / total);
      const now = Date.now();
      if (step > lastStep || now - lastAt >= 10_000) {
        lastStep = step;
        lastAt = now;
        stream.write(`${label}: ${done}/${total} articles (${Math.round((done * 100) / total)}%, ${((now - started) / 1000).toFixed(0)} s)\n`);
      }
    },
    stop() {},
  };
}
