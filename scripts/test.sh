#!/usr/bin/env bash
# Sets up a fresh machine (scripts/setup.sh) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# The pixel and layout modules are built with -O inside the debug build (Package.swift): the
# scan tests take minutes in their loops unoptimised. Set before setup.sh's build, so the
# modules are compiled once.
export OPSREPORT_OPTIMISED_DEBUG=1
scripts/setup.sh debug
# The audit page's browser tests must run here, never skip: Chromium (Debian's `chromium`,
# installed by setup.sh) must be on PATH, and a missing browser fails those tests.
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
    echo "error: chromium is not on PATH (PATH=$PATH); scripts/setup.sh installs it (apt package chromium)." >&2
    exit 1
fi
export OPSREPORT_REQUIRE_BROWSER=1
swift build --build-tests
scripts/readme-examples.sh debug   # the README's command examples, on the samples
swift test --skip-build --disable-swift-testing
# Short seeded hostile-input runs (issue 12): libFuzzer over the word-to-table pipeline and the
# JSON reader, then corpus mutants through `batch --jobs 2` (fails on a trap, hang or unclassified file).
scripts/fuzz.sh 20 1
python3 scripts/mutate-corpus.py --count 40 --seed 7 --round 40 --out out/mutants-ci
