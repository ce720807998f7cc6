/* cmd_eval.c - placeholder until the 'eval' subcommand lands. */
#include "cli/cli.h"

int sg_cmd_eval(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    sg_cli_errorf("eval: not available in this build yet");
    return SG_EXIT_INTERNAL;
}
