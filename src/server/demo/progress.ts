/** A one-line progress bar on stderr (redrawn in place on a terminal, a line per 10% otherwise). */
export function createProgressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let lastDecile = -1;
  return {
    update(done: number) {
      const ratio = total === 0 ? 1 : Math.min(1, done / total);
      const seconds = (performance.now() - started) / 1000;
      const rate = seconds > 0 ? Math.round(done / seconds) : 0;
      const width = 30;
      const bar = '█'.repeat(Math.round(ratio * width)).padEnd(width, '░');
      const text = `${label} ${bar} ${(ratio * 100).toFixed(0).padStart(3)}% ${done}/${total} (${rate}/s, ${seconds.toFixed(1)} s)`;
      if (stream.isTTY) stream.write(`\r${text}`);
      else if (Math.floor(ratio * 10) > lastDecile) {
        lastDecile = Math.floor(ratio * 10);
        stream.write(`${text}\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
