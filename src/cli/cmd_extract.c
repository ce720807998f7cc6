/* cmd_extract.c - placeholder until the 'extract' subcommand lands. */
#include "cli/cli.h"

int sg_cmd_extract(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    sg_cli_errorf("extract: not available in this build yet");
    return SG_EXIT_INTERNAL;
}
