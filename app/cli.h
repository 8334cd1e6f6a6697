#pragma once
namespace perfwb::app {
int runMain(int argc, char **argv);
}
