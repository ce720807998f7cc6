/* error.h - the one error vocabulary of stancegraph.
 *
 * Every fallible library function returns an sg_status and, when given a non-NULL
 * sg_error, fills it with a message naming the file, line and problem. The library
 * never prints and never exits; the CLI turns an sg_error into one line on stderr.
 */
#ifndef SG_ERROR_H
#define SG_ERROR_H

#include <stddef.h>
#include "stancegraph/export.h"

#if defined(__GNUC__)
#define SG_NODISCARD __attribute__((warn_unused_result))
#define SG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define SG_NODISCARD
#define SG_PRINTF(a, b)
#endif

typedef enum sg_status {
    SG_OK = 0,
    SG_ENOMEM,    /* allocation failed */
    SG_EINPUT,    /* the input (text, JSON, lexicon, statements) is invalid */
    SG_EIO,       /* reading or writing a file failed */
    SG_EUSAGE,    /* the caller asked for something that does not exist (bad option) */
    SG_EINTERNAL  /* a dependency failed or an invariant broke */
} sg_status;

typedef struct sg_error {
    sg_status code;      /* SG_OK when no error was recorded */
    char file[256];      /* input file the problem is in, "" when none */
    long line;           /* 1-based line in file, 0 when unknown */
    char message[512];   /* the problem, without file and line */
} sg_error;

/* A short constant name for a status ("out of memory", "invalid input" ...). */
SG_API const char *sg_status_str(sg_status status);

/* Reset err to "no error". NULL is a no-op. */
SG_API void sg_error_clear(sg_error *err);

/* Record an error in err (NULL allowed) and return code, so that callers can write
 * `return sg_error_set(err, SG_EINPUT, path, line, "bad %s", x);`.
 * file may be NULL; line 0 means unknown. The message is truncated to fit. */
SG_API sg_status sg_error_set(sg_error *err, sg_status code, const char *file, long line,
                              const char *fmt, ...) SG_PRINTF(5, 6);

/* Format err as "FILE:LINE: message" (parts omitted when unknown) into buf. */
SG_API void sg_error_format(const sg_error *err, char *buf, size_t buf_len);

#endif
