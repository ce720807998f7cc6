/* why.c - `explain --why-not ACTOR`: for every sentence of a document that names an
 * actor, what happened to each stance cue of the sentence (which holder and rule it got,
 * or why it gave nothing), and why the actor's own mention could not hold one. Runs the
 * extractor with its decision trace on; writes a plain-text report into memory. */
#define _POSIX_C_SOURCE 200809L
#include "extract/extract_ctx.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct text_buf {
    char *s;
    size_t n, cap;
    int oom;
} text_buf;

static void add(text_buf *b, const char *fmt, ...)
{
    if (b->oom)
        return;
    va_list ap;
    va_start(ap, fmt);
    va_list aq;
    va_copy(aq, ap);
    int len = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    if (len >= 0 && b->n + (size_t)len + 1 > b->cap) {
        size_t cap = (b->n + (size_t)len + 1) * 2;
        char *p = realloc(b->s, cap);
        if (p == NULL)
            len = -1;
        else
            b->s = p, b->cap = cap;
    }
    if (len < 0) {
        b->oom = 1;
        va_end(ap);
        return;
    }
    vsnprintf(b->s + b->n, (size_t)len + 1, fmt, ap);
    b->n += (size_t)len;
    va_end(ap);
}

/* Text of tokens [a, b), at most max bytes, line breaks folded. */
static void add_span(text_buf *bf, const ctx *c, size_t a, size_t b, size_t max)
{
    if (a >= b || b > c->s.tok.n_tok)
        return;
    size_t s = c->s.tok.tok[a].start, e = c->s.tok.tok[b - 1].end;
    int cut = e - s > max;
    if (cut)
        e = s + max;
    while (cut && e > s && ((unsigned char)c->s.doc->text[e] & 0xC0) == 0x80)
        e--; /* never split a UTF-8 sequence */
    add(bf, "\"");
    for (size_t i = s; i < e; i++) {
        char ch = c->s.doc->text[i];
        add(bf, "%c", (ch == '\n' || ch == '\r' || ch == '\t') ? ' ' : ch);
    }
    add(bf, "%s\"", cut ? "..." : "");
}

static void add_list(text_buf *b, const ctx *c, int list)
{
    if (list < 0) {
        add(b, "nobody");
        return;
    }
    const sg_list *l = &c->s.lists[list];
    sg_actor_set all = {{0}, 0};
    for (size_t k = l->first; k <= l->last; k++) {
        sg_actor_set one;
        sg_extract__mention_actors(&c->s, &c->s.men[k], &one);
        sg_actor_set_union(&all, &one);
    }
    for (int i = 0; i < all.n; i++)
        add(b, "%s%s", i ? ", " : "", c->s.lex->actors[all.a[i]].id);
    if (all.n == 0)
        add(b, "an unresolved mention");
}

/* Why mention m cannot hold a cue, or NULL when it can. */
static const char *mention_status(const ctx *c, const sg_mention *m)
{
    const sg_list *l = &c->s.lists[m->list];
    if (m->kind == SG_MEN_SOURCE)
        return "named as a source of reporting, never a holder";
    if (m->possessor_of_noun)
        return "it modifies or possesses a noun (\"NATO membership\", \"EU member states\"), so "
               "it holds nothing itself";
    if (l->in_pp)
        return "it sits inside a prepositional phrase (\"with X\", \"for X\"), not a subject";
    return NULL;
}

