/* cmd_render.c - placeholder until the 'render' subcommand lands. */
#include "cli/cli.h"

int sg_cmd_render(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    sg_cli_errorf("render: not available in this build yet");
    return SG_EXIT_INTERNAL;
}
