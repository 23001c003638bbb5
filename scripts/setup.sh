#!/usr/bin/env bash
# Installs what OpsReport needs on a fresh Debian/Ubuntu machine, then builds it.
# Idempotent: installs only what is missing. Usage: scripts/setup.sh [release|debug]
set -euo pipefail
cd "$(dirname "$0")/.."
config="${1:-debug}"

need=()
pkg-config --exists poppler-glib 2>/dev/null || need+=(libpoppler-glib-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v pdftotext >/dev/null || need+=(poppler-utils)   # only for the benchmark's baseline
pkg-config --exists cairo 2>/dev/null || need+=(libcairo2-dev)            # page rendering (through poppler-glib)
pkg-config --exists tesseract 2>/dev/null || need+=(libtesseract-dev)     # OCR of scans
[ -e /usr/share/tesseract-ocr/5/tessdata/eng.traineddata ] || need+=(tesseract-ocr-eng)
pkg-config --exists xlsxwriter 2>/dev/null || need+=(libxlsxwriter-dev)   # xlsx output
command -v chromium >/dev/null || need+=(chromium)                        # browser tests of the audit page
command -v qpdf >/dev/null || need+=(qpdf)                                # test fixtures made from the corpus
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)         # fonts of the generated test PDFs
[ -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || need+=(fonts-liberation)
command -v sqlite3 >/dev/null || need+=(sqlite3)                          # the README's database example
if [ "${#need[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The schema tests validate with Python's jsonschema (an independent validator).
# A system Python that refuses pip (PEP 668, Debian 12) gets it with --break-system-packages
# (user site only) or from apt; scripts/validate-json.py works with either version.
if ! python3 -c 'import jsonschema' 2>/dev/null; then
  echo "setup: installing python jsonschema" >&2
  python3 -m pip install -q jsonschema 2>/dev/null \
    || python3 -m pip install -q --user --break-system-packages jsonschema 2>/dev/null \
    || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"; $SUDO apt-get install -y -qq python3-jsonschema >/dev/null; }
fi
command -v swift >/dev/null || { echo "setup: Swift 6 toolchain not found on PATH (see https://swift.org/install)" >&2; exit 1; }
if [ "$config" = release ]; then swift build -c release --static-swift-stdlib --product opsreport >&2; else swift build --product opsreport >&2; fi
