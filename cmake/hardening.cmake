# Hardening builds with clang (see docs/hardening.md):
#   HIGHSTEP_FUZZ  libFuzzer targets fuzz_* (tests/fuzz/) with ASan and UBSan. Every
#                  library is instrumented for coverage (fuzzer-no-link); only the
#                  fuzz_* programs link libFuzzer's main.
#   HIGHSTEP_TSAN  ThreadSanitizer for the threaded parts' tests (board reader
#                  threads and their queue, the background recorder).
#   HIGHSTEP_FUZZ_COVERAGE  the same fuzz_* targets for clang's source-based coverage
#                  (no sanitizers, no libFuzzer: they run the inputs they are given
#                  once); tests/fuzz/coverage.sh builds and reads them.
option(HIGHSTEP_FUZZ "Build the libFuzzer targets fuzz_* (clang; ASan + UBSan)" OFF)
option(HIGHSTEP_FUZZ_COVERAGE "Build the fuzz_* targets for source coverage (clang)" OFF)
option(HIGHSTEP_TSAN "Build with ThreadSanitizer (clang)" OFF)

if(HIGHSTEP_FUZZ OR HIGHSTEP_TSAN)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "HIGHSTEP_FUZZ and HIGHSTEP_TSAN need clang: configure with CC=clang CXX=clang++")
    endif()
    if(HIGHSTEP_SANITIZE)
        message(FATAL_ERROR "HIGHSTEP_SANITIZE is a build of its own; leave it OFF with HIGHSTEP_FUZZ or HIGHSTEP_TSAN")
    endif()
endif()
if(HIGHSTEP_FUZZ AND HIGHSTEP_TSAN)
    message(FATAL_ERROR "HIGHSTEP_FUZZ and HIGHSTEP_TSAN are separate builds")
endif()
if(HIGHSTEP_FUZZ_COVERAGE)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "HIGHSTEP_FUZZ_COVERAGE needs clang: configure with CC=clang CXX=clang++")
    endif()
    if(HIGHSTEP_FUZZ OR HIGHSTEP_TSAN OR HIGHSTEP_SANITIZE)
        message(FATAL_ERROR "HIGHSTEP_FUZZ_COVERAGE is a build of its own; leave the sanitizer options OFF")
    endif()
    add_compile_options(-fprofile-instr-generate -fcoverage-mapping)
    add_link_options(-fprofile-instr-generate)
endif()

if(HIGHSTEP_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
if(HIGHSTEP_TSAN)
    add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
    add_link_options(-fsanitize=thread)
endif()
