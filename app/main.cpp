#include "cli.h"

int main(int argc, char **argv)
{
    return perfwb::app::runMain(argc, argv);
}
