#!/usr/bin/env bash
# Usage: tools/pyverify/compare.sh ROUND_FOLDER [--fingerprint FP] [--strict]
# Runs `avault verify --json` (.build/debug/avault, or $AVAULT) and the independent Python verifier,
# and fails unless they agree on every check id's status and on the overall verdict.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${AVAULT:-$here/../../.build/debug/avault}"
exec python3 "$here/compare.py" --bin "$bin" "$@"
