/* cli_feedback.h - what the CLI tells the user while and after it works: progress on
 * stderr when stderr is a terminal (documents, MB/s, ETA), warnings and notes, and the
 * one-line summary every command ends with ("3 documents, 12 statements, 7 actors,
 * 2 camps, 0 warnings"). -q (or --quiet) silences progress and summary, never errors or
 * warnings. The counters are process state of the CLI (never of the library); the
 * extraction threads update them under a mutex.
 */
#ifndef SG_CLI_FEEDBACK_H
#define SG_CLI_FEEDBACK_H

#include <stddef.h>

#include "stancegraph/error.h"
#include "stancegraph/statements.h"

void sg_cli_set_quiet(int quiet);
int sg_cli_is_quiet(void);
/* Remove every "-q"/"--quiet" before a "--" from argv (main calls it once); returns
 * the new argc. */
int sg_cli_strip_quiet(int argc, char **argv);

/* "stancegraph: warning: ..." (counted in the summary) and "stancegraph: note: ...". */
void sg_cli_warn(const char *fmt, ...) SG_PRINTF(1, 2);
void sg_cli_note(const char *fmt, ...) SG_PRINTF(1, 2);

/* Progress of extraction: begin with the totals, report each finished document (any
 * thread), end before printing anything else. Silent unless stderr is a terminal. */
void sg_cli_progress_begin(size_t documents, size_t bytes);
void sg_cli_progress_done(size_t bytes);
void sg_cli_progress_end(void);

/* Counters for the summary: documents read, statements found (with their distinct
 * actors), actors and camps of the result (-1 when the command has none). */
void sg_cli_count_statement(const sg_statement *s);
/* Count n statements whose actor ids are the NUL-terminated strings in ids[0..len). */
void sg_cli_count_statements(size_t n, const char *ids, size_t len);
size_t sg_cli_statement_count(void);
size_t sg_cli_document_count(void);
void sg_cli_summary(long actors, long camps);

#endif
