/* cmd_report.c - placeholder until the 'report' subcommand lands. */
#include "cli/cli.h"

int sg_cmd_report(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    sg_cli_errorf("report: not available in this build yet");
    return SG_EXIT_INTERNAL;
}
