#!/usr/bin/env bash
# Runs the command examples of README.md against the sample reports, in a temporary folder where
# `archive/` holds a copy of samples/*.pdf, with the built `opsreport` first on PATH. Every
# ```sh block whose lines are all `opsreport …` or `sqlite3 …` commands (with their continuation
# lines) is run with `bash -e`; it must exit 0. Blocks that install or set up the machine
# (scripts/…, sudo) are not examples of the tool and are skipped, and so is the completion block
# (its targets are the user's shell folders; CLIConventionTests runs the completion itself).
# Usage: scripts/readme-examples.sh [debug|release]
set -euo pipefail
cd "$(dirname "$0")/.."
config="${1:-debug}"
bin="$(pwd)/.build/$config/opsreport"
[ -x "$bin" ] || { echo "readme-examples: $bin not built (swift build)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/archive" "$work/bin" "$work/home"
cp samples/*.pdf "$work/archive/"
ln -s "$bin" "$work/bin/opsreport"
python3 - README.md "$work/blocks" <<'PY'
import os, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
os.makedirs(sys.argv[2], exist_ok=True)
n = 0
for block in re.findall(r"```sh\n(.*?)```", text, re.S):
    starts, open_quote, continued = [], False, False
    for line in block.splitlines():
        if not line.strip():
            continue
        if not open_quote and not continued:
            starts.append(line.split()[0])
        open_quote ^= line.count('"') % 2 == 1
        continued = line.rstrip().endswith("\\")
    if not starts or any(s not in ("opsreport", "sqlite3") for s in starts) or "generate-completion-script" in block:
        continue
    n += 1
    open(os.path.join(sys.argv[2], "%02d.sh" % n), "w", encoding="utf-8").write(block)
PY
status=0
count=0
for block in "$work"/blocks/*.sh; do
  count=$((count + 1))
  rc=0
  (cd "$work" && HOME="$work/home" PATH="$work/bin:$PATH" bash -e "$block" >"$block.out" 2>"$block.err") || rc=$?
  if [ "$rc" -eq 0 ]; then
    echo "ok   README example $(basename "$block" .sh): $(head -c 70 "$block" | head -1)"
  else
    echo "FAIL README example $(basename "$block" .sh): exit $rc"; sed 's/^/     /' "$block"; tail -5 "$block.err" | sed 's/^/     /'; status=1
  fi
done
[ "$count" -gt 0 ] || { echo "readme-examples: no example found in README.md" >&2; exit 1; }
echo "readme-examples: $count block(s) run"
exit $status
