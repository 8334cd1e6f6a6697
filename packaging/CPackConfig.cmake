# SPDX-License-Identifier: GPL-3.0-or-later
# The .deb: `cpack -G DEB` in a build tree (packaging/checkdeb.sh builds and checks it).
set(CPACK_PACKAGE_NAME perfwb)
set(CPACK_PACKAGE_VENDOR "perfwb developers")
set(CPACK_PACKAGE_CONTACT "perfwb developers <dev@perfwb.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "profiling workbench: record, explore and compare CPU and memory profiles")
set(CPACK_PACKAGE_DESCRIPTION
    "perfwb records a program's CPU samples with perf events (DWARF or frame-pointer stacks, a ptrace fallback) and its allocations, shows the recording live, keeps it in one report file, compares two runs, imports other profilers' files and exports SVG and HTML reports.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON) # debug info stays in the build tree
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "linux-perf")
include(CPack)
