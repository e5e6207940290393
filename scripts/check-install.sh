#!/usr/bin/env bash
# Checks HighStep as a player gets it, from a build tree that scripts/test.sh built
# (no second build): installs into a staging folder, moves the installed tree
# elsewhere and runs the program from there (version, a level played headless by
# id, the title drawn in a window under Xvfb, the player's folders made on the
# first run), validates the desktop entry and AppStream metainfo, builds the .deb
# with CPack and lists it. docs/install.md describes what is installed where.
#
#   scripts/check-install.sh [BUILD_DIR]        # default: build
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "check-install: $*" >&2; exit 1; }

# The files only `install` needs (icons, man page); everything else is built.
cmake --build "$build" --target highstep highstep_icons highstep_man

echo "-- install into a staging folder, then move it"
DESTDIR="$work/stage" cmake --install "$build" --prefix /opt/highstep > "$work/install.log"
mv "$work/stage/opt/highstep" "$work/moved"
tree="$work/moved"
prog="$tree/bin/highstep"
for f in bin/highstep share/highstep/levels/hill-1.json share/highstep/assets/sounds/effects.sounds \
         share/highstep/assets/music/front-porch.music share/highstep/assets/images/icon.image \
         share/applications/org.highstep.HighStep.desktop share/metainfo/org.highstep.HighStep.metainfo.xml \
         share/icons/hicolor/scalable/apps/highstep.svg share/icons/hicolor/48x48/apps/highstep.png \
         share/icons/hicolor/256x256/apps/highstep.png share/man/man6/highstep.6.gz \
         lib/udev/rules.d/60-highstep.rules share/doc/highstep/copyright share/doc/highstep/LICENSE; do
    [[ -e "$tree/$f" ]] || fail "the install has no $f"
done
[[ ! -e "$root/assets" || -d "$tree/share/highstep/assets" ]] || fail "assets/ was not installed"
rules="$(grep -v '^#' "$tree/lib/udev/rules.d/60-highstep.rules" | grep hidraw)"
[[ "$(grep -c 'TAG+="uaccess"' <<< "$rules")" == "$(wc -l <<< "$rules")" ]] || fail "a udev line without uaccess"
grep -q '057E:0306' <<< "$rules" && grep -q 'idVendor' <<< "$rules" || fail "the udev rule lacks the Bluetooth or USB board"

echo "-- run the moved program"
version="$(sed -n 's/^project(HighStep VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")"
[[ "$("$prog" --version)" == "highstep $version" ]] || fail "--version says '$("$prog" --version)', not $version"
home="$work/home"
mkdir -p "$home"
player=(env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u HIGHSTEP_DATA_DIR HOME="$home")
replay="$root/tests/data/golden/hill-1-full-program.csv"
"${player[@]}" "$prog" play --level hill-1 --replay "$replay" --headless > "$work/moved.json"
"$build/game/app/highstep" play --level hill-1 --replay "$replay" --headless > "$work/build.json"
cmp -s "$work/moved.json" "$work/build.json" || fail "the moved program played hill-1 differently: $(cat "$work/moved.json")"
# The levels come from the moved tree: one taken out of it is missing there.
rm "$tree/share/highstep/levels/tower-3.json"
if "${player[@]}" "$prog" play --level tower-3 --replay "$replay" --headless 2> "$work/err.txt"; then
    fail "tower-3 was found although the moved tree has no tower-3.json"
fi
grep -qF "$tree/share/highstep/levels/tower-3.json" "$work/err.txt" || fail "not looked up in the moved tree: $(cat "$work/err.txt")"

echo "-- the window under Xvfb, from a clean home folder"
printf '%s\n' "wait_scene title 30" "wait 0.5" "screenshot $work/title.bmp" quit > "$work/title.txt"
"${player[@]}" SDL_VIDEODRIVER=x11 ALSOFT_DRIVERS=null xvfb-run -a -s '-screen 0 1280x720x24' \
    "$prog" --software --window 1280x720 --simulated --script "$work/title.txt"
# The title's big light letters in the top middle of the screen.
light="$(convert "$work/title.bmp" -crop 640x180+320+40 +repage -fx '(r>0.85&&g>0.85&&b>0.85)?1:0' \
         -format '%[fx:mean]' info:)"
awk -v f="$light" 'BEGIN { exit !(f > 0.02) }' || fail "no title drawn (light share $light of the title area)"
[[ -f "$home/.local/share/highstep/highstep.db" ]] || fail "the first run made no database in ~/.local/share/highstep"
[[ -d "$home/.config/highstep/boards" ]] || fail "the first run made no ~/.config/highstep/boards"

echo "-- validate the desktop entry and the metainfo"
desktop-file-validate "$tree/share/applications/org.highstep.HighStep.desktop"
appstreamcli validate --no-net --strict "$tree/share/metainfo/org.highstep.HighStep.metainfo.xml"

echo "-- the .deb"
(cd "$build" && cpack -G DEB -B "$work/deb" > "$work/cpack.log") || { cat "$work/cpack.log"; fail "cpack failed"; }
deb="$(ls "$work/deb"/*.deb)"
listing="$(dpkg -c "$deb")"
echo "$listing"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
grep -q 'libsdl2' <<< "$depends" || fail "the package's dependencies were not computed from the binary"
for f in ./usr/bin/highstep ./usr/share/highstep/levels/hill-1.json ./usr/share/highstep/assets/sounds/effects.sounds \
         ./usr/lib/udev/rules.d/60-highstep.rules \
         ./usr/share/applications/org.highstep.HighStep.desktop ./usr/share/doc/highstep/copyright; do
    grep -q " $f\$" <<< "$listing" || fail "the .deb has no ${f#.}"
done
echo "check-install: ok"
