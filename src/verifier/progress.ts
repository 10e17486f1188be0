/** A progress bar on a terminal (stderr), nothing otherwise: verification of a large log takes a while. */
export const progressBar = (
  stream: NodeJS.WriteStream = process.stderr,
): { update(label: string, done: number, total: number): void; end(): void } => {
  let shown = false;
  let last = 0;
  return {
    update(label, done, total) {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const ratio = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(ratio * width);
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(1).padStart(5)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}`,
      );
      shown = true;
    },
    end() {
      if (shown && stream.isTTY) stream.write('\n');
      shown = false;
    },
  };
};
