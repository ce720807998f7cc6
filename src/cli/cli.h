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

/* An output file. A regular file (or an absent path) is written to a temporary file
 * beside it (PATH.tmp.XXXXXX) and renamed into place on commit, so it is never left
 * half-written; a symlink is followed and its target replaced the same way (the link
 * stays). Anything else (/dev/null, a FIFO, a terminal, a device) is written in place:
 * renaming over it would replace it by a regular file. "-" writes to stdout directly.
 * A path that is one of the inputs (sg_cli_add_input) is refused. Temporary files are
 * removed on SIGINT, SIGTERM, SIGHUP, SIGXFSZ and SIGPIPE (sg_cli_install_signals). */
typedef struct sg_outfile {
    FILE *fp;
    char *path;   /* where the data goes: the symlink's target for a symlink */
    char *tmp;    /* the temporary file, NULL when written in place */
    int is_stdout;
    int slot;     /* registration for signal cleanup, -1 when none */
} sg_outfile;

SG_NODISCARD sg_status sg_out_open(sg_outfile *o, const char *path, sg_error *err);
/* Flush, close, and rename into place. On failure the temp file is removed. */
SG_NODISCARD sg_status sg_out_commit(sg_outfile *o, sg_error *err);
/* Close and remove the temp file (safe after a failed commit or when never opened). */
void sg_out_abort(sg_outfile *o);
/* Write a whole buffer to path ("-" = stdout) through sg_out_open/commit. */
SG_NODISCARD sg_status sg_cli_write_file(const char *path, const void *data, size_t len,
                                         sg_error *err);

/* Record path (kept, not copied: argv strings) as an input of the command: an output
 * that is the same file (same device and inode, whatever the spelling) is refused. */
void sg_cli_add_input(const char *path);
/* Is path one of the recorded inputs? */
int sg_cli_is_input(const char *path);

/* Remember a path to remove (a file, or with is_dir an empty directory) if a signal
 * ends the process; returns a slot for sg_cli_forget, or -1 when the table is full. */
int sg_cli_remember(const char *path, int is_dir);
void sg_cli_forget(int slot);
/* Install the handlers: on SIGINT/SIGTERM/SIGHUP/SIGXFSZ/SIGPIPE remove what is
 * remembered, then die of the same signal (SIGPIPE from `| head` ends quietly, with the
 * shell status 141, even when the parent ignored SIGPIPE). */
void sg_cli_install_signals(void);
/* Between defer and resume a fatal signal waits: it is acted on (cleanup, then death by
 * the same signal) at resume. For short steps that must finish once begun, such as
 * report's renames of its folder; never around anything that may block. */
void sg_cli_signals_defer(void);
void sg_cli_signals_resume(void);
/* In a forked child: the default action again for the signals the handlers took (the
 * ones the parent ignores stay ignored), so that the child cleans up nothing. */
void sg_cli_signals_default(void);

/* s with control characters (C0 except tab, DEL, C1, and invalid UTF-8 bytes) replaced by
 * '?', into buf (truncated to fit): for text from input that reaches a terminal, so an
 * ESC/OSC sequence in an article or file name cannot drive it. */
void sg_cli_sanitize(char *buf, size_t buf_len, const char *s);
/* Write s to fp with the same replacement (any length). */
void sg_cli_put_clean(FILE *fp, const char *s);

#endif
