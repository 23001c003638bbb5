#!/bin/sh
# libFuzzer run over the word-to-table pipeline and the JSON reader (Sources/OpsReportFuzz).
#
#   scripts/fuzz.sh [SECONDS] [SEED]     default: 60 s, seed 1
#
# Builds the OpsReportFuzz product with Swift's -sanitize=fuzzer into .build/fuzz (a build of
# its own, leaving .build/debug alone), seeds the corpus with Tests/OpsReportTests/Fixtures/fuzz,
# and runs for SECONDS with at most 2 GiB of memory per input. A crasher is written to
# out/fuzz/crash-* (exit status 1): copy it into Tests/OpsReportTests/Fixtures/fuzz/ and the test
# suite replays it from then on (FuzzFixtureTests).
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
seed=${2:-1}
OPSREPORT_FUZZ_BUILD=1 swift build --product OpsReportFuzz --build-path .build/fuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -DFUZZING >&2
mkdir -p out/fuzz/corpus
cp Tests/OpsReportTests/Fixtures/fuzz/* out/fuzz/corpus/ 2>/dev/null || true
exec .build/fuzz/debug/OpsReportFuzz out/fuzz/corpus -max_total_time="$seconds" -seed="$seed" \
    -rss_limit_mb=2048 -timeout=20 -max_len=4096 -artifact_prefix=out/fuzz/ -print_final_stats=1
