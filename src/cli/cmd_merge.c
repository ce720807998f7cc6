/* cmd_merge.c - placeholder until the 'merge' subcommand lands. */
#include "cli/cli.h"

int sg_cmd_merge(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    sg_cli_errorf("merge: not available in this build yet");
    return SG_EXIT_INTERNAL;
}
