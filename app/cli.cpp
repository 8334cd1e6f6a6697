#include "cli.h"
int perfwb::app::runMain(int, char **) { return 0; }
