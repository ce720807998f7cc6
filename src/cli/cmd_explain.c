/* cmd_explain.c - placeholder until the 'explain' subcommand lands. */
#include "cli/cli.h"

int sg_cmd_explain(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    sg_cli_errorf("explain: not available in this build yet");
    return SG_EXIT_INTERNAL;
}
