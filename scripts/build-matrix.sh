#!/usr/bin/env bash
# Builds a clean clone of this repository's HEAD with every compiler and build type a
# packager may use, with the project's defaults (docs/install.md, "Building for a
# distribution or by hand"), and prints one line per build: exit status, minutes and
# the number of compiler warnings (0 means -Werror would pass too). Not part of CI: a
# whole matrix is eight full builds, about 20 core-minutes each.
#
#   scripts/build-matrix.sh OUT_DIR [COMPILER:TYPE ...]
#   e.g. scripts/build-matrix.sh /tmp/matrix gcc:MinSizeRel clang:Debug
#
# COMPILER is gcc or clang, TYPE a CMAKE_BUILD_TYPE; without any, all eight. Uses
# ccache when it is installed. Exit status 1 if any build failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 1 ]; then
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
out="$1"
shift
configs=("$@")
if [ ${#configs[@]} -eq 0 ]; then
    for cc in gcc clang; do
        for type in Debug Release RelWithDebInfo MinSizeRel; do configs+=("$cc:$type"); done
    done
fi
for cfg in "${configs[@]}"; do
    case "${cfg%%:*}" in
        gcc | clang) ;;
        *) echo "build-matrix: unknown compiler in '$cfg' (gcc or clang)" >&2; exit 2 ;;
    esac
done
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
commit="$(git -C "$root" rev-parse HEAD)"
mkdir -p "$out"
rm -rf "$out/src"
git clone -q "$root" "$out/src" && git -C "$out/src" checkout -q "$commit" || exit 1
status=0
for cfg in "${configs[@]}"; do
    cc="${cfg%%:*}"
    type="${cfg#*:}"
    case "$cc" in
        gcc) export CC=gcc CXX=g++ ;;
        clang) export CC=clang CXX=clang++ ;;
    esac
    build="$out/build-$cc-$type"
    log="$out/$cc-$type.log"
    rm -rf "$build"
    start=$(date +%s)
    { cmake -S "$out/src" -B "$build" -DCMAKE_BUILD_TYPE="$type" "${launcher[@]}" &&
      cmake --build "$build" -j"$(nproc)"; } >"$log" 2>&1
    rc=$?
    [ $rc -eq 0 ] || status=1
    printf '%-6s %-15s exit %d  %3d min  %d warnings  %s (%s)\n' "$cc" "$type" "$rc" \
        $(( ($(date +%s) - start + 30) / 60 )) "$(grep -c 'warning:' "$log")" "${commit:0:7}" "$log"
done
exit $status
