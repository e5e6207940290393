#!/usr/bin/env bash
# One command for players: installs the Debian packages, builds HighStep and starts the game.
# Extra arguments go to the game, e.g. `scripts/play.sh devices`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
jobs="$(nproc 2>/dev/null || echo 2)"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$root/build" --target highstep -j "$jobs"
exec "$root/build/game/app/highstep" "$@"
