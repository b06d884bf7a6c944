# The project's two build helpers: one place for warnings and sanitizers
# (lifeline_target_defaults) and a one-line test macro (lifeline_test).

# Warnings on everywhere; errors when LIFELINE_WERROR is set (CI).
function(lifeline_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                         -Wnon-virtual-dtor -Wconversion -Wno-sign-conversion)
  if(LIFELINE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(LIFELINE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# lifeline_test(NAME source.cc [LIBS lib...] [EMULATOR cmd...]): one GoogleTest binary,
# discovered by CTest; EMULATOR runs it through a wrapper (xvfb-run -a for tests that need a display).
function(lifeline_test name)
  cmake_parse_arguments(ARG "" "" "LIBS;EMULATOR" ${ARGN})
  add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  lifeline_target_defaults(${name})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} lifeline_test_support GTest::gtest_main GTest::gmock)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests")
  if(ARG_EMULATOR)
    # tests that render: Mesa's software OpenGL driver leaks at exit, so leak checking is off for
    # them (AddressSanitizer still checks every access)
    set_target_properties(${name} PROPERTIES CROSSCOMPILING_EMULATOR "${ARG_EMULATOR}")
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
                         PROPERTIES ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0:abort_on_error=1")
  else()
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
  endif()
endfunction()

# lifeline_bench(NAME source.cc LIBS lib...): one Google Benchmark program in build/bench (never run by CTest).
function(lifeline_bench name)
  cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
  add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  lifeline_target_defaults(${name})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} benchmark::benchmark_main)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bench")
endfunction()
