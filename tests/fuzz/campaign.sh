#!/usr/bin/env bash
# A long fuzzing campaign (docs/hardening.md): each target in turn, one at a time,
# at the lowest priority (HIGHSTEP_FUZZ_NICE, default 19), until it has run RUNS inputs
# or MAX_S seconds passed.
#   tests/fuzz/campaign.sh BUILD_DIR OUT_DIR [RUNS [MAX_S [TARGET...]]]
# The growing corpus and the log of each target go to OUT_DIR/<target>/ and
# OUT_DIR/<target>.log (crash inputs to OUT_DIR/<target>-crash-*); the seeds in
# tests/fuzz/corpus/ are only read. Exit status 1 if any target failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$1"; out="$2"; runs="${3:-10000000}"; max_s="${4:-86400}"; shift $(( $# < 4 ? $# : 4 ))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    # Cheapest first, so the small ones finish even if time runs out.
    targets=(fuzz_wii_calibration fuzz_wii_reports fuzz_synth_script fuzz_app_script fuzz_image fuzz_raw_log
             fuzz_recording fuzz_music fuzz_sounds fuzz_board_map fuzz_level fuzz_challenge_file)
fi
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
# libFuzzer's timeout is wall time. At nice 19 on a machine shared with builds a
# fuzzer can get well under 1 % of a core: a 0.6 ms input once "took" 41 s, all of
# it waiting to be scheduled. So the campaign allows 300 s (an endless loop is still
# caught), and replay.sh then runs the whole grown corpus at normal priority with
# the 5 s limit CI uses.
timeout_s="${HIGHSTEP_FUZZ_TIMEOUT_S:-300}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for t in "${targets[@]}"; do
    mkdir -p "$out/$t"
    echo "== $t ($(date -u +%H:%M:%S))"
    nice -n "${HIGHSTEP_FUZZ_NICE:-19}" "$build/tests/fuzz/$t" -runs="$runs" -max_total_time="$max_s" -timeout="$timeout_s" -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$out/$t-" "$out/$t" "$root/tests/fuzz/corpus/$t" \
        >"$out/$t.log" 2>&1 || { status=1; echo "   FAILED: see $out/$t.log"; }
    grep -E "^#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss_mb" "$out/$t.log" | sed 's/^/   /'
done
exit $status
