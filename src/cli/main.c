/* main.c - the stancegraph command: parses the subcommand name and delegates.
 * Every subcommand lives in its own cmd_<name>.c and returns an exit code.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_feedback.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"extract", sg_cmd_extract, "find who supports, opposes or defers in articles -> statements JSONL"},
    {"build", sg_cmd_build, "aggregate statements into an actor network -> graph.json"},
    {"analyze", sg_cmd_analyze, "camps, stance classes, balance, blockers -> report.json"},
    {"render", sg_cmd_render, "draw a graph or report as DOT, SVG, PNG, PDF, GraphML, CSV or HTML"},
    {"report", sg_cmd_report, "the whole pipeline: articles -> statements, graph, report, diagram"},
    {"eval", sg_cmd_eval, "score extracted statements against a hand-coded gold file"},
    {"explain", sg_cmd_explain, "show each statement with its sentence, cue, mention and rule"},
    {"lexicon", sg_cmd_lexicon, "check a lexicon or topic file"},
    {"merge", sg_cmd_merge, "combine partial statement/graph files"},
};
#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *fp)
{
    fprintf(fp, "usage: stancegraph <command> [options] [file...]\n\ncommands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(fp, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(fp, "\n-q, --quiet (any command): no progress and no summary line on stderr.\n"
                "'-' means stdin/stdout. 'stancegraph <command> --help' for each command.\n"
                "exit codes: 0 success, 1 usage, 2 input error, 3 internal error\n");
}

int main(int argc, char **argv)
{
    argc = sg_cli_strip_quiet(argc, argv); /* -q / --quiet: no progress, no summary */
    if (argc < 2) {
        usage(stderr);
        return SG_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return SG_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("stancegraph 0.1.0\n");
        return SG_EXIT_OK;
    }
    for (size_t i = 0; i < N_COMMANDS; i++) {
        if (strcmp(argv[1], commands[i].name) == 0) {
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
