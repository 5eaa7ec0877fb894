/**
 * "read 120/480 profiles" on stderr while a long read runs, so stdout stays the program or report. One line per
 * tenth of the way (and the last), so a log of an export of thousands stays short.
 */
export function progress(what: string, total: number): () => void {
  let done = 0;
  const step = Math.max(1, Math.ceil(total / 10));
  return () => {
    done++;
    if (done % step === 0 || done === total) process.stderr.write(`read ${done}/${total} ${what}\n`);
  };
}

/** Reads every item with at most `parallel` reads in flight (the clients pace them), ticking as each finishes. */
export async function readEach<T, R>(items: readonly T[], what: string, read: (item: T) => Promise<R>, parallel = 4): Promise<R[]> {
  const tick = progress(what, items.length);
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await read(items[index]);
      tick();
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return results;
}
