#!/usr/bin/env bash
# Sets up a fresh machine (scripts/setup.sh) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh debug
swift build --build-tests
scripts/readme-examples.sh debug   # the README's command examples, on the samples
swift test --skip-build --disable-swift-testing
