# SPDX-License-Identifier: GPL-3.0-or-later
set(CPACK_PACKAGE_NAME perfwb)
set(CPACK_PACKAGE_CONTACT "perfwb developers <dev@perfwb.invalid>")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "linux-perf")
include(CPack)
