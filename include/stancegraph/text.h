/* text.h - UTF-8 validation, tokens with byte offsets, sentence splitting.
 *
 * Knows nothing about actors or stance. Tokens carry a normalised form: lower-cased
 * ASCII, curly quotes and dashes unified, a possessive "'s" split into its own token
 * ("'s"). Sentence ends respect abbreviations (U.S., Gen., Jan., Mr.) and a line break
 * ends a headline without final punctuation. Spans are byte offsets, start <= end.
 * Thread-safe: no shared state.
 */
#ifndef SG_TEXT_H
#define SG_TEXT_H

#include <stddef.h>
#include "stancegraph/error.h"

/* Check that s[0..len) is well-formed UTF-8 (no overlongs, no surrogates, no NUL).
 * Returns 1 when valid; else 0 and, when non-NULL, *bad_offset = first bad byte. */
SG_API int sg_utf8_valid(const char *s, size_t len, size_t *bad_offset);

typedef enum sg_token_kind {
    SG_TOK_WORD,   /* letters/digits, inner hyphens, apostrophes and dots of abbreviations */
    SG_TOK_PUNCT,  /* one punctuation mark (normalised: quotes ", dashes -) */
    SG_TOK_POSS    /* the possessive 's split off a word */
} sg_token_kind;

typedef struct sg_token {
    size_t start, end;  /* byte span in the document */
    sg_token_kind kind;
    unsigned norm_len;  /* strlen(norm) */
    char *norm;         /* normalised form, NUL-terminated (owned by the sg_tokens) */
    unsigned caps : 1;  /* word written entirely in capitals (2+ letters) */
    unsigned upper : 1; /* word starts with a capital letter */
    unsigned quote : 1; /* inside a quotation */
    unsigned line_start : 1; /* first token on its line */
} sg_token;

/* A sentence longer than this many tokens (a list, a table, text without full stops) is
 * cut into pieces of at most this many, after the last ";", ":", "," or dash in the
 * second half of the piece when there is one: every later stage then works on bounded
 * sentences, so time and memory stay linear in the text (docs/extraction.md). */
#define SG_MAX_SENTENCE_TOKENS 256

typedef struct sg_sentence {
    size_t first, last_plus1; /* token index range */
    size_t start, end;        /* byte span */
    int headline;             /* ended by a line break, not punctuation */
    int paragraph_start;      /* first sentence of a paragraph */
    int cut;                  /* cut at SG_MAX_SENTENCE_TOKENS: the sentence goes on */
} sg_sentence;

/* The tokens and sentences of one document. */
typedef struct sg_tokens {
    sg_token *tok;
    size_t n_tok;
    sg_sentence *sent;
    size_t n_sent;
    char *pool; /* storage of every norm string */
    size_t pool_len, pool_cap;
} sg_tokens;

/* Tokenise text[0..len) (must be valid UTF-8) and split it into sentences.
 * abbreviations: NULL-terminated list of lower-case abbreviations without the final
 * dot ("u.s", "gen", "jan") that do not end a sentence; NULL uses a built-in set.
 * On success *out must be released with sg_tokens_destroy. */
SG_API SG_NODISCARD sg_status sg_tokens_init(sg_tokens *out, const char *text, size_t len,
                                             const char *const *abbreviations, sg_error *err);
SG_API void sg_tokens_destroy(sg_tokens *t);

#endif
