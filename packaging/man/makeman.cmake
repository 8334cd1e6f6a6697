# SPDX-License-Identifier: GPL-3.0-or-later
# Man pages from the binary's own help, so they never drift from it: perfwb.1 and one
# perfwb-COMMAND.1 per command that `perfwb --help` lists, made with help2man.
#   cmake -DPERFWB=path/to/perfwb -DOUT=dir -DVERSION=x.y.z -P makeman.cmake
# Fails (and so the build does) when a command's help cannot be turned into a page.
find_program(HELP2MAN help2man REQUIRED)
file(MAKE_DIRECTORY "${OUT}")
execute_process(COMMAND "${PERFWB}" --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "perfwb --help failed (${rc})")
endif()

# "  NAME  summary" lines after "Commands:".
string(FIND "${help}" "Commands:\n" at)
string(SUBSTRING "${help}" ${at} -1 listing)
string(REGEX MATCHALL "\n  [a-z]+ +[^\n]+" lines "${listing}")
set(commands "")
set(seeAlso "")
foreach(line IN LISTS lines)
  string(REGEX REPLACE "^\n  ([a-z]+) +([^\n]+)$" "\\1" name "${line}")
  string(REGEX REPLACE "^\n  ([a-z]+) +([^\n]+)$" "\\2" summary "${line}")
  list(APPEND commands ${name})
  # help2man runs the program it is given: a wrapper that runs "perfwb NAME".
  set(wrapper "${OUT}/wrappers/perfwb-${name}")
  file(WRITE "${wrapper}" "#!/bin/sh\nexec \"${PERFWB}\" ${name} \"$@\"\n")
  file(CHMOD "${wrapper}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
  execute_process(
    COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --section=1 --version-string=${VERSION}
            --name=${summary} --output=${OUT}/perfwb-${name}.1 "${wrapper}"
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "help2man perfwb ${name}: ${err}")
  endif()
  string(APPEND seeAlso ".BR perfwb-${name} (1),\n")
endforeach()

# The main page names every command's page.
file(WRITE "${OUT}/see-also.h2m" "[SEE ALSO]\n${seeAlso}.BR perf (1)\n")
execute_process(
  COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --section=1 --version-string=${VERSION}
          "--name=record, explore and compare CPU and memory profiles" --include=${OUT}/see-also.h2m
          --output=${OUT}/perfwb.1 "${PERFWB}"
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man perfwb: ${err}")
endif()
list(LENGTH commands n)
file(WRITE "${OUT}/commands.txt" "${commands}")
message(STATUS "man pages: perfwb.1 and ${n} command pages in ${OUT}")
