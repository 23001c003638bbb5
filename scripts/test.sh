#!/usr/bin/env bash
# Sets up a fresh machine (scripts/setup.sh) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh debug
swift build --build-tests
scripts/readme-examples.sh debug   # the README's command examples, on the samples
swift test --skip-build --disable-swift-testing
# Short seeded hostile-input runs (issue 12): libFuzzer over the word-to-table pipeline and the
# JSON reader, then corpus mutants through `batch --jobs 2` (fails on a trap, hang or unclassified file).
scripts/fuzz.sh 20 1
python3 scripts/mutate-corpus.py --count 40 --seed 7 --round 40 --out out/mutants-ci
