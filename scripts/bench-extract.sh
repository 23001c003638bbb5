#!/usr/bin/env bash
# Benchmark (not a test): times `opsreport extract` over the corpus PDFs against
# `pdftotext -layout` over the same files, in one run, and prints the ratio (best of ROUNDS).
# Usage: scripts/bench-extract.sh [ROUNDS] [DIR]   (default 5 rounds, Tests/OpsReportTests/Fixtures/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
dir="${2:-Tests/OpsReportTests/Fixtures/corpus}"
swift build -c release --product opsreport >/dev/null
exec python3 - "$rounds" "$dir" <<'PY'
import glob, os, subprocess, sys, tempfile, time
rounds, d = int(sys.argv[1]), sys.argv[2]
files = sorted(f for f in glob.glob(os.path.join(d, "*.pdf")) if "image-only" not in f)
tmp = tempfile.mkdtemp()
def ours():
    for f in files: subprocess.run([".build/release/opsreport", "extract", f, "-o", os.path.join(tmp, "out.json")], check=True)
def ref():
    for f in files: subprocess.run(["pdftotext", "-layout", f, os.path.join(tmp, "out.txt")], check=True)
def timed(fn):
    t = time.perf_counter(); fn(); return time.perf_counter() - t
ours(); ref()  # warm the page cache
best_o = best_r = float("inf")
for _ in range(rounds):
    best_o = min(best_o, timed(ours)); best_r = min(best_r, timed(ref))
print(f"files: {len(files)}, rounds: {rounds} (best round shown)")
print(f"opsreport extract : {best_o:.3f} s ({1000*best_o/len(files):.1f} ms/file)")
print(f"pdftotext -layout : {best_r:.3f} s ({1000*best_r/len(files):.1f} ms/file)")
print(f"ratio             : {best_o/best_r:.2f}x (target <= 1.5x)")
PY
