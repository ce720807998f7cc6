/* extract_ctx.h - the extractor's per-document state and the functions its files share:
 * holder.c (who holds a cue), topic.c (what it is about), extract.c (clauses, polarity,
 * output). Private to src/extract. */
#ifndef SG_EXTRACT_CTX_H
#define SG_EXTRACT_CTX_H

#include <stdlib.h>
#include <string.h>

#include "extract/resolve.h"

/* Weight factors (documented in docs/extraction.md). */
#define SG_W_CONDITIONAL 0.5   /* inside an if/unless clause */
#define SG_W_NEG_OPPOSE 0.5    /* "no longer has objections": weak support */
#define SG_W_NEG_SUPPORT 0.8   /* "does not support": opposition */
#define SG_W_CARRIED 0.8       /* topic carried from the document, not named */
#define SG_W_EFFECT 0.7        /* "membership would strengthen the alliance" */

/* In a topic's group mask (sg_topic__groups): the bit set by an anaphor of the topic
 * ("the bid", "membership"), above every term group's bit. */
#define SG_TOPIC_ANAPHOR (1u << 31)

/* One decision about a cue, kept for `explain --why-not` (src/extract/why.c). */
typedef struct sg_trace_entry {
    size_t cue_start, cue_end; /* tokens */
    int holder_list;           /* -1: none found */
    const char *rule;          /* holder rule, or NULL */
    const char *reason;        /* why it gave nothing; NULL when it gave a statement */
} sg_trace_entry;

typedef struct sg_trace {
    sg_trace_entry *e;
    size_t n, cap;
    int oom;
} sg_trace;

typedef struct ctx {
    sg_scan s;
    const sg_extract_options *opts;
    int topic;              /* topic index of the run */
    int doc_on_topic;       /* some sentence names the topic in full */
    size_t out_first;       /* the document's statements start here in out */
    int *clause_of;         /* token -> clause id */
    size_t n_clauses;
    size_t *clause_start, *clause_end;
    int *quote_list;        /* token -> speaker list of its quotation, or -1 */
    const char *doc_source; /* source for statements without a named one */
    sg_statement_list *out;
    size_t n_out;
    size_t sent_base, byte_base; /* where this window starts in a long document */
    const char *doc_id;      /* the whole document's id (a window's doc is a part of it) */
    unsigned char *consumed; /* token -> cue already used (block reversal) */
    int has_last;            /* a stance on the topic was found ... */
    int last_stance;         /* ... with this polarity ... */
    size_t last_sent;        /* ... in this sentence (for "do so", "follow suit") */
    int has_event;           /* the same for the last stance not itself reached through an */
    int event_stance;        /* event noun ("condemned the move"): the act that "the move", */
    size_t event_sent;       /* "the decision" name again */
    int rel_topic;           /* the one topic pass that emits actor->actor relations (they
                                do not depend on the topic: emitted once per document) */
    unsigned *seen, *seen_target; /* actor -> generation stamp: holders and targets already
                                     emitted for a finding, without a size cap */
    unsigned gen, gen_target;
    sg_trace *trace;         /* NULL unless explaining */
    unsigned *topic_mask;    /* scratch, one per lexicon topic, all 0 between uses */
    int *topic_touched;      /* scratch: the topics whose mask is set */
    unsigned *prev_mask;     /* scratch: the previous sentence's masks (mark_topics_named) */
    unsigned char *named;    /* actor -> some mention names it (built on first use) */
    int *prev_touched;       /* ... and the topics it set */
    unsigned *prev2_mask;    /* scratch: the same for the sentence before that */
    int *prev2_touched;
    unsigned char *on_topic; /* topic -> some sentence names it in full */
    unsigned char *has_act;  /* topic -> a cue bound to its act occurs in the document */
    unsigned char *clause_has_mention; /* clause -> some mention starts in it */
    void *by_token;          /* one allocation for clause_start, clause_end, clause_of,
                                quote_list, consumed and clause_has_mention */
    void *by_actor;          /* one (zeroed) for seen, seen_target, topic_mask, prev_mask,
                                topic_touched, prev_touched, prev2_mask, prev2_touched,
                                on_topic and has_act */
    int relations_only;      /* this pass can give only actor->actor relations (the
                                document names neither the topic nor its act) */
} ctx;

