# Hardening builds with clang (see docs/hardening.md):
#   HIGHSTEP_FUZZ  libFuzzer targets fuzz_* (tests/fuzz/) with ASan and UBSan. Every
#                  library is instrumented for coverage (fuzzer-no-link); only the
#                  fuzz_* programs link libFuzzer's main.
#   HIGHSTEP_TSAN  ThreadSanitizer for the threaded parts' tests (board reader
#                  threads and their queue, the background recorder).
option(HIGHSTEP_FUZZ "Build the libFuzzer targets fuzz_* (clang; ASan + UBSan)" OFF)
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

if(HIGHSTEP_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
if(HIGHSTEP_TSAN)
    add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
    add_link_options(-fsanitize=thread)
endif()
