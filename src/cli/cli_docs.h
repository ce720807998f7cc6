/* cli_docs.h - reading articles for extract/report/explain/eval: plain text files (one
 * document each; id from the file name, date from a YYYY-MM-DD in the name or --date) and
 * JSONL document files (one {"id","date","source","text"} object per line). */
#ifndef SG_CLI_DOCS_H
#define SG_CLI_DOCS_H

#include <stdio.h>

#include "stancegraph/extract.h"
#include "stancegraph/lexicon.h"
#include "stancegraph/statements.h"

typedef struct sg_cli_extract_args {
    const char *topic;
    const char *topics_file;
    const char *lexicon;
    const char *date;      /* overrides the date of every text document */
    const char *format;    /* "auto", "text" or "jsonl" */
    int level_person;
    int relations;
    int jobs;              /* worker threads; 0 = one per online CPU */
    int strict;            /* read every document once before extracting any (extract
                              --strict): a malformed line fails the run before a statement
                              is written */
} sg_cli_extract_args;

#define SG_CLI_EXTRACT_ARGS_INIT {NULL, NULL, NULL, NULL, "auto", 0, 1, 0, 0}

/* The options themselves (names, help) are sg_cli_extract_opts in cli_options.c. */

/* Apply extraction option ch with its argument. Returns 1 when handled, 0 when ch is not
 * an extraction option, SG_EXIT_USAGE after printing a usage error for a bad value
 * (as -1 so callers can tell it apart). */
int sg_cli_extract_option(sg_cli_extract_args *a, int ch, const char *arg, const char *cmd);

/* Load the lexicon as asked, checking --topic exists. */
SG_NODISCARD sg_status sg_cli_load_lexicon(sg_lexicon **out, const sg_cli_extract_args *a,
                                           sg_error *err);

/* Extract statements from each file into out, documents in parallel on a->jobs threads;
 * the output order (file order, then document order) does not depend on the threads. */
SG_NODISCARD sg_status sg_cli_extract_files(sg_statement_list *out, const sg_lexicon *lex,
                                            const sg_cli_extract_args *a, char **files,
                                            int n_files, sg_error *err);

/* The same, writing the statements as JSON lines to stream as documents finish (in input
 * order, in batches), serialised on the worker threads; for `extract` on big inputs. */
SG_NODISCARD sg_status sg_cli_extract_stream(FILE *stream, const sg_lexicon *lex,
                                             const sg_cli_extract_args *a, char **files,
                                             int n_files, sg_error *err);

#endif
