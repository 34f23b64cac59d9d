'use strict';
/**
 * Preloaded with `node -r bench/rss-preload.js <script>` by bench/curves.js:
 * when the process exits, writes its peak resident set size in KiB
 * (process.resourceUsage().maxRSS, getrusage's ru_maxrss) to file descriptor 3,
 * which the benchmark opens as a pipe. Only when RAMLINT_BENCH_RSS_FD=3 is set,
 * so a stray preload writes nowhere. Node alone, no /usr/bin/time needed.
 */
if (process.env.RAMLINT_BENCH_RSS_FD === '3') {
  process.once('exit', () => {
    try {
      require('node:fs').writeSync(3, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // No fd 3: the benchmark will say the peak RSS is missing.
    }
  });
}
