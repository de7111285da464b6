#!/usr/bin/env bash
# Slow, time-bounded checks of the hostile-input promise (CI runs this after pytest,
# under `timeout 900`): the long hypothesis profile, truncation of every fixture,
# the 50 MB page with a raised limit, the 10 MB text node, 100,000 siblings and
# 10,000 parses in one process. Run locally with: bash tests/ci_slow.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export NEWSPARSE_SLOW=1
export NEWSPARSE_FUZZ_PROFILE="${NEWSPARSE_FUZZ_PROFILE:-long}"
python -m pytest -m slow -q -p no:cacheprovider --durations=15 "$@"
