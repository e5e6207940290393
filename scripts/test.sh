#!/usr/bin/env bash
# One command for maintainers and CI: installs the Debian packages, builds everything
# (game, tests, benchmarks) with warnings as errors and runs the whole test suite
# twice: a normal build and an AddressSanitizer + UndefinedBehaviorSanitizer build.
# The normal build is also installed, moved, run and packed (scripts/check-install.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
jobs="$(nproc 2>/dev/null || echo 2)"

# Tests never need a sound card or a display of the user's: audio goes to OpenAL's
# null driver, screen tests start their own Xvfb.
export ALSOFT_DRIVERS=null
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

echo "== normal build =="
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHIGHSTEP_WERROR=ON
cmake --build "$root/build" -j "$jobs"
ctest --test-dir "$root/build" --output-on-failure -j "$jobs" --timeout 900

# ---- install and package (issue 15): the normal build installed, moved, run, packed ----
echo "== install, move, run, .deb =="
"$root/scripts/check-install.sh" "$root/build"
# ---- end of install and package ----

echo "== ASan + UBSan build =="
cmake -S "$root" -B "$root/build-asan" -DCMAKE_BUILD_TYPE=Debug -DHIGHSTEP_WERROR=ON -DHIGHSTEP_SANITIZE=ON -DHIGHSTEP_BUILD_BENCH=OFF
cmake --build "$root/build-asan" -j "$jobs"
ctest --test-dir "$root/build-asan" --output-on-failure -j "$jobs" --timeout 1800 -LE no_sanitizer

# ---- hardening: libFuzzer targets and ThreadSanitizer (docs/hardening.md) ----------
# Kept in one block of its own. clang builds only the libraries these need.
echo "== libFuzzer targets (clang, ASan + UBSan), 10 s each on their corpus =="
CC=clang CXX=clang++ cmake -S "$root" -B "$root/build-fuzz" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHIGHSTEP_FUZZ=ON \
    -DHIGHSTEP_BUILD_APP=OFF -DHIGHSTEP_BUILD_TESTS=OFF -DHIGHSTEP_BUILD_BENCH=OFF
cmake --build "$root/build-fuzz" -j "$jobs" --target fuzz
fuzz_scratch="$(mktemp -d)"
for corpus in "$root"/tests/fuzz/corpus/*/; do
    target="$(basename "$corpus")"
    mkdir -p "$fuzz_scratch/$target"
    regressions=()  # inputs that once crashed this target run first, with the seeds
    [ -d "$root/tests/fuzz/regressions/$target" ] && regressions=("$root/tests/fuzz/regressions/$target")
    # New inputs go to the scratch folder; the committed seeds are only read.
    "$root/build-fuzz/tests/fuzz/$target" -max_total_time=10 -timeout=5 -rss_limit_mb=2048 \
        -artifact_prefix="$fuzz_scratch/$target-" "$fuzz_scratch/$target" "$corpus" "${regressions[@]}" \
        2>"$fuzz_scratch/$target.log" ||
        { tail -n 60 "$fuzz_scratch/$target.log"; echo "$target FAILED (input saved under $fuzz_scratch)"; exit 1; }
    grep -E "^#[0-9]+[[:space:]]+DONE" "$fuzz_scratch/$target.log" | sed "s/^/$target /" || true
done
rm -rf "$fuzz_scratch"

echo "== ThreadSanitizer: board reader threads and queue, background recorder, music thread =="
CC=clang CXX=clang++ cmake -S "$root" -B "$root/build-tsan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHIGHSTEP_TSAN=ON \
    -DHIGHSTEP_BUILD_APP=OFF -DHIGHSTEP_BUILD_BENCH=OFF
cmake --build "$root/build-tsan" -j "$jobs" --target test_hid test_store test_audio
TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1" "$root/build-tsan/tests/hid/test_hid"
TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1" "$root/build-tsan/tests/store/test_store"
# The music stream's thread beside the game thread, on OpenAL Soft's null device.
# OMP_NUM_THREADS=1: Debian's FluidSynth renders with OpenMP, and TSan cannot see
# the synchronisation inside the uninstrumented libgomp (it reports libgomp's own
# thread-team setup as a race); one OpenMP thread leaves only our threads to check.
OMP_NUM_THREADS=1 TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1" "$root/build-tsan/tests/audio/test_audio" \
    --gtest_filter='MusicThread.*:MusicClock.*'
# ---- end of hardening ----------------------------------------------------------------

echo "== all tests passed =="
