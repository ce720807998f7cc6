/* jsonw.h - the streaming JSON writer: values written straight into a growing buffer or
 * a FILE (through a buffer flushed in large blocks), no tree. Used for statements JSONL,
 * graph.json and report.json; cJSON stays the reader (and the writer of small documents
 * elsewhere).
 *
 * Output is compact, byte for byte what cJSON_PrintUnformatted printed for the same
 * values except numbers: a number is written as the shortest decimal that strtod reads
 * back to the same double (sg_jsonw_format_double), laid out as printf's %g would lay
 * out those digits (exponent when it is below -4 or at least 15 (17 for 16- and 17-digit
 * numbers), "e+XX" / "e-XX"). Strings are escaped as RFC 8259 requires and as cJSON did:
 * \" \\ \b \f \n \r \t, other control characters as \u00xx, everything else copied. Every
 * string the library writes was validated as UTF-8 where it came in (statements,
 * graph.json, documents, lexicon); a byte sequence that is still not valid UTF-8 is
 * written as U+FFFD, the rule of the JSON renderer, so output is always RFC 8259.
 *
 * Errors are sticky: the first failure (out of memory, a write error, a non-finite
 * number) is kept in w->status and every later call does nothing. Not thread-safe per
 * writer; writers share nothing, so one per thread is fine.
 * Private to the library and the CLI (not installed).
 */
#ifndef SG_COMMON_JSONW_H
#define SG_COMMON_JSONW_H

#include <stddef.h>
#include <stdio.h>

#include "stancegraph/error.h"

#define SG_JSONW_MAX_DEPTH 64

typedef struct sg_jsonw {
    char *buf;          /* the text so far (buffer mode), or bytes not yet flushed */
    size_t len, cap;
    FILE *fp;           /* NULL: buffer mode; else flushed to fp in blocks */
    sg_status status;   /* first failure, SG_OK while fine */
    int depth;
    unsigned char first[SG_JSONW_MAX_DEPTH]; /* no element yet at this depth */
    unsigned char after_key;                 /* a key was written, its value is next */
} sg_jsonw;

/* A writer into its own growing buffer (fp NULL) or into fp. */
void sg_jsonw_init(sg_jsonw *w, FILE *fp);
/* Flush to fp (FILE mode) and return the status. In buffer mode *out (when not NULL)
 * takes the NUL-terminated text (caller frees) and *len its length; on failure the
 * buffer is freed and *out is NULL. The writer is reset either way. */
SG_NODISCARD sg_status sg_jsonw_finish(sg_jsonw *w, char **out, size_t *len);
/* Free whatever the writer holds without flushing (after a failure elsewhere). */
void sg_jsonw_discard(sg_jsonw *w);

/* Structure. A value at depth > 0 is preceded by ',' when it is not the first. */
void sg_jsonw_obj(sg_jsonw *w);      /* { */
void sg_jsonw_obj_end(sg_jsonw *w);  /* } */
void sg_jsonw_arr(sg_jsonw *w);      /* [ */
void sg_jsonw_arr_end(sg_jsonw *w);  /* ] */
/* "key": inside an object; the next call writes its value. */
void sg_jsonw_key(sg_jsonw *w, const char *key);

/* Values. */
void sg_jsonw_str(sg_jsonw *w, const char *s);      /* NULL writes null */
void sg_jsonw_strn(sg_jsonw *w, const char *s, size_t n);
/* A finite double; NaN or an infinity sets SG_EINPUT (JSON has no such number: the
 * checked-number layer keeps them out, this only makes it impossible). */
void sg_jsonw_num(sg_jsonw *w, double v);
void sg_jsonw_int(sg_jsonw *w, long long v);
void sg_jsonw_bool(sg_jsonw *w, int v);
void sg_jsonw_null(sg_jsonw *w);

/* Key + value in one call. */
void sg_jsonw_kstr(sg_jsonw *w, const char *key, const char *s); /* NULL: null */
void sg_jsonw_knum(sg_jsonw *w, const char *key, double v);
void sg_jsonw_kint(sg_jsonw *w, const char *key, long long v);
void sg_jsonw_kbool(sg_jsonw *w, const char *key, int v);

/* Bytes written as they are (punctuation and newlines between streamed elements). They
 * do not count as an element: the caller places its own commas around them. */
void sg_jsonw_raw(sg_jsonw *w, const char *s);
/* A line break before the next element or member: its separator (',' unless first)
 * now, then '\n'; the element that follows takes no other separator. graph.json and
 * report.json put every streamed element on its own line this way. */
void sg_jsonw_nl(sg_jsonw *w);

/* The shortest decimal that strtod reads back to exactly v, in the layout above, into
 * out (at least SG_JSONW_NUM_MAX bytes), NUL-terminated; returns its length. v must be
 * finite (returns 0 otherwise). -0 is "-0". */
#define SG_JSONW_NUM_MAX 32
size_t sg_jsonw_format_double(double v, char *out);

#endif
