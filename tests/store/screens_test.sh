#!/bin/sh
# The progress and plan screens in the real program under Xvfb: a player with
# stored sessions opens Progress (charts and calendar show them) and Today's
# plan (warm-up and step-ups at the first rung), with screenshots.
# Usage: screens_test.sh HIGHSTEP_BINARY SOURCE_DIR [SCREENSHOT_DIR]
set -eu
H=$1
SRC=$2
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "SKIP: xvfb-run is not installed (scripts/install-deps.sh installs it)"
    exit 77
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
SHOTS=${3:-$T}
G=$SRC/tests/data/golden
"$H" play --level tower-1 --replay "$G/tower-1-steady.csv" --headless --player Ada --db "$T/t.db" >/dev/null 2>&1
"$H" play --level hill-1 --replay "$G/hill-1-full-program.csv" --headless --player Ada --db "$T/t.db" >/dev/null 2>&1
"$H" play --level hill-1 --replay "$G/hill-1-full-program.csv" --headless --player Ada --db "$T/t.db" >/dev/null 2>&1
cat >"$T/script" <<SCRIPT
wait_scene title
# Play, Learn the moves, Today's plan, Progress.
key Down
key Down
key Down
key Return
wait_scene progress
# Opens on the level played last (hill-1: two sessions), one training day.
wait_probe sessions == 2
wait_probe days == 1
screenshot $SHOTS/store-progress.bmp
# Up: all levels.
key Up
wait_probe sessions == 3
key Escape
wait_scene title
key Up
key Return
wait_scene plan
wait_probe items == 2
wait_probe rung == 0
screenshot $SHOTS/store-plan.bmp
quit
SCRIPT
SDL_VIDEODRIVER=x11 ALSOFT_DRIVERS=null xvfb-run -a -s "-screen 0 1280x720x24" \
    "$H" --script "$T/script" --db "$T/t.db" --player Ada --mute --software --window 1280x720
for shot in store-progress store-plan; do
    size=$(wc -c <"$SHOTS/$shot.bmp")
    # A 1280x720 frame as a BMP is 3.6 MB; anything much smaller was not drawn.
    if [ "$size" -lt 1000000 ]; then
        echo "FAIL: $shot.bmp is only $size bytes"
        exit 1
    fi
done
echo "screens ok"
