/* statements.h - the statement record and its JSONL form.
 *
 * A statement says that an actor takes a stance on a topic (or, with a target, a
 * signed relation to another actor). It is the hinge of the system: `extract` writes
 * it, a human coder may write it by hand, `build` reads it. Only doc, actor, topic and
 * stance are required when reading; everything else is optional.
 */
#ifndef SG_STATEMENTS_H
#define SG_STATEMENTS_H

#include <stdio.h>
#include "stancegraph/error.h"

/* Flags, written in JSON as an array of their names. */
enum {
    SG_FLAG_NEGATED = 1u << 0,     /* "negated": a negator flipped the cue */
    SG_FLAG_HEDGED = 1u << 1,      /* "hedged": may, considered, reportedly ... */
    SG_FLAG_CONDITIONAL = 1u << 2, /* "conditional": under an if/unless clause */
    SG_FLAG_REPORTED = 1u << 3,    /* "reported": attributed through a source */
    SG_FLAG_DEFERRAL = 1u << 4,    /* "deferral": not now / later / postponed */
    SG_FLAG_QUOTE = 1u << 5,       /* "quote": inside a quotation of the speaker */
    SG_FLAG_ANAPHOR = 1u << 6,     /* "anaphor": topic reached through "this idea" ... */
    SG_FLAG_INFERRED = 1u << 7,    /* "inferred": holder found by pronoun/role resolution */
    SG_FLAG_REVERSED = 1u << 8     /* "reversed": rejecting a block reads as support */
};
#define SG_FLAG_COUNT 9

/* One statement. All strings are owned (malloc'd) by the record; NULL when absent. */
typedef struct sg_statement {
    char *id;       /* unique id, e.g. "doc1:s3:1"; generated when absent */
    char *doc;      /* document id (required) */
    char *date;     /* ISO date "YYYY-MM-DD" of the document, or NULL */
    char *source;   /* outlet or agency that reported it ("Bloomberg"), or NULL */
    char *actor;    /* who holds the stance (required) */
    char *person;   /* the speaker, when a person was named, or NULL */
    char *country;  /* the person's country/organisation (kept at person level), or NULL */
    char *mention;  /* the text that named the actor ("the White House"), or NULL */
    char *topic;    /* topic id (required) */
    char *target;   /* actor id of a direct relation, NULL for a stance on the topic */
    char *cue;      /* the stance cue as written ("decided against"), or NULL */
    char *rule;     /* the extractor rule that fired ("active-subject"), or NULL */
    char *text;     /* the sentence, or NULL */
    int stance;     /* +1 support, -1 oppose, 0 neutral/deferring */
    double weight;  /* in (0,1]; 1 when absent */
    unsigned flags; /* SG_FLAG_* */
    long sentence;  /* 1-based sentence number in doc, 0 when unknown */
    long span_start; /* byte offsets of the sentence in the document, -1 when unknown */
    long span_end;
} sg_statement;

/* A growable array of statements; plain struct, caller-allocated. */
typedef struct sg_statement_list {
    sg_statement *items;
    size_t n;
    size_t cap;
} sg_statement_list;

/* Zero a record (all strings NULL, weight 1, spans -1). */
SG_API void sg_statement_init(sg_statement *s);
/* Free the record's strings and re-init it. NULL is a no-op. */
SG_API void sg_statement_destroy(sg_statement *s);
/* Deep copy src into *out (which must be uninitialised or destroyed). */
SG_API SG_NODISCARD sg_status sg_statement_copy(sg_statement *out, const sg_statement *src);

/* Name of one flag bit ("negated") or NULL; and the reverse lookup (0 when unknown). */
SG_API const char *sg_flag_name(unsigned flag);
SG_API unsigned sg_flag_from_name(const char *name);

SG_API void sg_statement_list_init(sg_statement_list *list);
/* Free every record and the array. NULL is a no-op. */
SG_API void sg_statement_list_destroy(sg_statement_list *list);
/* Append a record; takes ownership of *s's strings (and re-inits *s) on success. */
SG_API SG_NODISCARD sg_status sg_statement_list_take(sg_statement_list *list, sg_statement *s);

/* Parse one JSON line into *out. name and line_no are used in error messages.
 * Returns SG_EINPUT for malformed JSON, missing required fields or bad values. */
SG_API SG_NODISCARD sg_status sg_statement_parse(sg_statement *out, const char *json, size_t len,
                                                 const char *name, long line_no, sg_error *err);

/* Serialise s as one compact JSON object with a fixed key order, no newline.
 * *out is malloc'd; free it with free(). */
SG_API SG_NODISCARD sg_status sg_statement_to_json(char **out, const sg_statement *s);
/* The same JSON plus a newline appended to the growing buffer *buf (length *len,
 * capacity *cap; *buf NULL and both 0 to start; free(*buf) when done), NUL-terminated.
 * On failure (out of memory) *len is unchanged and *buf stays the caller's to free. */
SG_API SG_NODISCARD sg_status sg_statement_append_json(char **buf, size_t *len, size_t *cap,
                                                       const sg_statement *s);

/* Read JSONL from fp (blank lines skipped) and append to list. name names the input
 * in errors ("<stdin>" for stdin). Lines may be arbitrarily long. Invalid UTF-8 is an
 * error. On error the list keeps what was read before the bad line. */
SG_API SG_NODISCARD sg_status sg_statements_read(sg_statement_list *list, FILE *fp,
                                                 const char *name, sg_error *err);

/* Streaming variant: call fn for each parsed statement (fn takes ownership of the
 * record's strings only if it re-inits it; otherwise they are freed after the call).
 * Stops at the first error from fn or from parsing. */
typedef sg_status (*sg_statement_fn)(void *ctx, sg_statement *s, sg_error *err);
SG_API SG_NODISCARD sg_status sg_statements_each(FILE *fp, const char *name, sg_statement_fn fn,
                                                 void *ctx, sg_error *err);

/* 1 when s is a calendar date written YYYY-MM-DD (month 01-12, a day the month has,
 * 29 February only in leap years), else 0. The one date check of every command. */
SG_API int sg_date_valid(const char *s);

/* Write every statement as one JSON line. */
SG_API SG_NODISCARD sg_status sg_statements_write(const sg_statement_list *list, FILE *fp,
                                                  sg_error *err);

#endif
