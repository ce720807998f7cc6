/* cli.h - what the stancegraph subcommands share: exit codes, error lines on stderr,
 * whole-file input ("-" is stdin) and atomic output (temp file + rename, "-" is stdout).
 * Only the CLI prints or exits; the library returns sg_status with an sg_error.
 */
#ifndef SG_CLI_H
#define SG_CLI_H

#include <stdio.h>
#include "stancegraph/error.h"

enum sg_exit {
    SG_EXIT_OK = 0,
    SG_EXIT_USAGE = 1,    /* bad options or arguments */
    SG_EXIT_INPUT = 2,    /* an input file is missing, unreadable or invalid */
    SG_EXIT_INTERNAL = 3  /* out of memory, a dependency failed */
};

/* Each subcommand: argv[0] is the command name. Returns an sg_exit code. */
int sg_cmd_extract(int argc, char **argv);
int sg_cmd_build(int argc, char **argv);
int sg_cmd_analyze(int argc, char **argv);
int sg_cmd_render(int argc, char **argv);
int sg_cmd_report(int argc, char **argv);
int sg_cmd_eval(int argc, char **argv);
int sg_cmd_explain(int argc, char **argv);
int sg_cmd_lexicon(int argc, char **argv);
int sg_cmd_merge(int argc, char **argv);

/* Print "stancegraph: <message>" on stderr. */
void sg_cli_errorf(const char *fmt, ...) SG_PRINTF(1, 2);
/* Print a usage error and "Try 'stancegraph CMD --help'." Returns SG_EXIT_USAGE. */
int sg_cli_usage_error(const char *cmd, const char *fmt, ...) SG_PRINTF(2, 3);
/* Print err as one line "stancegraph: FILE:LINE: problem"; return the matching exit code. */
int sg_cli_fail(const sg_error *err);
/* Exit code for a status. */
int sg_cli_exit_code(sg_status status);

/* Read a whole file ("-" = stdin) into a NUL-terminated malloc'd buffer. */
SG_NODISCARD sg_status sg_cli_read_file(const char *path, char **out, size_t *out_len,
                                        sg_error *err);
/* Display name of a path: "<stdin>" for "-". */
const char *sg_cli_name(const char *path);

/* An output file written atomically: data goes to PATH.tmp.XXXXXX, renamed on commit.
 * "-" writes to stdout directly. */
typedef struct sg_outfile {
    FILE *fp;
    char *path;
    char *tmp;
    int is_stdout;
} sg_outfile;

SG_NODISCARD sg_status sg_out_open(sg_outfile *o, const char *path, sg_error *err);
/* Flush, close, and rename into place. On failure the temp file is removed. */
SG_NODISCARD sg_status sg_out_commit(sg_outfile *o, sg_error *err);
/* Close and remove the temp file (safe after a failed commit or when never opened). */
void sg_out_abort(sg_outfile *o);
/* Write a whole buffer atomically to path ("-" = stdout). */
SG_NODISCARD sg_status sg_cli_write_file(const char *path, const void *data, size_t len,
                                         sg_error *err);

#endif
