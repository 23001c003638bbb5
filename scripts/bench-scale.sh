#!/usr/bin/env bash
# Benchmark (not a test) of how `opsreport batch` grows with the archive (issue 11).
#
# For each size N it makes a synthetic archive of N reports: copies of the born-digital corpus
# PDFs, each made distinct by a PDF comment after `%%EOF` (so that no copy is skipped as a
# duplicate), then runs the batch twice into a new output folder:
#   1. the conversion of all N files;
#   2. a re-run with nothing to do (every file up to date).
# and prints, per size: batch seconds per report, the cross-report pass's seconds (the batch's
# own `cross-report checks` log line), peak RSS of the parent and of the largest worker (the
# batch's `resources:` log line: getrusage of itself and of its children), CPU seconds of both,
# database size, the size of the archive findings' `related` lists, and the re-run's wall
# time and parent peak RSS. Then the growth ratios against the first size.
#
# Usage: scripts/bench-scale.sh [SIZES...]     (default: 100 1000 10000)
#   e.g. scripts/bench-scale.sh 100 1000
# Environment: JOBS (default 2), TIMEOUT (per file, default 300), BIN (an opsreport binary to
#   use instead of building the release one), CORPUS (PDF folder, default
#   Tests/OpsReportTests/Fixtures/corpus; its *-operations-report.pdf files, scans left out),
#   WORK (keep archives and logs there; default a temporary folder removed at exit).
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-2}
TIMEOUT=${TIMEOUT:-300}
CORPUS=${CORPUS:-Tests/OpsReportTests/Fixtures/corpus}
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(100 1000 10000)
for n in "${SIZES[@]}"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench-scale: a size is a positive number of reports, not '$n'" >&2; exit 64; }; done
command -v sqlite3 >/dev/null || { echo "bench-scale: needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench-scale: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
if [ -n "${WORK:-}" ]; then mkdir -p "$WORK"; else WORK=$(mktemp -d /tmp/opsreport-scale.XXXXXX); trap 'rm -rf "$WORK"' EXIT; fi

if [ -z "${BIN:-}" ]; then
  echo "building release…" >&2
  swift build -c release --static-swift-stdlib --product opsreport >&2
  BIN="$(swift build -c release --static-swift-stdlib --show-bin-path)/opsreport"
fi

# N DIR: N distinct copies, 100 to a subfolder.
make_archive() {
  python3 - "$1" "$2" "$CORPUS" <<'PY'
import glob, os, sys
n, out, corpus = int(sys.argv[1]), sys.argv[2], sys.argv[3]
src = sorted(f for f in glob.glob(os.path.join(corpus, "*-operations-report.pdf")) if ".scanned" not in f and "image-only" not in f)
if not src: sys.exit(f"no PDFs in {corpus}")
data = [open(f, "rb").read() for f in src]
for i in range(n):
    d = os.path.join(out, f"part-{i // 100:03d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"{i:05d}-{os.path.basename(src[i % len(src)])}"), "wb") as f:
        f.write(data[i % len(src)] + b"%%bench-copy %d\n" % i)
PY
}

# N RUN: runs the batch; sets WALL, TREE_KB (max RSS of the process tree), PARENT_MB, WORKER_MB,
# CPU_PARENT, CPU_WORKERS, CROSS_S, RC.
run_batch() {
  local n=$1 run=$2 log="$WORK/log-$1-$2" tm="$WORK/time-$1-$2"
  RC=0
  /usr/bin/time -v -o "$tm" "$BIN" batch "$WORK/archive-$n" -o "$WORK/out-$n" --jobs "$JOBS" --timeout "$TIMEOUT" \
    > "$WORK/summary-$n-$run" 2> "$log" || RC=$?
  WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {k=split($2,a,":"); s=0; for(i=1;i<=k;i++) s=s*60+a[i]; print s}' "$tm")
  TREE_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tm")
  local res; res=$(grep -m1 'resources:' "$log" || true)
  PARENT_MB=$(sed -n 's/.*parent peak RSS \([0-9.]*\) MiB.*/\1/p' <<<"$res"); PARENT_MB=${PARENT_MB:-?}
  WORKER_MB=$(sed -n 's/.*largest worker peak RSS \([0-9.]*\) MiB.*/\1/p' <<<"$res"); WORKER_MB=${WORKER_MB:-?}
  CPU_PARENT=$(sed -n 's/.*CPU parent \([0-9.]*\) s.*/\1/p' <<<"$res"); CPU_PARENT=${CPU_PARENT:-?}
  CPU_WORKERS=$(sed -n 's/.*workers \([0-9.]*\) s.*/\1/p' <<<"$res"); CPU_WORKERS=${CPU_WORKERS:-?}
  CROSS_S=$(sed -n 's/.*cross-report checks: .* in \([0-9.]*\) s.*/\1/p' "$log" | head -1)
  grep -q 'cross-report checks: archive unchanged' "$log" && CROSS_S="kept"
  CROSS_S=${CROSS_S:-?}
}

declare -A PER RSS DBB RERUN
printf '%-6s %-7s %9s %9s %9s %10s %10s %9s %11s %9s %11s %5s\n' \
  reports run wall_s ms/report cross_s parent_MiB worker_MiB cpu_par_s cpu_work_s db_MiB related_KiB exit
for n in "${SIZES[@]}"; do
  echo "making an archive of $n reports…" >&2
  rm -rf "$WORK/archive-$n" "$WORK/out-$n"; make_archive "$n" "$WORK/archive-$n"
  # As in a real archive, the files are older than the 2 s after which the batch trusts their
  # identity (FileIdentity.settleNanoseconds): hashed once, not read again by the re-run.
  sleep 3
  for run in first re-run; do
    echo "batch over $n reports ($run)…" >&2
    run_batch "$n" "$run"
    db="$WORK/out-$n/opsreport.sqlite"
    dbb=$(( $(stat -c %s "$db" 2>/dev/null || echo 0) + $(stat -c %s "$db-wal" 2>/dev/null || echo 0) ))
    rel=$(sqlite3 "$db" "SELECT COALESCE(SUM(length(related)), 0) FROM findings WHERE scope = 'archive'" 2>/dev/null || echo 0)
    printf '%-6s %-7s %9.2f %9.1f %9s %10s %10s %9s %11s %9.1f %11.1f %5s\n' "$n" "$run" "$WALL" "$(echo "1000 * $WALL / $n" | bc -l)" \
      "$CROSS_S" "$PARENT_MB" "$WORKER_MB" "$CPU_PARENT" "$CPU_WORKERS" "$(echo "$dbb / 1048576" | bc -l)" "$(echo "$rel / 1024" | bc -l)" "$RC"
    if [ "$run" = first ]; then PER[$n]=$(echo "$WALL / $n" | bc -l); RSS[$n]=$PARENT_MB; DBB[$n]=$(echo "$dbb / $n" | bc -l); fi
    [ "$run" = first ] || RERUN[$n]=$WALL
  done
  echo "(tree max RSS of the last run, /usr/bin/time: $(echo "$TREE_KB / 1024" | bc) MiB)" >&2
  [ -n "${KEEP_ARCHIVES:-}" ] || rm -rf "$WORK/archive-$n" "$WORK/out-$n/"*/
done
base=${SIZES[0]}
echo "growth against $base reports:"
for n in "${SIZES[@]}"; do
  [ "$n" = "$base" ] && continue
  printf '  %6s reports: time per report %.2fx, database bytes per report %.2fx, parent peak RSS %s\n' "$n" \
    "$(echo "${PER[$n]} / ${PER[$base]}" | bc -l)" "$(echo "${DBB[$n]} / ${DBB[$base]}" | bc -l)" \
    "$( [[ "${RSS[$n]}" == "?" || "${RSS[$base]}" == "?" ]] && echo "?" || printf '%.2fx' "$(echo "${RSS[$n]} / ${RSS[$base]}" | bc -l)")"
done
echo "targets (issue 11): time per report at 10000 within 1.2x of 100; parent and worker peak RSS < 64 MB; re-run over 10000 < 10 s"
echo "(load average now: $(cut -d' ' -f1-3 /proc/loadavg); logs in $WORK$( [ -n "${KEEP_ARCHIVES:-}" ] || echo ', removed at exit unless WORK is set'))"
