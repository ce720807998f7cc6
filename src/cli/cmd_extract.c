/* cmd_extract.c - `stancegraph extract`: articles -> statements JSONL on stdout (or -o). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_options.h"
#include "cli/cli_docs.h"
#include "cli/cli_feedback.h"


int sg_cmd_extract(int argc, char **argv)
{
    sg_cli_extract_args a = SG_CLI_EXTRACT_ARGS_INIT;
    const char *output = "-";
    int ch;
    sg_cli_getopt g;
    sg_cli_getopt_init(&g, &sg_cli_doc_extract);
    while ((ch = getopt_long(argc, argv, g.shortopts, g.longopts, NULL)) != -1) {
        int done = sg_cli_extract_option(&a, ch, optarg, "extract");
        if (done < 0)
            return SG_EXIT_USAGE;
        if (done)
            continue;
        switch (ch) {
        case 'o': output = optarg; break;
        case SG_OPT_STRICT: a.strict = 1; break;
        case 'h': sg_cli_print_help(stdout, &sg_cli_doc_extract); return SG_EXIT_OK;
        default: return sg_cli_bad_option(&sg_cli_doc_extract, ch, argv);
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
    for (int i = 0; i < n_files; i++)
        sg_cli_add_input(files[i]);
    sg_cli_add_input(a.topics_file);
    sg_cli_add_input(a.lexicon); /* a directory is never a regular output: harmless */
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
