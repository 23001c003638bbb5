#!/usr/bin/env bash
# Sets up a fresh machine, then runs the main job on samples/: extracts every sample report to
# out/samples/<name>.json (with reconciliation findings) and checks each against
# samples/<name>.expected.json.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh release
bin=.build/release/opsreport
mkdir -p out/samples
status=0
for pdf in samples/*.pdf; do
  name=$(basename "$pdf" .pdf)
  "$bin" extract "$pdf" -o "out/samples/$name.json"
  if python3 - "out/samples/$name.json" "samples/$name.expected.json" <<'PY'
import json, sys
got, want = (json.load(open(p)) for p in sys.argv[1:3])
for d in (got, want): d["source"].pop("file", None)
sys.exit(0 if got == want else 1)
PY
  then
    errors=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(f["severity"]=="error" for f in d["findings"]), len(d["findings"]))' "out/samples/$name.json")
    echo "ok   $pdf -> out/samples/$name.json (as expected; ${errors#* } finding(s), ${errors% *} of them error(s))"
  else
    echo "DIFF $pdf: out/samples/$name.json differs from samples/$name.expected.json"; status=1
  fi
done
exit $status
