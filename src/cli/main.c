/* main.c - the stancegraph command: parses the subcommand name and delegates.
 * Every subcommand lives in its own cmd_<name>.c and returns an exit code; what each
 * one is called, says and accepts is in cli_options.c.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_options.h"
#include "stancegraph/version.h"
#include "cli/cli_feedback.h"

typedef struct command {
    const sg_cli_doc *doc;
    int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
    {&sg_cli_doc_extract, sg_cmd_extract}, {&sg_cli_doc_build, sg_cmd_build},
    {&sg_cli_doc_analyze, sg_cmd_analyze}, {&sg_cli_doc_render, sg_cmd_render},
    {&sg_cli_doc_report, sg_cmd_report},   {&sg_cli_doc_eval, sg_cmd_eval},
    {&sg_cli_doc_explain, sg_cmd_explain}, {&sg_cli_doc_lexicon, sg_cmd_lexicon},
    {&sg_cli_doc_merge, sg_cmd_merge},
};
#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

int main(int argc, char **argv)
{
    argc = sg_cli_strip_quiet(argc, argv); /* -q / --quiet: no progress, no summary */
    if (argc < 2) {
        sg_cli_print_top_help(stderr);
        return SG_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        sg_cli_print_top_help(stdout);
        return SG_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("stancegraph %s\n", sg_version());
        return SG_EXIT_OK;
    }
    for (size_t i = 0; i < N_COMMANDS; i++) {
        if (strcmp(argv[1], commands[i].doc->name) == 0) {
            int rc = commands[i].run(argc - 1, argv + 1);
            if (fflush(stdout) != 0 || ferror(stdout)) {
                sg_cli_errorf("writing output failed");
                if (rc == SG_EXIT_OK)
                    rc = SG_EXIT_INPUT;
            }
            return rc;
        }
    }
    sg_cli_errorf("unknown command '%s'", argv[1]);
    fprintf(stderr, "Try 'stancegraph --help'.\n");
    return SG_EXIT_USAGE;
}
