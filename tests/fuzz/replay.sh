#!/usr/bin/env bash
# Runs every input of a campaign's grown corpora once, at normal priority, with the
# limits CI uses (5 s, 2 GB): the check that the campaign's inputs have no timeout
# hidden behind its long wall-clock allowance (see campaign.sh).
#   tests/fuzz/replay.sh BUILD_DIR OUT_DIR
set -uo pipefail
build="$1"; out="$2"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for dir in "$out"/fuzz_*/; do
    t="$(basename "$dir")"
    [ -x "$build/tests/fuzz/$t" ] || continue
    # -runs=0: load (run) the corpus once and stop.
    if "$build/tests/fuzz/$t" -runs=0 -timeout=5 -rss_limit_mb=2048 "$dir" >"$out/$t.replay.log" 2>&1; then
        echo "$t: $(ls "$dir" | wc -l) inputs, $(grep -oE 'INITED cov: [0-9]+ ft: [0-9]+' "$out/$t.replay.log")"
    else
        status=1; echo "$t: FAILED, see $out/$t.replay.log"
    fi
done
exit $status
