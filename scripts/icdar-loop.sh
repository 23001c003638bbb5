#!/usr/bin/env bash
# Quick development loop: `opsreport tables` (BIN, default the debug build) over the ICDAR 2013
# documents in DATA (default ../shared/icdar2013), scored with its score.py.
# usage: scripts/icdar-loop.sh [--list]   (env BIN, DATA, PRED)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug/opsreport}
DATA=${DATA:-../shared/icdar2013}
PRED=${PRED:-$(mktemp -d)}
for pdf in "$DATA"/*.pdf; do
  doc=$(basename "$pdf" .pdf)
  "$BIN" tables "$pdf" -o "$PRED/$doc.json" 2>/dev/null || echo "failed: $doc" >&2
done
python3 "$DATA/score.py" "$DATA" "$PRED" "$@"
echo "predictions: $PRED"
