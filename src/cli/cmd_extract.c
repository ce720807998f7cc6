/* cmd_extract.c - `stancegraph extract`: articles -> statements JSONL on stdout (or -o). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_docs.h"

static const char usage[] =
    "usage: stancegraph extract --topic ID [options] FILE...\n"
    "\n"
    "Find who supports, opposes or defers on a topic in articles; print one statement per\n"
    "line (JSON). FILE is a text article (one document; date taken from a YYYY-MM-DD in its\n"
    "name) or a .jsonl file of {\"id\",\"date\",\"source\",\"text\"} documents; '-' is stdin.\n"
    "\n"
    "  -t, --topic ID         topic to extract (default: every topic of the lexicon)\n"
    "      --topics FILE      add topics from a JSON file {\"topics\":[...]}\n"
    "      --lexicon PATH     lexicon file or directory (default: the installed one)\n"
    "      --actor-level L    group (countries, organisations; default) or person\n"
    "      --date YYYY-MM-DD  date of the documents (offices of people are read on it)\n"
    "      --format F         auto (default), text or jsonl\n"
    "      --no-relations     leave out actor->actor relations (statements with a target)\n"
    "  -j, --jobs N           extract documents on N threads (default: one per CPU);\n"
    "                         the output is the same whatever N\n"
    "  -o, --output FILE      write here (atomically) instead of stdout\n"
    "  -h, --help             show this help\n";

int sg_cmd_extract(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"topic", required_argument, NULL, 't'},   {"topics", required_argument, NULL, 'T'},
        {"lexicon", required_argument, NULL, 'L'}, {"actor-level", required_argument, NULL, 'a'},
        {"date", required_argument, NULL, 'd'},    {"format", required_argument, NULL, 'f'},
        {"no-relations", no_argument, NULL, 'R'},  {"output", required_argument, NULL, 'o'},
        {"jobs", required_argument, NULL, 'j'},    {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    sg_cli_extract_args a = {NULL, NULL, NULL, NULL, "auto", 0, 1, 0};
    const char *output = "-";
    int ch;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "t:o:j:h", longopts, NULL)) != -1) {
        switch (ch) {
        case 't': a.topic = optarg; break;
        case 'T': a.topics_file = optarg; break;
        case 'L': a.lexicon = optarg; break;
        case 'd': a.date = optarg; break;
        case 'f': a.format = optarg; break;
        case 'R': a.relations = 0; break;
        case 'o': output = optarg; break;
        case 'j': {
            char *end = NULL;
            long v = strtol(optarg, &end, 10);
            if (end == optarg || *end || v < 1 || v > 64)
                return sg_cli_usage_error("extract", "--jobs needs a number from 1 to 64");
            a.jobs = (int)v;
            break;
        }
        case 'a':
            if (strcmp(optarg, "person") == 0) a.level_person = 1;
            else if (strcmp(optarg, "group") == 0) a.level_person = 0;
            else return sg_cli_usage_error("extract", "--actor-level must be group or person");
            break;
        case 'h': fputs(usage, stdout); return SG_EXIT_OK;
        default: return sg_cli_usage_error("extract", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (strcmp(a.format, "auto") != 0 && strcmp(a.format, "text") != 0 && strcmp(a.format, "jsonl") != 0)
        return sg_cli_usage_error("extract", "--format must be auto, text or jsonl");
    char *stdin_only[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_only;
    int n_files = optind < argc ? argc - optind : 1;

    sg_error err;
    sg_error_clear(&err);
    sg_lexicon *lex = NULL;
    sg_statement_list list;
    sg_statement_list_init(&list);
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
    if (sg_out_commit(&out, &err) != SG_OK)
        code = sg_cli_fail(&err);
done:
    sg_statement_list_destroy(&list);
    sg_lexicon_free(lex);
    return code;
}
