// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

int main(int argc, char **argv)
{
    return perfwb::app::runMain(argc, argv);
}
