/* cmd_lexicon.c - placeholder until the 'lexicon' subcommand lands. */
#include "cli/cli.h"

int sg_cmd_lexicon(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    sg_cli_errorf("lexicon: not available in this build yet");
    return SG_EXIT_INTERNAL;
}
