#!/usr/bin/env bash
# Retakes the play screenshots in docs/ from the built game: each level type on its
# golden recording, a knee drive held on the simulated board, under Xvfb with the
# software renderer at 1280x720. Run after scripts/test.sh (or any build):
#
#   scripts/doc-screenshots.sh [BUILD_DIR]        # default: build
#
# The challenge and ghost-race shots come from the screen tests
# (BUILD_DIR/tests/app/screens/), see docs/app.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
game="$build/game/app/highstep"
if [[ ! -x "$game" ]]; then
    echo "doc-screenshots: $game is not built (run scripts/test.sh or cmake --build $build)" >&2
    exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
golden="$root/tests/data/golden"

# shot NAME RECORDING|- SCRIPT_LINES...: plays the script, converts NAME.bmp to docs/NAME.png.
shot() {
    local name="$1" replay="$2"
    shift 2
    printf '%s\n' "$@" > "$work/$name.txt"
    local board=(--simulated)
    [[ "$replay" != "-" ]] && board=(--replay "$golden/$replay")
    SDL_VIDEODRIVER=x11 ALSOFT_DRIVERS=null XDG_DATA_HOME="$work/data" \
        xvfb-run -a -s '-screen 0 1280x720x24' "$game" --software --window 1280x720 --player Docs \
        --db "$work/$name.db" --levels "$root/levels" "${board[@]}" --script "$work/$name.txt"
    convert "$work/$name.bmp" "$root/docs/$name.png"
    echo "docs/$name.png"
}

to_level=("key Return" "wait_scene weigh_in" "key Return" "wait_scene levels")
shot app-hill-climb hill-1-full-program.csv "${to_level[@]}" "key Return" "wait_scene play" \
    "wait_probe reps >= 1 120" "wait 0.3" "screenshot $work/app-hill-climb.bmp" quit
shot app-sprint-start sprint-1-full-program.csv "${to_level[@]}" "key Right" "key Return" "wait_scene play" \
    "wait_probe reps >= 3 120" "wait 0.6" "screenshot $work/app-sprint-start.bmp" quit
shot app-balance-tower tower-1-steady.csv "${to_level[@]}" "key Right" "key Right" "key Return" \
    "wait_scene play" "wait 12" "screenshot $work/app-balance-tower.bmp" quit
# Both feet on, the count-in over, then the left knee driven up (Q held).
shot app-sprint-knee - "${to_level[@]}" "key Right" "key Return" "wait_scene play" "key a" "key d" \
    "wait 5" "down q" "wait 1.2" "screenshot $work/app-sprint-knee.bmp" "up q" quit
