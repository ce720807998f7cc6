/* cli_options.h - the one description of every command: name, summary, usage lines,
 * description and option table (src/cli/cli_options.c). From it come the getopt_long
 * tables the commands parse with, their --help text, and the man pages (the build runs
 * src/cli/man/sg-mangen), so options, help and man pages cannot drift apart.
 */
#ifndef SG_CLI_OPTIONS_H
#define SG_CLI_OPTIONS_H

#include <getopt.h>
#include <stdio.h>

/* One option. Tables end with an entry whose name is NULL. */
typedef struct sg_cli_opt {
    const char *name;  /* long name without "--" */
    char short_name;   /* 'o' for -o, or 0 */
    const char *arg;   /* placeholder of the value ("FILE"), NULL for a flag */
    int code;          /* what getopt_long returns for it (the short name when there is one) */
    const char *help;  /* what it does; '\n' breaks the --help line (joined in man pages) */
} sg_cli_opt;

#define SG_CLI_MAX_OPTS 48

/* Codes of long-only options (past every short option letter). */
enum { SG_OPT_TOPIC_PARTNERS = 1000, SG_OPT_ALL_PAIRS, SG_OPT_WINDOW_NETWORKS, SG_OPT_WHY_NOT,
       SG_OPT_STRICT };
#define SG_CLI_MAX_TABLES 4

typedef struct sg_cli_doc {
    const char *name;        /* "extract" */
    const char *summary;     /* one line, for `stancegraph --help` and the man page NAME */
    const char *usage;       /* synopsis lines, '\n'-separated, each "stancegraph CMD ..." */
    const char *description; /* paragraphs separated by "\n\n"; lines by '\n' */
    const sg_cli_opt *tables[SG_CLI_MAX_TABLES]; /* option tables in help order, NULL-ended */
    const char *notes;       /* text after the options, or NULL */
} sg_cli_doc;

/* The extraction options shared by extract, report, eval and explain. */
extern const sg_cli_opt sg_cli_extract_opts[];

/* Every command, in `stancegraph --help` order; NULL-terminated. */
extern const sg_cli_doc *const sg_cli_docs[];
extern const sg_cli_doc sg_cli_doc_extract, sg_cli_doc_build, sg_cli_doc_analyze,
    sg_cli_doc_render, sg_cli_doc_report, sg_cli_doc_eval, sg_cli_doc_explain,
    sg_cli_doc_lexicon, sg_cli_doc_merge;

/* The top level: `stancegraph --help` and stancegraph(1). */
extern const char sg_cli_top_usage[];
extern const sg_cli_opt sg_cli_top_opts[];

/* Text shared by every page. */
extern const char sg_cli_exit_codes[];

/* getopt_long tables built from a doc: shortopts starts with ':' so that a missing value
 * returns ':' (see sg_cli_bad_option). */
typedef struct sg_cli_getopt {
    struct option longopts[SG_CLI_MAX_OPTS + 1];
    char shortopts[3 * SG_CLI_MAX_OPTS + 2];
} sg_cli_getopt;

/* Fill g from doc's tables and reset getopt (optind = 1, opterr = 0) for a new parse:
 *   sg_cli_getopt g;
 *   sg_cli_getopt_init(&g, &sg_cli_doc_merge);
 *   while ((c = getopt_long(argc, argv, g.shortopts, g.longopts, NULL)) != -1) ... */
void sg_cli_getopt_init(sg_cli_getopt *g, const sg_cli_doc *doc);

/* The usage error for what getopt returned on a bad option (':' missing value, '?'
 * unknown option). Returns SG_EXIT_USAGE. */
int sg_cli_bad_option(const sg_cli_doc *doc, int ch, char **argv);

/* `stancegraph CMD --help` on fp. */
void sg_cli_print_help(FILE *fp, const sg_cli_doc *doc);
/* `stancegraph --help` on fp. */
void sg_cli_print_top_help(FILE *fp);

/* The man page (roff) of doc, or of stancegraph(1) itself when doc is NULL. */
void sg_cli_print_man(FILE *fp, const sg_cli_doc *doc, const char *version);

#endif
