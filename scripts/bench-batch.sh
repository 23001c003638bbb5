#!/usr/bin/env bash
# Benchmark of `opsreport batch` (issue 4). Not a test: prints figures.
#
# Builds the release binary, makes archives of N reports by copying the corpus PDFs (each copy
# gets a unique trailing PDF comment so that its SHA-256 differs and it is not skipped as a
# duplicate), then times --jobs 1 against --jobs 2 and records peak memory:
#   - parent: /usr/bin/time -v "Maximum resident set size" of the batch process;
#   - workers: the largest VmHWM seen by sampling /proc/<pid>/status of the batch's children.
#
# Usage: scripts/bench-batch.sh [SIZES...]   (default: 100 200)
# Environment: SCRATCH (build folder, default .build), WORK (temp folder),
#              CORPUS (PDF source folder, default Tests/OpsReportTests/Fixtures/corpus),
#              TIMEOUT (per file, default 300).
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build}
CORPUS=${CORPUS:-Tests/OpsReportTests/Fixtures/corpus}
TIMEOUT=${TIMEOUT:-300}
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(100 200)
if [ -n "${WORK:-}" ]; then KEEP=1; mkdir -p "$WORK"; else WORK=$(mktemp -d /tmp/opsreport-bench.XXXXXX); fi
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT

echo "building release…" >&2
swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product opsreport >&2
BIN="$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path)/opsreport"

# The born-digital reports only (scans are ~10x slower and would dominate; pass CORPUS to change).
mapfile -t SRC < <(ls "$CORPUS"/2017-*-operations-report.pdf | sort)
[ ${#SRC[@]} -gt 0 ] || { echo "no PDFs in $CORPUS" >&2; exit 1; }

make_archive() { # N DIR
  local n=$1 dir=$2 i=0
  mkdir -p "$dir"
  while [ $i -lt "$n" ]; do
    local s=${SRC[$((i % ${#SRC[@]}))]}
    local sub="$dir/batch-$((i / 50))"; mkdir -p "$sub"
    local f="$sub/$(printf '%04d' $i)-$(basename "$s")"
    cp "$s" "$f"; printf '%%bench-copy %d\n' $i >> "$f"
    i=$((i + 1))
  done
}

# Samples the children of PID and prints the largest VmHWM (kB) seen.
watch_children() { # PID OUTFILE
  local pid=$1 out=$2 max=0
  while kill -0 "$pid" 2>/dev/null; do
    for c in $(pgrep -P "$pid" 2>/dev/null; for p in $(pgrep -P "$pid" 2>/dev/null); do pgrep -P "$p" 2>/dev/null; done); do
      local h; h=$(awk '/VmHWM/ {print $2}' "/proc/$c/status" 2>/dev/null || true)
      [ -n "$h" ] && [ "$h" -gt "$max" ] && max=$h
    done
    sleep 0.05
  done
  echo "$max" > "$out"
}

run() { # N JOBS -> prints "seconds parent_kB child_kB exit"
  local n=$1 jobs=$2 out="$WORK/out-$1-$2"
  rm -rf "$out"
  /usr/bin/time -v -o "$WORK/time-$n-$jobs" "$BIN" batch "$WORK/archive-$n" -o "$out" --jobs "$jobs" --timeout "$TIMEOUT" \
      > "$WORK/summary-$n-$jobs" 2> "$WORK/log-$n-$jobs" &
  local tpid=$!
  sleep 0.2
  local bpid; bpid=$(pgrep -P "$tpid" | head -1 || true)
  [ -n "$bpid" ] && watch_children "$bpid" "$WORK/children-$n-$jobs" &
  local wpid=$!
  local rc=0; wait "$tpid" || rc=$?
  wait "$wpid" 2>/dev/null || true
  local secs; secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/time-$n-$jobs")
  local rss; rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time-$n-$jobs")
  local crss; crss=$(cat "$WORK/children-$n-$jobs" 2>/dev/null || echo "?")
  echo "$secs $rss $crss $rc"
}

printf '%-6s %-5s %9s %10s %14s %14s %5s\n' files jobs seconds files/s parent_peak_MB worker_peak_MB exit
declare -A T
for n in "${SIZES[@]}"; do
  make_archive "$n" "$WORK/archive-$n"
  for jobs in 1 2; do
    read -r secs rss crss rc < <(run "$n" "$jobs")
    T[$n-$jobs]=$secs
    printf '%-6s %-5s %9.2f %10.2f %14.1f %14s %5s\n' "$n" "$jobs" "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)" \
      "$( [ "$crss" = "?" ] && echo "?" || printf '%.1f' "$(echo "$crss / 1024" | bc -l)")" "$rc"
  done
done
for n in "${SIZES[@]}"; do
  printf 'speed-up --jobs 2 vs --jobs 1 on %s files: %.2fx\n' "$n" "$(echo "${T[$n-1]} / ${T[$n-2]}" | bc -l)"
done
echo "(summaries and logs in $WORK until exit; set WORK to keep them)"
