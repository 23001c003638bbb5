#!/usr/bin/env bash
# Benchmark (not a test): times `opsreport extract` over the corpus PDFs against
# `pdftotext -layout` over the same files, in one run, and prints the ratios (best of ROUNDS):
#   - one `opsreport extract` process per file (as pdftotext is run), and
#   - one `opsreport extract` process for all files (--out-dir), which pays start-up once.
# Usage: scripts/bench-extract.sh [ROUNDS] [DIR]   (default 5 rounds, Tests/OpsReportTests/Fixtures/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
dir="${2:-Tests/OpsReportTests/Fixtures/corpus}"
swift build -c release --static-swift-stdlib --product opsreport >/dev/null
exec python3 - "$rounds" "$dir" <<'PY'
import glob, os, subprocess, sys, tempfile, time
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
    t = time.perf_counter(); fn(); return time.perf_counter() - t
per_file(); one_process(); ref()  # warm the page cache
a = b = r = float("inf")
for _ in range(rounds):
    a = min(a, timed(per_file)); b = min(b, timed(one_process)); r = min(r, timed(ref))
n = len(files)
print(f"files: {n} corpus PDFs, rounds: {rounds} (best round of each)")
print(f"pdftotext -layout, one process per file  : {r:.3f} s ({1000*r/n:.1f} ms/file)")
print(f"opsreport extract, one process per file  : {a:.3f} s ({1000*a/n:.1f} ms/file)  ratio {a/r:.2f}x")
print(f"opsreport extract, one process, all files: {b:.3f} s ({1000*b/n:.1f} ms/file)  ratio {b/r:.2f}x")
print("target: within 1.5x of pdftotext")
PY
