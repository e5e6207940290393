#!/bin/sh
# The store's commands end to end: two players play headless sessions, the
# tables and the export read them back, a challenge travels to another
# household and back, and a hostile challenge file changes nothing.
# Usage: cli_test.sh HIGHSTEP_BINARY SOURCE_DIR
set -eu
H=$1
SRC=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
G=$SRC/tests/data/golden
fail() { echo "FAIL: $*"; exit 1; }

"$H" players add Ada --leg left --db "$T/home.db" >/dev/null
"$H" challenge household Lovelace --db "$T/home.db" >/dev/null
"$H" challenge create "Family cup" --levels hill-1,tower-1 --db "$T/home.db" >/dev/null
for p in Ada Bob; do
    "$H" play --level hill-1 --replay "$G/hill-1-full-program.csv" --headless --player $p --db "$T/home.db" \
        --challenge "Family cup" >"$T/$p.json" 2>"$T/$p.err"
    grep -q '"score"' "$T/$p.json" || fail "play printed no result JSON"
    grep -q "stored as session" "$T/$p.err" || fail "play did not store the run: $(cat "$T/$p.err")"
done
grep -q "added new player 'Bob'" "$T/Bob.err" || fail "Bob was not added on first play"
"$H" play --level tower-1 --replay "$G/tower-1-steady.csv" --headless --player Ada --db "$T/home.db" \
    --challenge "Family cup" >/dev/null 2>&1

"$H" scores --db "$T/home.db" >"$T/scores.txt"
grep -q "^hill-1 - " "$T/scores.txt" || fail "no hill-1 table"
grep -q "^tower-1 - " "$T/scores.txt" || fail "no tower-1 table"
# Equal scores and steadiness: the earlier run (Ada) ranks first.
first=$(grep -A2 "^hill-1" "$T/scores.txt" | tail -1 | awk '{print $1, $2}')
[ "$first" = "1 Ada" ] || fail "hill-1 first place is '$first'"
"$H" scores --level hill-1 --player Bob --db "$T/home.db" | grep -q " Bob " || fail "Bob's own table"

"$H" export --player Ada "$T/ada.csv" --db "$T/home.db" 2>/dev/null
[ "$(grep -vc '^#' "$T/ada.csv")" -eq 3 ] || fail "export should have a header and 2 sessions"
head -1 "$T/ada.csv" | grep -q "highstep player history v1" || fail "export has no format line"

"$H" players plan Ada --day 2026-01-05 --db "$T/home.db" | grep -q "Warm-up on tower-1" || fail "plan has no warm-up"

"$H" challenge export "Family cup" "$T/cup.json" --db "$T/home.db" >/dev/null
"$H" challenge import "$T/cup.json" --db "$T/away.db" | grep -q "3 new results" || fail "import into the other household"
"$H" play --level tower-1 --replay "$G/tower-1-steady.csv" --headless --player Carol --db "$T/away.db" \
    --challenge "Family cup" >/dev/null 2>&1
"$H" challenge export "Family cup" "$T/reply.json" --db "$T/away.db" >/dev/null
"$H" challenge import "$T/reply.json" --db "$T/home.db" | grep -q "1 new result, 3 already here" ||
    fail "the reply did not bring exactly Carol's result"
"$H" challenge show "Family cup" --db "$T/home.db" >"$T/show.txt"
grep -q "Carol" "$T/show.txt" || fail "Carol is not on the home leaderboard"
lead=$(grep -A1 "  rank  player" "$T/show.txt" | tail -1 | awk '{print $1, $2}')
[ "$lead" = "1 Ada" ] || fail "leaderboard leader is '$lead'"

# A hostile file: refused with the file and line, nothing changes.
before=$("$H" challenge show "Family cup" --db "$T/home.db" | md5sum)
sed 's/"score": [0-9.]*/"score": "lots"/' "$T/reply.json" >"$T/bad.json"
if "$H" challenge import "$T/bad.json" --db "$T/home.db" 2>"$T/bad.err"; then fail "hostile file accepted"; fi
grep -q "bad.json:[0-9]*: entries\[0\].score: must be a number" "$T/bad.err" || fail "unclear message: $(cat "$T/bad.err")"
after=$("$H" challenge show "Family cup" --db "$T/home.db" | md5sum)
[ "$before" = "$after" ] || fail "the hostile import changed the database"

# Usage errors exit 2, runtime errors 1.
set +e
"$H" scores --bogus >/dev/null 2>&1; [ $? -eq 2 ] || fail "unknown option is not a usage error"
"$H" export --player Nobody "$T/x.csv" --db "$T/home.db" 2>/dev/null; [ $? -eq 1 ] || fail "unknown player"
set -e
echo "cli ok"
