/* docs.h - input documents, read one at a time.
 *
 * A document file is plain text (the whole file is one document; its id is the file name
 * without directory and extension, its date a YYYY-MM-DD in the name) or JSONL (one
 * {"id","date","source","text"} object per line; blank lines are skipped). The reader
 * holds one document at a time, so memory grows with the largest document, not with the
 * file. JSON is parsed on the thread that calls sg_doc_reader_next (cJSON's error state
 * is process-global): hand the documents it returns to other threads, never the reader.
 */
#ifndef SG_DOCS_H
#define SG_DOCS_H

#include <stdio.h>

#include "stancegraph/error.h"
#include "stancegraph/extract.h"

typedef enum sg_doc_format {
    SG_DOC_AUTO = 0, /* JSONL for names ending in .jsonl or .ndjson, or when the first
                        non-blank line is a JSON object with a string "text"; else text */
    SG_DOC_TEXT,
    SG_DOC_JSONL
} sg_doc_format;

/* One document read from a file; every string is owned by it. */
typedef struct sg_doc {
    sg_document doc;  /* id, date, source, text, len (text NUL-terminated) */
    const char *file; /* the name given to sg_doc_reader_open (borrowed) */
    long line;        /* its line in a JSONL file; 0 for a text file */
    int bad_name_date; /* the YYYY-MM-DD in a text file's name is no real date, so the
                          document has none (the caller may warn) */
} sg_doc;

/* Free a document from sg_doc_reader_next; NULL is a no-op. */
SG_API void sg_doc_free(sg_doc *d);

typedef struct sg_doc_reader sg_doc_reader;

/* Start reading fp (borrowed; the caller opens and closes it). path gives the document
 * id of a text file ("-" reads as "stdin") and the format for SG_DOC_AUTO; name is the
 * file name used in errors ("FILE:LINE: problem"). date, when not NULL, overrides the
 * date of every document. The strings must outlive the reader. */
SG_API SG_NODISCARD sg_status sg_doc_reader_open(sg_doc_reader **out, FILE *fp,
                                                 const char *path, const char *name,
                                                 sg_doc_format format, const char *date,
                                                 sg_error *err);

/* The next document in *out (the caller frees it with sg_doc_free), or *out = NULL at
 * the end of the file. Returns SG_EINPUT with file and line for an empty text file, a
 * JSONL file with no document, invalid UTF-8, a malformed line (text after the object
 * included), a document without string "id" and "text" or whose "date" is no real date;
 * SG_EIO on a read error;
 * SG_ENOMEM. After an error the reader only returns that error. */
SG_API SG_NODISCARD sg_status sg_doc_reader_next(sg_doc_reader *r, sg_doc **out, sg_error *err);

SG_API void sg_doc_reader_free(sg_doc_reader *r);

#endif
