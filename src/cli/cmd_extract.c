/* cmd_extract.c - `stancegraph extract`: articles -> statements JSONL on stdout (or -o). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_docs.h"
#include "cli/cli_feedback.h"

static const char usage[] =
    "usage: stancegraph extract --topic ID [options] FILE...\n"
    "\n"
    "Find who supports, opposes or defers on a topic in articles; print one statement per\n"
    "line (JSON). FILE is a text article (one document; date taken from a YYYY-MM-DD in its\n"
    "name) or a .jsonl file of {\"id\",\"date\",\"source\",\"text\"} documents; '-' is stdin.\n"
    "\n"
    SG_CLI_EXTRACT_HELP
    "  -o, --output FILE      write here (atomically) instead of stdout\n"
    "  -q, --quiet            no progress, no summary line on stderr\n"
    "  -h, --help             show this help\n"
    "\n"
    "Finding no statement at all writes an empty output and a warning on stderr (a shard of\n"
    "a corpus may hold none; build and report refuse an empty input). A JSONL document file\n"
    "is recognised by its first line\n"
    "(also on stdin); --format text reads it as one article.\n";

int sg_cmd_extract(int argc, char **argv)
{
    static const struct option longopts[] = {
        SG_CLI_EXTRACT_LONGOPTS, {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    sg_cli_extract_args a = SG_CLI_EXTRACT_ARGS_INIT;
    const char *output = "-";
    int ch;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "t:o:j:h", longopts, NULL)) != -1) {
        int done = sg_cli_extract_option(&a, ch, optarg, "extract");
        if (done < 0)
            return SG_EXIT_USAGE;
        if (done)
            continue;
        switch (ch) {
        case 'o': output = optarg; break;
        case 'h': fputs(usage, stdout); return SG_EXIT_OK;
        default: return sg_cli_usage_error("extract", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    char *stdin_only[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_only;
    int n_files = optind < argc ? argc - optind : 1;

    sg_error err;
    sg_error_clear(&err);
    sg_lexicon *lex = NULL;
    sg_outfile out = {0};
    int code = SG_EXIT_OK;
    if (sg_cli_load_lexicon(&lex, &a, &err) != SG_OK || sg_out_open(&out, output, &err) != SG_OK) {
        code = sg_cli_fail(&err);
        goto done;
    }
    if (sg_cli_extract_stream(out.fp, lex, &a, files, n_files, &err) != SG_OK) {
        sg_out_abort(&out);
        code = sg_cli_fail(&err);
        goto done;
    }
    if (sg_cli_statement_count() == 0) /* an empty result, said out loud: see --help */
        sg_cli_warn("%s: no statements found in %zu document%s%s%s (check --topic and the "
                    "topic's terms)", n_files == 1 ? sg_cli_name(files[0]) : "input",
                    sg_cli_document_count(), sg_cli_document_count() == 1 ? "" : "s",
                    a.topic ? " on topic " : "", a.topic ? a.topic : "");
    if (sg_out_commit(&out, &err) != SG_OK)
        code = sg_cli_fail(&err);
    else
        sg_cli_summary(-1, -1);
done:
    sg_lexicon_free(lex);
    return code;
}
