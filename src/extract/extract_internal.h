/* extract_internal.h - per-document state of the extractor: phrase matches, actor
 * mentions and lists, quote speakers. Private to src/extract. */
#ifndef SG_EXTRACT_INTERNAL_H
#define SG_EXTRACT_INTERNAL_H

#include <string.h>

#include "lexicon/lexicon_internal.h"
#include "stancegraph/extract.h"
#include "stancegraph/text.h"

/* meanings kept per match: a run on one topic keeps no other topic's act cues, so this
 * bounds only runs on every topic where more than 8 topics share one act phrase */
#define SG_MAX_MEANINGS 8
#define SG_MAX_ACTORS 32

/* A matched phrase: tokens [start, end) and the meanings that passed case checks. */
typedef struct sg_match {
    size_t start, end;
    const sg_phrase_meaning *m[SG_MAX_MEANINGS];
    int n;
} sg_match;

/* A set of actor indexes (small, ordered by first appearance). */
typedef struct sg_actor_set {
    int a[SG_MAX_ACTORS];
    int n;
} sg_actor_set;

typedef enum sg_mention_kind {
    SG_MEN_ACTOR,    /* resolved to actors */
    SG_MEN_SOURCE,   /* a source of reporting */
    SG_MEN_PRONOUN,  /* resolved later */
    SG_MEN_ROLE_ONLY /* a role with no actor ("the Prime Minister") */
} sg_mention_kind;

typedef struct sg_mention {
    size_t start, end;      /* tokens */
    sg_mention_kind kind;
    sg_actor_set actors;
    int person;             /* person index or -1 */
    int pronoun;            /* sg_pronoun_class when kind == SG_MEN_PRONOUN */
    int source;             /* source index or -1 */
    int possessor_of_noun;  /* "Ukraine's membership": X 's + a non-cue noun */
    int poss_follows;       /* followed by 's */
    int has_role;           /* names an office ("the Brazilian President") */
    int learned;            /* a name the document bound to an actor earlier */
    size_t list;            /* index of its list */
} sg_mention;

/* Coordinated mentions: "A, B and C". */
typedef struct sg_list {
    size_t first, last;     /* mention indexes, inclusive */
    size_t start, end;      /* tokens */
    int in_pp;              /* inside a prepositional phrase */
} sg_list;

/* Everything matched in one document. */
typedef struct sg_scan {
    const sg_lexicon *lex;
    const sg_document *doc;
    sg_tokens tok;
    uint32_t *tid;    /* token -> vocabulary id (0: no lexicon phrase or word list has it) */
    unsigned char *hyphen; /* token -> 1 when its norm holds a hyphen ("EU-Mercosur") */
    sg_match *main;   size_t n_main;   /* actors, cues, negators ... (non-overlapping) */
    sg_match *topic;  size_t n_topic;  /* topic terms (non-overlapping) */
    sg_match *anaph;  size_t n_anaph;  /* topic anaphors (non-overlapping) */
    int *main_at;     /* token -> index into main, or -1 */
    int *topic_at;
    int *anaph_at;
    char date[11];    /* the document's date, or one inferred from the years it names */
    sg_mention *men;  size_t n_men;
    sg_list *lists;   size_t n_lists;
    int *men_at;      /* token -> mention index covering it, or -1 */
    int *sent_of;     /* token -> sentence index */
    int cur_topic;    /* the topic being extracted: cues bound to another topic are not
                         seen; -1 while scanning (every cue is) */
    int only_topic;   /* the only topic extracted, or -1: other topics' act cues are not
                         kept while scanning (a match keeps at most SG_MAX_MEANINGS) */
    void *by_token;   /* one allocation for the arrays by token above (tid, hyphen, the
                         three _at, men_at, sent_of): freed as one */
} sg_scan;

/* only_topic: the one topic the document is extracted on, or -1 for every topic. */
SG_NODISCARD sg_status sg_extract__scan(sg_scan *s, const sg_lexicon *lex,
                                        const sg_document *doc, int only_topic, sg_error *err);
void sg_extract__scan_destroy(sg_scan *s);

/* The first meaning of kind k in the match at token i (or NULL). */
const sg_phrase_meaning *sg_extract__main_meaning_at(const sg_scan *s, size_t i, sg_phrase_kind k);
static inline const sg_phrase_meaning *sg_extract__main_meaning(const sg_scan *s, size_t i,
                                                                sg_phrase_kind k)
{
    if (i >= s->tok.n_tok || s->main_at[i] < 0) /* most tokens: no match */
        return NULL;
    return sg_extract__main_meaning_at(s, i, k);
}
/* 1 when token i's normalised form is in word list l of the lexicon (a flag test). */
static inline int sg_extract__in(const sg_scan *s, size_t i, sg_wordlist l)
{
    return i < s->tok.n_tok && (sg_lexicon__word_lists(s->lex, s->tid[i]) >> l & 1);
}
/* 1 when token i is a determiner or quantifier ("the", "its", "all", "two" ...). */
int sg_extract__is_determiner(const sg_scan *s, size_t i);
/* 1 when token i's normalised form is w. */
static inline int sg_extract__is(const sg_scan *s, size_t i, const char *w)
{
    if (i >= s->tok.n_tok)
        return 0;
    const char *n = s->tok.tok[i].norm;
    return n[0] == w[0] && strcmp(n, w) == 0; /* first byte first: most words differ there */
}

/* Does word w end in suffix, with at least two letters before it ("-ing": "joining", not
 * "sing"; "-ed": "shed", "joined")? */
static inline int ends_in(const char *w, const char *suffix)
{
    size_t a = strlen(w), b = strlen(suffix);
    return a > b + 1 && strcmp(w + a - b, suffix) == 0;
}

void sg_actor_set_add(sg_actor_set *set, int actor);
void sg_actor_set_union(sg_actor_set *set, const sg_actor_set *other);

#endif