static void report_sentence(text_buf *b, const ctx *c, const sg_trace *tr,
                            const sg_statement_list *out, size_t si, int actor)
{
    const sg_sentence *st = &c->s.tok.sent[si];
    add(b, "sentence %zu: ", si + 1);
    add_span(b, c, st->first, st->last_plus1, 160);
    add(b, "\n");
    for (size_t i = 0; i < c->s.n_men; i++) {
        const sg_mention *m = &c->s.men[i];
        if ((size_t)c->s.sent_of[m->start] != si)
            continue;
        sg_actor_set a;
        sg_extract__mention_actors(&c->s, m, &a);
        int named = 0;
        for (int k = 0; k < a.n; k++)
            named |= a.a[k] == actor;
        if (!named)
            continue;
        const char *why = mention_status(c, m);
        add(b, "  mention ");
        add_span(b, c, m->start, m->end, 60);
        add(b, why ? ": %s\n" : ": can hold a cue\n", why);
    }
    int cues = 0;
    for (size_t k = 0; k < tr->n; k++) {
        const sg_trace_entry *e = &tr->e[k];
        if ((size_t)c->s.sent_of[e->cue_start] != si)
            continue;
        cues++;
        add(b, "  cue ");
        add_span(b, c, e->cue_start, e->cue_end, 60);
        if (e->reason) {
            add(b, ": gave nothing: %s", e->reason);
            if (e->holder_list >= 0) {
                add(b, " (holder found: ");
                add_list(b, c, e->holder_list);
                add(b, ")");
            }
        } else if (e->holder_list < 0) {
            /* "the Brazilian-drafted text": the name inside the compound */
            add(b, ": held by the name in the word (rule %s)", e->rule ? e->rule : "-");
        } else {
            add(b, ": held by ");
            add_list(b, c, e->holder_list);
            add(b, " (rule %s)", e->rule ? e->rule : "-");
        }
        add(b, "\n");
    }
    if (cues == 0)
        add(b, "  no stance cue, act or deferral of the topic in this sentence\n");
    const char *id = c->s.lex->actors[actor].id;
    for (size_t k = 0; k < out->n; k++) {
        const sg_statement *s = &out->items[k];
        if (s->sentence == (long)si + 1 && s->actor && strcmp(s->actor, id) == 0)
            add(b, "  => %s %s %s (stance %+d, weight %.2f)\n", id,
                s->stance > 0 ? "supports" : s->stance < 0 ? "opposes" : "defers on",
                s->target ? s->target : s->topic, s->stance, s->weight);
    }
}

sg_status sg_extract_why_not(char **report, const sg_lexicon *lex, const sg_document *doc,
                             const sg_extract_options *opts, const char *actor, sg_error *err)
{
    *report = NULL;
    if (opts == NULL || opts->topic == NULL)
        return sg_error_set(err, SG_EUSAGE, NULL, 0, "--why-not needs --topic");
    int topic = sg_lexicon__topic_index(lex, opts->topic);
    if (topic < 0)
        return sg_error_set(err, SG_EUSAGE, NULL, 0, "unknown topic \"%s\"", opts->topic);
    const char *id = sg_lexicon_actor_lookup(lex, actor);
    int a = id ? sg_lexicon__actor_index(lex, id) : -1;
    if (a < 0)
        return sg_error_set(err, SG_EUSAGE, NULL, 0, "unknown actor \"%s\"", actor);
    sg_statement_list out;
    sg_statement_list_init(&out);
    sg_trace tr = {NULL, 0, 0, 0};
    ctx c;
    sg_status rc = sg_extract__open(&c, lex, doc, opts, &out, err);
    if (rc != SG_OK) {
        sg_statement_list_destroy(&out);
        return rc;
    }
    c.trace = &tr;
    rc = sg_extract__run_topic(&c, topic);
    text_buf b = {NULL, 0, 0, 0};
    add(&b, "%s: %s on %s\n", doc->id, lex->actors[a].id, opts->topic);
    if (rc == SG_OK && !c.doc_on_topic)
        add(&b, "  the document never names the topic in full (no sentence has a term of "
                "every group of its \"terms\"), so only cues that name it in full count\n");
    size_t named = 0;
    for (size_t si = 0; rc == SG_OK && si < c.s.tok.n_sent; si++) {
        int here = 0;
        for (size_t i = 0; i < c.s.n_men && !here; i++) {
            if ((size_t)c.s.sent_of[c.s.men[i].start] != si)
                continue;
            sg_actor_set s;
            sg_extract__mention_actors(&c.s, &c.s.men[i], &s);
            for (int k = 0; k < s.n; k++)
                here |= s.a[k] == a;
        }
        if (!here)
            continue;
        named++;
        report_sentence(&b, &c, &tr, &out, si, a);
    }
    if (named == 0)
        add(&b, "  no sentence names %s (check its aliases with `lexicon check`)\n", lex->actors[a].id);
    sg_extract__close(&c);
    sg_statement_list_destroy(&out);
    free(tr.e);
    if (rc == SG_OK && (b.oom || tr.oom))
        rc = SG_ENOMEM;
    if (rc != SG_OK) {
        free(b.s);
        return sg_error_set(err, rc, doc->id, 0, "out of memory");
    }
    *report = b.s;
    return SG_OK;
}
