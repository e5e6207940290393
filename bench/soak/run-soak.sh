#!/bin/sh
# The long soak of docs/hardening.md, run once by hand and reported in
# bench/README.md ("Soak"): eight hours of headless play compressed, then the
# game window for 30 minutes of game time under --fixed-frame-ms, watching
# resident memory (VmRSS), open file descriptors and threads.
#
# Usage: bench/soak/run-soak.sh BUILD_DIR [WINDOW_GAME_MINUTES=30] [HEADLESS_PLAY_S=28800]
# Needs test_soak and highstep built in BUILD_DIR, and Xvfb. Runs at nice 19.
set -eu
B=$(cd "$1" && pwd)
MIN=${2:-30}
PLAY_S=${3:-28800}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'kill $XVFB 2>/dev/null || true; rm -rf "$T"' EXIT

echo "== headless: $PLAY_S s of play, sessions back to back in one process =="
start=$(date +%s)
HIGHSTEP_SOAK_PLAY_S=$PLAY_S nice -n 19 "$B/tests/soak/test_soak" | grep '\[soak\]\|OK\|FAILED'
echo "   took $(( $(date +%s) - start )) s"

echo "== window: $MIN minutes of game time, tower-1 over and over on the simulated board =="
# Only tower-1 in the level list, so Enter picks it; the simulated player
# stands on both feet and holds still: three 10 s holds a session.
mkdir -p "$T/levels"
cp "$SRC/levels/tower-1.json" "$T/levels/"
{
    printf 'wait_scene title 20\nkey Return\nwait_scene weigh_in\nkey Return\nwait_scene levels\nkey Return\nwait_scene play\nkey a\nkey d\n'
    i=0
    # Each round is about 45 s of game time; enough rounds for the minutes asked.
    rounds=$(( MIN * 60 / 40 + 1 ))
    while [ $i -lt $rounds ]; do
        printf 'wait_probe finished == 1 600\nwait_scene results 10\nwait 1\nkey Down\nkey Return\nwait_scene play\n'
        i=$((i + 1))
    done
    printf 'quit\n'
} >"$T/script"
Xvfb :93 -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
sleep 1
DISPLAY=:93 SDL_VIDEODRIVER=x11 ALSOFT_DRIVERS=null nice -n 19 "$B/game/app/highstep" --script "$T/script" \
    --player Soak --db "$T/soak.db" --levels "$T/levels" --mute --software --simulated \
    --fixed-frame-ms 16.667 --window 1280x720 2>"$T/err" &
GAME=$!
sample() {
    rss=$(awk '/^VmRSS/ {print $2}' /proc/$GAME/status 2>/dev/null || echo 0)
    thr=$(awk '/^Threads/ {print $2}' /proc/$GAME/status 2>/dev/null || echo 0)
    fds=$(ls /proc/$GAME/fd 2>/dev/null | wc -l)
    echo "$(( $(date +%s) - wstart )) $rss $fds $thr"
}
wstart=$(date +%s)
echo "# wall_s VmRSS_kB fds threads" >"$T/usage"
while kill -0 $GAME 2>/dev/null; do
    sample >>"$T/usage"
    sleep 10
done
wait $GAME || { echo "the game failed:"; cat "$T/err"; exit 1; }
sessions=$(sqlite3 "$T/soak.db" "SELECT count(*) FROM sessions WHERE state = 'finished'")
# Growth from the end of the warm-up (the first third of the run: the font
# cache, glyph textures and SQLite's page cache fill) to the end, and the range
# after it; the whole series is kept in usage.txt next to the build.
cp "$T/usage" "$B/soak-window-usage.txt"
awk -v s="$sessions" 'NR > 1 && $2 > 0 { n++; t[n] = $1; r[n] = $2; f[n] = $3; h[n] = $4 }
     END { w = int(n / 3) + 1; lo = r[w]; hi = r[w]; flo = f[w]; fhi = f[w]
           for (i = w; i <= n; i++) { if (r[i] < lo) lo = r[i]; if (r[i] > hi) hi = r[i]; if (f[i] < flo) flo = f[i]; if (f[i] > fhi) fhi = f[i] }
           printf "   %d samples, %d sessions finished. VmRSS: %d kB at %d s (start), %d kB at %d s (end of warm-up), %d kB at the end: growth after the warm-up %d kB (range %d-%d kB)\n",
                  n, s, r[2], t[2], r[w], t[w], r[n], r[n] - r[w], lo, hi
           printf "   fds %d -> %d (range after the warm-up %d-%d; the font cache holds up to 48 open fonts); threads %d -> %d\n",
                  f[w], f[n], flo, fhi, h[w], h[n] }' "$T/usage"
echo "   took $(( $(date +%s) - wstart )) s of wall time"
