# The Debian package: `cpack -G DEB` in a build tree (after building the program)
# packs what dist/CMakeLists.txt installs, under /usr. Dependencies come from the
# binary through dpkg-shlibdeps (Debian: dpkg-dev), never from a hand-kept list;
# the exceptions are files read at run time, invisible to shlibdeps: the fonts
# (Depends) and a SoundFont for the music (Recommends).
set(CPACK_GENERATOR DEB)
# cpack and `make install` pack what is built and do not build everything first
# (tests, benchmarks): build the program, then install or pack it.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(CPACK_PACKAGE_NAME highstep)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "The HighStep developers")
set(CPACK_PACKAGE_CONTACT "The HighStep developers <highstep@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "exercise game for a balance board")
set(CPACK_PACKAGE_DESCRIPTION
    "HighStep turns a Nintendo Wii Balance Board, or a home-built USB load-cell board,
into a training partner: it recognises step-ups, knee-drive holds and one-leg
balance from the force under your feet, turns each into a move in a small game
world, and scores steadiness and tempo. Without a board it plays with a
simulated board driven from the keyboard or a gamepad.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION games)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
# The music needs a General MIDI SoundFont; the game plays without one and says so.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "timgm6mb-soundfont | fluid-soundfont-gm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${PROJECT_SOURCE_DIR}/dist/postinst;${PROJECT_SOURCE_DIR}/dist/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
