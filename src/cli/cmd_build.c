/* cmd_build.c - placeholder until the 'build' subcommand lands. */
#include "cli/cli.h"

int sg_cmd_build(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    sg_cli_errorf("build: not available in this build yet");
    return SG_EXIT_INTERNAL;
}
