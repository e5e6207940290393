#!/usr/bin/env bash
# Source coverage of the fuzz targets (docs/hardening.md, "Coverage"): what share of
# each parser's lines and regions a corpus reaches, measured by clang's source-based
# coverage rather than libFuzzer's cov/ft counts.
#   tests/fuzz/coverage.sh BUILD_DIR CORPUS_DIR OUT [TARGET...]
# Configures and builds BUILD_DIR (its own build: -DHIGHSTEP_FUZZ_COVERAGE=ON, no
# sanitizers, no libFuzzer), runs each target once over CORPUS_DIR/<target>/ and its
# seeds (tests/fuzz/corpus/<target>/), and writes OUT/<target>.profdata, OUT/<target>.json
# (llvm-cov export) and OUT/coverage.md, the table it prints: line and region coverage
# of each parser source file, and of all the project's code the target reaches.
# One process at a time, at normal priority (HIGHSTEP_COVERAGE_JOBS=N builds with N).
# A report tool: not part of scripts/test.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ $# -lt 3 ]; then
    echo "usage: $0 BUILD_DIR CORPUS_DIR OUT [TARGET...]" >&2
    exit 2
fi
build="$1"; corpus="$2"; out="$3"; shift 3
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(fuzz_recording fuzz_wii_reports fuzz_wii_calibration fuzz_raw_log fuzz_board_map
             fuzz_level fuzz_challenge_file fuzz_synth_script fuzz_app_script fuzz_music fuzz_image fuzz_sounds)
fi

# The parser source files each target is there to exercise (the table's rows).
declare -A parsers=(
    [fuzz_recording]="input/src/recording_reader.cpp"
    [fuzz_wii_reports]="input/hid/src/wii_decoder.cpp input/hid/src/wii_protocol.cpp"
    [fuzz_wii_calibration]="input/hid/src/wii_calibration.cpp"
    [fuzz_raw_log]="input/hid/src/raw_log.cpp input/hid/src/generic_board.cpp"
    [fuzz_board_map]="input/hid/src/generic_board.cpp input/hid/src/json_with_lines.cpp"
    [fuzz_level]="game/core/src/level/level.cpp game/core/src/level/scoring_settings.cpp"
    [fuzz_challenge_file]="game/store/src/challenge_file.cpp game/store/src/json_locate.cpp game/store/src/text_checks.cpp"
    [fuzz_synth_script]="input/synth/src/script_parser.cpp"
    [fuzz_app_script]="game/app/src/script.cpp"
    [fuzz_music]="game/app/src/music_score.cpp game/app/src/asset_text.cpp"
    [fuzz_image]="game/app/src/image_file.cpp"
    [fuzz_sounds]="game/app/src/sound_file.cpp game/app/src/asset_text.cpp"
)

# llvm-profdata and llvm-cov of clang's own version (Debian: package llvm-14 / llvm).
major="$(clang --version | sed -nE 's/.*clang version ([0-9]+).*/\1/p' | head -n 1)"
tool() {
    for c in "$1-$major" "/usr/lib/llvm-$major/bin/$1" "$1"; do
        if command -v "$c" >/dev/null 2>&1; then echo "$c"; return; fi
    done
    echo "$0: $1 not found (install Debian's llvm-$major)" >&2
    exit 1
}
profdata="$(tool llvm-profdata)"
cov="$(tool llvm-cov)"

mkdir -p "$out"
echo "== configure and build $build ($(date -u +%H:%M:%S))"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHIGHSTEP_FUZZ_COVERAGE=ON \
    -DHIGHSTEP_BUILD_APP=OFF -DHIGHSTEP_BUILD_TESTS=OFF -DHIGHSTEP_BUILD_BENCH=OFF >"$out/configure.log" 2>&1 ||
    { tail -n 30 "$out/configure.log"; exit 1; }
cmake --build "$build" -j "${HIGHSTEP_COVERAGE_JOBS:-1}" --target "${targets[@]}" >"$out/build.log" 2>&1 ||
    { tail -n 30 "$out/build.log"; exit 1; }

for t in "${targets[@]}"; do
    inputs=()
    [ -d "$corpus/$t" ] && inputs+=("$corpus/$t")
    [ -d "$root/tests/fuzz/corpus/$t" ] && inputs+=("$root/tests/fuzz/corpus/$t")
    rm -f "$out/$t.profraw"
    echo "== $t ($(date -u +%H:%M:%S)): ${inputs[*]}"
    LLVM_PROFILE_FILE="$out/$t.profraw" "$build/tests/fuzz/$t" "${inputs[@]}" >"$out/$t.run.log" 2>&1 ||
        { tail -n 20 "$out/$t.run.log"; echo "$t FAILED on an input (see $out/$t.run.log)"; exit 1; }
    "$profdata" merge -sparse -o "$out/$t.profdata" "$out/$t.profraw"
    rm -f "$out/$t.profraw"
    "$cov" export -summary-only -instr-profile="$out/$t.profdata" "$build/tests/fuzz/$t" >"$out/$t.json"
    echo "$t ${parsers[$t]:-}" >>"$out/targets.txt.new"
done
mv "$out/targets.txt.new" "$out/targets.txt"

python3 - "$root" "$out" "$corpus" <<'PY'
import json, os, sys
root, out, corpus = sys.argv[1], sys.argv[2], sys.argv[3]
def pct(c, n):
    return f"{c}/{n} ({100.0 * c / n:.1f} %)" if n else "–"
rows = ["| target | inputs | source file | functions | lines | regions |", "|---|---:|---|---:|---:|---:|"]
for line in open(os.path.join(out, "targets.txt")):
    t, *files = line.split()
    data = json.load(open(os.path.join(out, t + ".json")))["data"][0]["files"]
    by_name = {os.path.relpath(f["filename"], root): f["summary"] for f in data}
    inputs = sum(len(os.listdir(d)) for d in (os.path.join(corpus, t), os.path.join(root, "tests/fuzz/corpus", t))
                 if os.path.isdir(d))
    for i, name in enumerate(files):
        s = by_name.get(name)
        funcs = pct(s["functions"]["covered"], s["functions"]["count"]) if s else "not linked"
        lines = pct(s["lines"]["covered"], s["lines"]["count"]) if s else ""
        regions = pct(s["regions"]["covered"], s["regions"]["count"]) if s else ""
        rows.append(f"| {t if i == 0 else ''} | {inputs if i == 0 else ''} | `{name}` | {funcs} | {lines} | {regions} |")
    # All of the project's own code in the binary (not the fuzz target, not system headers).
    own = [s for n, s in by_name.items() if not n.startswith(("..", "tests/")) and not os.path.isabs(n)]
    fc = sum(s["functions"]["covered"] for s in own); fn = sum(s["functions"]["count"] for s in own)
    lc = sum(s["lines"]["covered"] for s in own); ln = sum(s["lines"]["count"] for s in own)
    rc = sum(s["regions"]["covered"] for s in own); rn = sum(s["regions"]["count"] for s in own)
    rows.append(f"| | | all the project's code in the binary, files: {len(own)} | {pct(fc, fn)} | {pct(lc, ln)} | {pct(rc, rn)} |")
text = "\n".join(rows) + "\n"
open(os.path.join(out, "coverage.md"), "w").write(text)
print(text, end="")
PY