/* Record a decision about the cue at [a, b) when tracing (no-op otherwise). */
static inline void sg_extract__trace(ctx *c, size_t a, size_t b, int holder, const char *rule,
                                     const char *reason)
{
    sg_trace *t = c->trace;
    if (t == NULL || t->oom)
        return;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 32;
        sg_trace_entry *p = realloc(t->e, cap * sizeof(*p));
        if (p == NULL) {
            t->oom = 1;
            return;
        }
        t->e = p;
        t->cap = cap;
    }
    sg_trace_entry e = {a, b, holder, rule, reason};
    t->e[t->n++] = e;
}

/* extract.c: open a document for extraction (scan, pronouns, clauses, quotes), run one
 * topic, close. sg_extract_document and why.c share them. */
sg_status sg_extract__open(ctx *c, const sg_lexicon *lex, const sg_document *doc,
                           const sg_extract_options *opts, sg_statement_list *out, sg_error *err);
sg_status sg_extract__run_topic(ctx *c, int topic);
void sg_extract__close(ctx *c);

typedef enum topic_how { TOPIC_NONE, TOPIC_CLAUSE, TOPIC_SENTENCE, TOPIC_ANAPHOR, TOPIC_CARRIED } topic_how;

typedef struct holder {
    int list;          /* list index, or -1 */
    const char *rule;
    int speaker_list;  /* for first-person pronouns */
    int n_more;        /* lists list+1 .. list+n_more hold the cue too (a comma series) */
} holder;

/* ---- small token predicates --------------------------------------------------- */

static inline int is_word(const ctx *c, size_t i, const char *const *words)
{
    for (size_t k = 0; words[k]; k++)
        if (sg_extract__is(&c->s, i, words[k]))
            return 1;
    return 0;
}

static inline int in_list(const ctx *c, size_t i, sg_wordlist l)
{
    return sg_extract__in(&c->s, i, l);
}

static inline int is_determiner(const ctx *c, size_t i)
{
    return sg_extract__is_determiner(&c->s, i);
}

static inline int is_modal(const ctx *c, size_t i)
{
    return in_list(c, i, SG_WL_MODALS);
}

static inline int is_punct(const ctx *c, size_t i, const char *p)
{
    return i < c->s.tok.n_tok && c->s.tok.tok[i].kind == SG_TOK_PUNCT &&
           c->s.tok.tok[i].norm[0] == p[0] && strcmp(c->s.tok.tok[i].norm, p) == 0;
}

/* topic.c */
unsigned sg_topic__groups(const ctx *c, int t, size_t a, size_t b);
int sg_topic__full(const ctx *c, int t, unsigned mask);
int sg_topic__other(const ctx *c, int t, size_t a, size_t b);
/* Gather into c->topic_mask the groups every topic but skip has in [a, b) (as
 * sg_topic__groups counts them, anaphors aside); returns how many topics it touched, listed
 * in c->topic_touched. The caller reads the masks and clears them. */
size_t sg_topic__gather(const ctx *c, size_t a, size_t b, int skip);
topic_how sg_topic__of(const ctx *c, int t, size_t cue, size_t cue_end, int cl, int carry_ok,
                       int before_ok, int nominal, int holder_list);

/* holder.c */
int sg_holder__candidate(const ctx *c, const sg_list *l);
int sg_holder__list_of(const ctx *c, size_t i);
int sg_holder__list_after(const ctx *c, size_t i, size_t end);
int sg_holder__first_candidate(const ctx *c, size_t from, size_t to);
int sg_holder__speaker_list(const ctx *c, size_t from, size_t speech);
int sg_holder__speaker_before(const ctx *c, size_t from, size_t pos, size_t *after_speech);
holder sg_holder__find(const ctx *c, const sg_cue_entry *cue, size_t at, size_t end, int cl);
int sg_holder__resolve_speaker(const ctx *c, int list, size_t at);
int sg_holder__nominal_use(const ctx *c, size_t at, size_t cs, int reach);
int sg_extract__negated(const ctx *c, size_t at, size_t from);

#endif
