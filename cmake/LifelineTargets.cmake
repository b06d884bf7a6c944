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

# lifeline_test(NAME source.cc [LIBS lib...]): one GoogleTest binary, discovered by CTest.
function(lifeline_test name)
  cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
  add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  lifeline_target_defaults(${name})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} lifeline_test_support GTest::gtest_main GTest::gmock)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
endfunction()
