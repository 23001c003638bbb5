#!/usr/bin/env bash
# Benchmark (not a test): times `opsreport extract` over the corpus PDFs against
# `pdftotext -layout` over the same files, in one run, and prints the ratios of elapsed and of CPU
# time (user + system of the processes), best of ROUNDS and the median of the rounds' ratios:
#   - one `opsreport extract` process per file (as pdftotext is run), and
#   - one `opsreport extract` process for all files (--out-dir), which pays start-up once.
# Usage: scripts/bench-extract.sh [ROUNDS] [DIR]   (default 5 rounds, Tests/OpsReportTests/Fixtures/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
dir="${2:-Tests/OpsReportTests/Fixtures/corpus}"
swift build -c release --static-swift-stdlib --product opsreport >/dev/null
exec python3 - "$rounds" "$dir" <<'PY'
import glob, os, resource, statistics, subprocess, sys, tempfile, time
rounds, d = int(sys.argv[1]), sys.argv[2]
files = sorted(f for f in glob.glob(os.path.join(d, "*.pdf")) if "image-only" not in f and ".scanned" not in f)  # scans: scripts/bench-ocr.sh
tmp = tempfile.mkdtemp()
bin_ = ".build/release/opsreport"
def per_file():
    for f in files: subprocess.run([bin_, "extract", f, "-o", os.path.join(tmp, "out.json")], check=True)
def one_process():
    subprocess.run([bin_, "extract", *files, "--out-dir", tmp], check=True)
def ref():
    for f in files: subprocess.run(["pdftotext", "-layout", f, os.path.join(tmp, "out.txt")], check=True)
def timed(fn):
    """(elapsed s, CPU s of the child processes: user + system)"""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t = time.perf_counter(); fn()
    el = time.perf_counter() - t; r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return el, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
per_file(); one_process(); ref()  # warm the page cache
runs = {"a": [], "b": [], "r": []}
for _ in range(rounds):  # paired: each round runs all three, so a ratio compares like load with like
    runs["a"].append(timed(per_file)); runs["b"].append(timed(one_process)); runs["r"].append(timed(ref))
n = len(files)
def best(k, i): return min(x[i] for x in runs[k])
def med_ratio(k, i): return statistics.median(x[i] / y[i] for x, y in zip(runs[k], runs["r"]))
print(f"files: {n} corpus PDFs, rounds: {rounds} (best round of each; ratio best/best, and median of the rounds' ratios)")
r, rc = best("r", 0), best("r", 1)
print(f"pdftotext -layout, one process per file  : {r:.3f} s ({1000*r/n:.1f} ms/file), CPU {1000*rc/n:.1f} ms/file")
for k, what in (("a", "one process per file  "), ("b", "one process, all files")):
    a, ac = best(k, 0), best(k, 1)
    print(f"opsreport extract, {what}: {a:.3f} s ({1000*a/n:.1f} ms/file)  ratio {a/r:.2f}x (median {med_ratio(k, 0):.2f}x); "
          f"CPU {1000*ac/n:.1f} ms/file  ratio {ac/rc:.2f}x (median {med_ratio(k, 1):.2f}x)")
print("targets: per process within 2.35x of pdftotext (issue 7), then 1.2x (issue 11)")
PY
