#!/usr/bin/env bash
# Benchmark (not a test): `opsreport tables` (release build, one process per document) against
# camelot stream and pdfplumber's text strategy over the ICDAR 2013 documents, in one run.
# Writes each tool's predictions in score.py's format into a temporary folder, scores them with
# the dataset's score.py and prints F1 / precision / recall, seconds per document (elapsed, and
# CPU: this process's and its children's user + system time, fair on a loaded machine) and the ratios.
# Usage: scripts/bench-tables.sh [DATA]   (default ../shared/icdar2013; never copied here)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/icdar2013}"
[ -f "$data/score.py" ] || { echo "bench-tables: no score.py in $data" >&2; exit 2; }
python3 -c 'import camelot, pdfplumber, cv2' 2>/dev/null || {
  echo "bench-tables: installing camelot-py, pdfplumber, opencv-python-headless" >&2
  python3 -m pip install -q camelot-py pdfplumber opencv-python-headless 2>/dev/null \
    || python3 -m pip install -q --user --break-system-packages camelot-py pdfplumber opencv-python-headless
}
swift build -c release --static-swift-stdlib --product opsreport >/dev/null
exec python3 - "$data" <<'PY'
import glob, json, os, resource, subprocess, sys, tempfile, time, warnings
warnings.filterwarnings("ignore")
import logging; logging.disable(logging.WARNING)
data = sys.argv[1]
docs = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(data, "*.pdf")))
root = tempfile.mkdtemp(prefix="bench-tables-")

def ours(pdf, out):
    subprocess.run([".build/release/opsreport", "tables", pdf, "-o", out], check=True, stderr=subprocess.DEVNULL)

def camelot_stream(pdf, out):
    import camelot
    try: tables = camelot.read_pdf(pdf, flavor="stream", pages="all")
    except Exception: tables = []
    json.dump({"tables": [{"page": int(t.page), "rows": t.df.values.tolist()} for t in tables]}, open(out, "w"))

def plumber_text(pdf, out):
    import pdfplumber
    res = []
    with pdfplumber.open(pdf) as doc:
        for i, page in enumerate(doc.pages, 1):
            for t in page.extract_tables({"vertical_strategy": "text", "horizontal_strategy": "text"}):
                res.append({"page": i, "rows": t})
    json.dump({"tables": res}, open(out, "w"))

tools = [("opsreport tables", ours), ("camelot stream", camelot_stream), ("pdfplumber text", plumber_text)]
results = {}
for name, fn in tools:
    pred = os.path.join(root, name.split()[0])
    os.makedirs(pred)
    fn(os.path.join(data, docs[0] + ".pdf"), os.path.join(pred, "warm.json"))  # imports, page cache
    os.remove(os.path.join(pred, "warm.json"))
    def cpu():
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    t, c = time.perf_counter(), cpu()
    for d in docs: fn(os.path.join(data, d + ".pdf"), os.path.join(pred, d + ".json"))
    secs = (time.perf_counter() - t) / len(docs)
    cpus = (cpu() - c) / len(docs)
    line = subprocess.run([sys.executable, os.path.join(data, "score.py"), data, pred], capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    f = line.split()
    score = {k: float(f[f.index(k) + 1]) for k in ("precision", "recall", "f1")}
    results[name] = (score, secs, cpus)
    print(f"{name:18s} F1 {score['f1']:.4f}  precision {score['precision']:.4f}  recall {score['recall']:.4f}  "
          f"{secs:.4f} s/document elapsed, {cpus:.4f} s/document CPU", flush=True)
(o, ow, oc), (c, cw, cc), (p, pw, pc) = results["opsreport tables"], results["camelot stream"], results["pdfplumber text"]
print(f"documents {len(docs)}; predictions in {root}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
print(f"F1 opsreport - camelot: {o['f1'] - c['f1']:+.4f}; opsreport - pdfplumber: {p['f1'] and o['f1'] - p['f1']:+.4f}")
print(f"speed (elapsed): {cw / ow:.1f}x camelot stream, {pw / ow:.1f}x pdfplumber text")
print(f"speed (CPU):     {cc / oc:.1f}x camelot stream, {pc / oc:.1f}x pdfplumber text")
PY
