/* cmd_analyze.c - placeholder until the 'analyze' subcommand lands. */
#include "cli/cli.h"

int sg_cmd_analyze(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    sg_cli_errorf("analyze: not available in this build yet");
    return SG_EXIT_INTERNAL;
}
