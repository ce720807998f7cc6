/* extract.h - statements from documents: who supports, opposes or defers on a topic.
 *
 * Rule-based: lexicon phrases are matched in one trie pass per sentence; clauses are
 * split; each stance cue gets a holder (passive agent, possessor, copula/active subject,
 * quoted speaker), a topic (terms in scope, an anaphor, or the document's topic), a
 * polarity (negation, reversal of blocking acts, deferral) and a weight (strength x hedge
 * x condition). Thread-safe: the lexicon is read-only; all state is per call.
 */
#ifndef SG_EXTRACT_H
#define SG_EXTRACT_H

#include <stddef.h>
#include "stancegraph/error.h"
#include "stancegraph/lexicon.h"
#include "stancegraph/statements.h"

/* One input document. Strings are borrowed for the duration of the call. */
typedef struct sg_document {
    const char *id;     /* document id (required) */
    const char *date;   /* "YYYY-MM-DD" or NULL (then people resolve to today's office) */
    const char *source; /* outlet, or NULL */
    const char *text;   /* UTF-8 text */
    size_t len;
} sg_document;

typedef enum sg_actor_level {
    SG_LEVEL_GROUP = 0, /* countries and organisations */
    SG_LEVEL_PERSON     /* the named speaker, with the country kept in `country` */
} sg_actor_level;

typedef struct sg_extract_options {
    const char *topic;          /* topic id; NULL extracts every topic of the lexicon */
    sg_actor_level level;
    int include_relations;      /* also emit actor->actor relations (statements with target) */
} sg_extract_options;

#define SG_EXTRACT_OPTIONS_INIT {NULL, SG_LEVEL_GROUP, 1}

/* A statement's evidence text is its sentence; one longer than this many bytes is cut
 * around the mention and the cue, with "..." (U+2026) where words were left out (the
 * statement's span_start/span_end still give the whole sentence). */
#define SG_EVIDENCE_MAX_BYTES 600

/* A document longer than this many bytes (a whole book, a feed saved as one .txt) is read
 * in windows of at most this size, each ending at a paragraph break (else a line break,
 * else a sentence end, else a space) so that time and memory stay those of the same text
 * as separate documents. Statement ids, sentence numbers and spans count over the whole
 * document; what a document carries from one sentence to the next (the topic, people
 * named with their office, pronouns, "do so") does not cross a window. */
#define SG_DOC_WINDOW_BYTES (256 * 1024)

/* Append the statements found in doc to out. Returns SG_EINPUT for invalid UTF-8 (the
 * error's line is the line of the document, the message gives the byte offset in it),
 * SG_EUSAGE for an unknown topic, SG_ENOMEM. */
SG_API SG_NODISCARD sg_status sg_extract_document(sg_statement_list *out, const sg_lexicon *lex,
                                                  const sg_document *doc,
                                                  const sg_extract_options *opts, sg_error *err);

/* Receives the statements of one window of a document (sg_extract_document_windows): it
 * may take records out of *window (sg_statement_list_take); what it leaves is freed when
 * it returns. A status other than SG_OK stops the extraction. */
typedef sg_status (*sg_extract_window_fn)(sg_statement_list *window, void *arg);

/* The statements of doc, exactly as sg_extract_document gives them, handed to fn window
 * by window (once for a document of at most SG_DOC_WINDOW_BYTES), so that a long
 * document's statements are never all held at once. Errors as sg_extract_document; a
 * failing fn's status is returned. The windows before an error have reached fn. */
SG_API SG_NODISCARD sg_status sg_extract_document_windows(const sg_lexicon *lex,
                                                          const sg_document *doc,
                                                          const sg_extract_options *opts,
                                                          sg_extract_window_fn fn, void *arg,
                                                          sg_error *err);

/* Why doc gives actor (an id or alias) the statements it gives on opts->topic, or none:
 * for each sentence naming the actor, whether its mention can hold a cue and what each
 * stance cue of the sentence got (holder and rule, or the reason it gave nothing).
 * *report is a NUL-terminated text the caller frees. SG_EUSAGE for a missing or unknown
 * topic or an unknown actor. */
SG_API SG_NODISCARD sg_status sg_extract_why_not(char **report, const sg_lexicon *lex,
                                                 const sg_document *doc,
                                                 const sg_extract_options *opts,
                                                 const char *actor, sg_error *err);

#endif
