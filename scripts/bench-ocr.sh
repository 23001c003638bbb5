#!/usr/bin/env bash
# Benchmark (not a test): seconds per scanned page of `opsreport extract` on ONE core
# (`taskset -c 0`, Tesseract with OMP_THREAD_LIMIT=1), over the corpus scans (OCR text layer
# and image-only), best of ROUNDS; and the born-digital reports timed the same way, to show that
# they do not go through OCR (their provenance has no OCR `source` key, and their time per page
# stays in milliseconds).
# Usage: scripts/bench-ocr.sh [ROUNDS] [DIR]   (default 1 round, Tests/OpsReportTests/Fixtures/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-1}"
dir="${2:-Tests/OpsReportTests/Fixtures/corpus}"
swift build -c release --static-swift-stdlib --product opsreport >/dev/null
export OMP_THREAD_LIMIT=1
exec python3 - "$rounds" "$dir" <<'PY'
import glob, json, os, subprocess, sys, tempfile, time
rounds, d = int(sys.argv[1]), sys.argv[2]
bin_ = ".build/release/opsreport"
tmp = tempfile.mkdtemp()
one_core = ["taskset", "-c", "0"] if subprocess.run(["which", "taskset"], capture_output=True).returncode == 0 else []
def pages(f):
    out = subprocess.run(["pdfinfo", f], capture_output=True, text=True).stdout
    return int(next(l.split()[-1] for l in out.splitlines() if l.startswith("Pages:")))
def run(f):
    o = os.path.join(tmp, os.path.basename(f) + ".json")
    t = time.perf_counter()
    subprocess.run(one_core + [bin_, "extract", f, "-o", o], check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t, json.load(open(o))
scans = sorted(f for f in glob.glob(os.path.join(d, "*.pdf")) if ".scanned" in f or "image-only" in f)
texts = sorted(f for f in glob.glob(os.path.join(d, "*.pdf")) if f not in scans)
print(f"one core{' (taskset -c 0)' if one_core else ' (taskset missing: all cores)'}, OMP_THREAD_LIMIT=1, best of {rounds}")
total_s = total_p = 0
for f in scans:
    best = min(run(f)[0] for _ in range(rounds)); n = pages(f)
    total_s += best; total_p += n
    print(f"{os.path.basename(f):45s} {n:3d} pages {best:7.2f} s  {best / n:5.2f} s/page")
print(f"scans: {total_s / total_p:.2f} s per scanned page (target <= 2 s)")
ts = tp = 0; ocr_keys = 0
for f in texts:
    best, r = min((run(f) for _ in range(rounds)), key=lambda x: x[0]); n = pages(f)
    ts += best; tp += n
    ocr_keys += sum(1 for p in r["provenance"].values() if "source" in p)
print(f"born-digital: {len(texts)} reports, {1000 * ts / tp:.1f} ms per page, provenance entries with an OCR source: {ocr_keys} (must be 0)")
PY
