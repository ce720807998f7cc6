/* extract.c - statements from one document: clauses, stance cues, holders, topic,
 * polarity and weight. The rules, in the order they are tried, are documented in
 * docs/extraction.md; every statement records the rule that fired.
 */
#define _POSIX_C_SOURCE 200809L
#include "extract/extract_ctx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- clauses ------------------------------------------------------------------ */

/* A word that opens a clause: a clause conjunction ("but", "whereas"); ", and" / ", or"
 * before a new subject; "even as"/"even though"; "if"/"unless" (not "even if", "only if"). */
static int starts_clause_word(const ctx *c, size_t i, size_t first)
{
    if (in_list(c, i, SG_WL_CLAUSE_CONJUNCTIONS))
        return 1;
    /* ", and" / ", or" before a new subject: "A applied, and B urged ..." (not inside a
     * coordinated list "A, B, and C") */
    if ((sg_extract__is(&c->s, i, "and") || sg_extract__is(&c->s, i, "or")) && i > first &&
        is_punct(c, i - 1, ",")) {
        size_t k = i + 1;
        while (k < c->s.tok.n_tok && is_determiner(c, k))
            k++;
        int after = k < c->s.tok.n_tok ? c->s.men_at[k] : -1;
        int before = i >= 2 ? c->s.men_at[i - 2] : -1;
        if (after >= 0 && !(before >= 0 && c->s.men[before].list == c->s.men[after].list))
            return 1;
    }
    if (in_list(c, i, SG_WL_CONCESSIVE_ADVERBS) && in_list(c, i + 1, SG_WL_CONCESSIVE_PARTNERS))
        return 1;
    if (in_list(c, i, SG_WL_CONDITIONAL_CONJUNCTIONS))
        return !in_list(c, i - 1, SG_WL_EXCLUSIVE_ADVERBS);
    return 0;
}

/* The word lists a word must be in to open a clause (one flag test rejects most words). */
#define CLAUSE_WORDS                                                                       \
    ((uint64_t)1 << SG_WL_CLAUSE_CONJUNCTIONS | (uint64_t)1 << SG_WL_LIST_CONJUNCTIONS |    \
     (uint64_t)1 << SG_WL_CONCESSIVE_ADVERBS | (uint64_t)1 << SG_WL_CONDITIONAL_CONJUNCTIONS)

static int starts_clause(const ctx *c, size_t i, size_t first)
{
    if (i == first)
        return 0;
    if (c->s.tok.tok[i].kind == SG_TOK_WORD)
        return (sg_lexicon__word_lists(c->s.lex, c->s.tid[i]) & CLAUSE_WORDS) &&
               starts_clause_word(c, i, first);
    if (is_punct(c, i, ";") || is_punct(c, i, ":") || is_punct(c, i, "(") ||
        is_punct(c, i, ")"))
        return 1;
    if (is_punct(c, i, "-") && i > first && c->s.tok.tok[i].start > c->s.tok.tok[i - 1].end)
        return 1;
    if (is_punct(c, i, "\"") && c->s.tok.tok[i].quote != c->s.tok.tok[i - 1].quote) {
        /* the edge of a quotation splits; scare quotes ("unrealistic") do not */
        size_t k = i, n = 0;
        int inside = c->s.tok.tok[i].quote;
        if (inside) /* counting stops at 5: only "5 or more" matters */
            for (k = i; k < c->s.tok.n_tok && c->s.tok.tok[k].quote && n < 5; k++)
                n++;
        else
            for (k = i; k-- > first && c->s.tok.tok[k].quote && n < 5;)
                n++;
        return n >= 5;
    }
    return 0;
}

static sg_status split_clauses(ctx *c)
{
    c->n_clauses = 0; /* clause_of, clause_start, clause_end: in c->by_token */
    for (size_t si = 0; si < c->s.tok.n_sent; si++) {
        const sg_sentence *st = &c->s.tok.sent[si];
        for (size_t i = st->first; i < st->last_plus1; i++) {
            if (i == st->first || starts_clause(c, i, st->first)) {
                if (c->n_clauses > 0 && i != st->first)
                    c->clause_end[c->n_clauses - 1] = i;
                c->clause_start[c->n_clauses] = i;
                c->clause_end[c->n_clauses] = st->last_plus1;
                c->n_clauses++;
            }
            c->clause_of[i] = (int)c->n_clauses - 1;
        }
    }
    return SG_OK;
}

/* ---- quotations ------------------------------------------------------------------ */

static sg_status find_quotes(ctx *c)
{
    size_t n = c->s.tok.n_tok; /* quote_list: in c->by_token */
    for (size_t i = 0; i < n; i++)
        c->quote_list[i] = -1;
    for (size_t i = 0; i < n;) {
        if (!c->s.tok.tok[i].quote) {
            i++;
            continue;
        }
        size_t open = i;
        while (i < n && c->s.tok.tok[i].quote)
            i++;
        if (i - open < 5)  /* scare quotes: "simple invitation" */
            continue;
        int l = sg_extract__quote_speaker(&c->s, open, i);
        for (size_t k = open; k < i; k++)
            c->quote_list[k] = l;
    }
    return SG_OK;
}

/* ---- polarity and weight ------------------------------------------------------- */

int sg_extract__negated(const ctx *c, size_t at, size_t from)
{
    int n = 0;
    size_t lo = at > from + 5 ? at - 5 : from;
    for (size_t k = lo; k < at; k++) {
        const sg_phrase_meaning *m = sg_extract__main_meaning(&c->s, k, SG_P_NEGATOR);
        if (m)
            n++;
        else if (sg_extract__main_meaning(&c->s, k, SG_P_CUE) &&
                 !(c->s.main[c->s.main_at[k]].end + 1 == at &&
                   (sg_extract__is(&c->s, at - 1, "or") || sg_extract__is(&c->s, at - 1, "nor"))))
            n = 0; /* a negator before an earlier cue belongs to that cue, except in "would
                    * not sign or ratify", where the verbs share it */
    }
    return n % 2;
}

static double hedge_factor(const ctx *c, size_t from, size_t at)
{
    double f = 1.0;
    for (size_t k = from; k < at; k++) {
        const sg_phrase_meaning *m = sg_extract__main_meaning(&c->s, k, SG_P_HEDGE);
        if (m && c->s.lex->hedges[m->data] < f)
            f = c->s.lex->hedges[m->data];
    }
    return f;
}

static int in_conditional(const ctx *c, int cl)
{
    size_t cs = c->clause_start[cl];
    for (size_t k = cs; k < c->clause_end[cl] && k < cs + 3; k++)
        if (sg_extract__main_meaning(&c->s, k, SG_P_CONDITIONAL))
            return 1;
    return 0;
}

/* Is token at inside the condition of an if/unless clause ("if he recognises X"), not in
 * the consequence after its comma ("If the war ends, Italy will support X")? */
static int in_protasis(const ctx *c, int cl, size_t at)
{
    for (size_t k = c->clause_start[cl]; k < at; k++)
        if (is_punct(c, k, ","))
            return 0;
    return 1;
}

static size_t deferral_in(const ctx *c, int cl)
{
    for (size_t k = c->clause_start[cl]; k < c->clause_end[cl]; k++)
        if (sg_extract__main_meaning(&c->s, k, SG_P_DEFERRAL))
            return k;
    return (size_t)-1;
}

#define SG_DEFERRAL_REACH_AFTER 8

/* A cue in clause cl that takes a side itself: an act noun held only by a possessor
 * ("the recognition came too early") is the topic named, and leaves the clause to its
 * deferral. */
static int clause_has_cue(const ctx *c, int cl)
{
    for (size_t k = c->clause_start[cl]; k < c->clause_end[cl]; k++) {
        const sg_phrase_meaning *m = sg_extract__main_meaning(&c->s, k, SG_P_CUE);
        if (m && !(c->s.lex->cues[m->data].nominal_only &&
                   !(k > 0 && (c->s.tok.tok[k - 1].kind == SG_TOK_POSS))))
            return 1;
    }
    return 0;
}

/* An elliptical clause ("..., but not now"): not the first of its sentence, no cue and
 * no holder of its own; its deferral applies to the clause before. */
static int elliptic(const ctx *c, int cl)
{
    size_t cs = c->clause_start[cl];
    if (cl == 0 || c->s.sent_of[cs] != c->s.sent_of[c->clause_start[cl - 1]] ||
        clause_has_cue(c, cl))
        return 0;
    for (size_t k = cs; k < c->clause_end[cl]; k++) {
        int l = c->s.men_at[k] >= 0 ? (int)c->s.men[c->s.men_at[k]].list : -1;
        if (l >= 0 && sg_holder__candidate(c, &c->s.lists[l]))
            return 0;
    }
    return 1;
}

/* A deferral phrase after the cue in its clause ("Turkey's approval will come later"). */
static int deferral_after(const ctx *c, int cl, size_t at)
{
    for (size_t k = at + 1; k < c->clause_end[cl] && k <= at + SG_DEFERRAL_REACH_AFTER; k++)
        if (sg_extract__main_meaning(&c->s, k, SG_P_DEFERRAL))
            return 1;
    return 0;
}

/* Deferral near the cue in its clause ("supports membership, but only later"), or in an
 * elliptical clause right after it. A deferral elsewhere in a long clause ("postponed his
 * visit ... who opposes X") is about something else. */
#define SG_DEFERRAL_REACH 8

static int deferred(const ctx *c, int cl, size_t at)
{
    for (size_t k = c->clause_start[cl]; k < c->clause_end[cl]; k++)
        if (sg_extract__main_meaning(&c->s, k, SG_P_DEFERRAL) &&
            (k > at ? k - at : at - k) <= SG_DEFERRAL_REACH)
            return 1;
    return (size_t)cl + 1 < c->n_clauses && elliptic(c, cl + 1) &&
           deferral_in(c, cl + 1) != (size_t)-1;
}

/* A source named in a reporting frame of the sentence ("according to X", "X reported"). */
static const char *sentence_source(const ctx *c, size_t sent, int *reported)
{
    const sg_sentence *st = &c->s.tok.sent[sent];
    *reported = 0;
    const char *found = NULL;
    for (size_t k = st->first; k < st->last_plus1; k++) {
        if (c->s.men_at[k] < 0)
            continue;
        const sg_mention *m = &c->s.men[c->s.men_at[k]];
        if (m->kind != SG_MEN_SOURCE)
            continue;
        *reported = 1;
        if (m->source >= 0 && found == NULL)
            found = c->s.lex->sources[m->source];
    }
    for (size_t k = st->first; k < st->last_plus1 && !*reported; k++)
        if (sg_extract__main_meaning(&c->s, k, SG_P_REPORTING))
            *reported = 1;
    return found;
}

/* ---- output --------------------------------------------------------------------- */

static char *span_dup(const ctx *c, size_t a, size_t b)
{
    size_t s = c->s.tok.tok[a].start, e = c->s.tok.tok[b - 1].end;
    char *out = malloc(e - s + 1);
    if (out == NULL)
        return NULL;
    size_t n = 0;
    for (size_t i = s; i < e; i++) { /* fold line breaks into spaces */
        char ch = c->s.doc->text[i];
        out[n++] = (ch == '\n' || ch == '\r' || ch == '\t') ? ' ' : ch;
    }
    out[n] = '\0';
    return out;
}

/* The evidence text of a statement in sentence st: the whole sentence up to
 * SG_EVIDENCE_MAX_BYTES; a longer one is cut to the tokens around the mention and the cue
 * [lo, hi), widened a token at a time on either side while it fits, with "..." (U+2026)
 * where text was left out. The statement's span still gives the whole sentence. */
static char *evidence_text(const ctx *c, const sg_sentence *st, size_t lo, size_t hi)
{
    const sg_token *t = c->s.tok.tok;
    if (st->end - st->start <= SG_EVIDENCE_MAX_BYTES || lo >= hi)
        return span_dup(c, st->first, st->last_plus1);
    size_t a = lo, b = hi;
    for (int grew = 1; grew;) {
        grew = 0;
        if (a > st->first && t[b - 1].end - t[a - 1].start <= SG_EVIDENCE_MAX_BYTES)
            a--, grew = 1;
        if (b < st->last_plus1 && t[b].end - t[a].start <= SG_EVIDENCE_MAX_BYTES)
            b++, grew = 1;
    }
    char *core = span_dup(c, a, b);
    if (core == NULL)
        return NULL;
    static const char ell[] = "\xe2\x80\xa6"; /* U+2026 */
    size_t n = strlen(core);
    char *out = malloc(n + 2 * (sizeof(ell) + 1));
    if (out != NULL)
        snprintf(out, n + 2 * (sizeof(ell) + 1), "%s%s%s%s%s", a > st->first ? ell : "",
                 a > st->first ? " " : "", core, b < st->last_plus1 ? " " : "",
                 b < st->last_plus1 ? ell : "");
    free(core);
    return out;
}

typedef struct finding {
    int stance;
    double weight;
    unsigned flags;
    const char *rule;
    size_t cue_start, cue_end;
    size_t scope;      /* where the cue's object starts (a governed cue's own start) */
    int target_list;   /* -1 for a stance on the topic */
    int self;          /* a self cue ("applied to join"): only holders that are candidates
                          of the topic (named in it, not its deciding body) hold it */
} finding;

static int xstrdup(char **dst, const char *src)
{
    *dst = src ? strdup(src) : NULL;
    return src && *dst == NULL;
}

static sg_status emit_one(ctx *c, const finding *f, const sg_mention *m, int actor,
                          int target_actor, size_t sent)
{
    const sg_sentence *st = &c->s.tok.sent[sent];
    const sg_lexicon *lex = c->s.lex;
    sg_statement s;
    sg_statement_init(&s);
    char id[512];
    snprintf(id, sizeof(id), "%s:s%zu:%zu", c->s.doc->id, c->sent_base + sent + 1, ++c->n_out);
    int reported = 0;
    const char *src = sentence_source(c, sent, &reported);
    if (src == NULL)
        src = c->doc_source;
    const char *person = m->person >= 0 ? lex->people[m->person].name : NULL;
    const char *group = lex->actors[actor].id;
    const char *who = (c->opts->level == SG_LEVEL_PERSON && person) ? person : group;
    int bad = xstrdup(&s.id, id) || xstrdup(&s.doc, c->s.doc->id) ||
              xstrdup(&s.date, c->s.doc->date) || xstrdup(&s.source, src) ||
              xstrdup(&s.actor, who) || xstrdup(&s.person, person) ||
              xstrdup(&s.country, person ? group : NULL) ||
              xstrdup(&s.topic, lex->topics[c->topic].id) ||
              xstrdup(&s.target, target_actor >= 0 ? lex->actors[target_actor].id : NULL) ||
              xstrdup(&s.rule, f->rule);
    if (!bad) {
        s.mention = span_dup(c, m->start, m->end);
        s.cue = span_dup(c, f->cue_start, f->cue_end);
        size_t lo = m->start < f->cue_start ? m->start : f->cue_start;
        size_t hi = m->end > f->cue_end ? m->end : f->cue_end;
        s.text = evidence_text(c, st, lo, hi);
        bad = !s.mention || !s.cue || !s.text;
    }
    s.stance = f->stance;
    s.weight = f->weight;
    s.flags = f->flags | (reported ? SG_FLAG_REPORTED : 0) |
              (m->kind == SG_MEN_PRONOUN ? SG_FLAG_INFERRED : 0);
    s.sentence = (long)(c->sent_base + sent + 1);
    s.span_start = (long)(c->byte_base + st->start);
    s.span_end = (long)(c->byte_base + st->end);
    if (bad || sg_statement_list_take(c->out, &s) != SG_OK) {
        sg_statement_destroy(&s);
        return SG_ENOMEM;
    }
    return SG_OK;
}

/* Is mention m a candidate of the topic: named among its terms, and not the body that
 * decides ("Moldova, Ukraine and Georgia applied to join the EU" on Moldova's accession
 * speaks for Moldova only)? */
static int self_candidate(const ctx *c, const sg_mention *m)
{
    /* "new members of BRICS": any actor but the organisation the terms name */
    int open = c->s.lex->topics[c->topic].name_group;
    if (open >= 0 && m->kind != SG_MEN_PRONOUN)
        return !(sg_topic__groups(c, c->topic, m->start, m->end) & (1u << open));
    if (m->kind != SG_MEN_PRONOUN &&
        !(sg_topic__groups(c, c->topic, m->start, m->end) & ~SG_TOPIC_ANAPHOR))
        return 0;
    const char *body = c->s.lex->topics[c->topic].body;
    sg_actor_set a;
    sg_extract__mention_actors(&c->s, m, &a);
    for (int i = 0; body && i < a.n; i++)
        if (strcmp(c->s.lex->actors[a.a[i]].id, body) == 0)
            return 0;
    return 1;
}

/* A fresh generation of an actor stamp array (cleared when the counter wraps). */
static unsigned next_gen(unsigned *stamps, unsigned *gen, size_t n)
{
    if (++*gen == 0) {
        memset(stamps, 0, n * sizeof(*stamps));
        *gen = 1;
    }
    return *gen;
}

/* Does some mention of the document name actor a? (-1: out of memory) The set of named
 * actors is built once per document, on first use. */
static int doc_names(ctx *c, int a)
{
    if (c->named == NULL) {
        if ((c->named = calloc(c->s.lex->n_actors + 1, 1)) == NULL)
            return -1;
        for (size_t k = 0; k < c->s.n_men; k++)
            for (int i = 0; i < c->s.men[k].actors.n; i++)
                c->named[c->s.men[k].actors.a[i]] = 1;
    }
    return c->named[a];
}

/* A joint forum's position ("the G7 foreign ministers declared") is that of each member
 * the document names too. */
static sg_status emit_joint_members(ctx *c, const finding *f, const sg_mention *m, int actor,
                                    size_t sent, unsigned gen)
{
    const sg_actor_entry *a = &c->s.lex->actors[actor];
    if (!a->joint)
        return SG_OK;
    for (size_t k = 0; k < a->n_members; k++) {
        int member = sg_lexicon__actor_index(c->s.lex, a->members[k]);
        if (member < 0 || c->seen[member] == gen)
            continue;
        int named = doc_names(c, member);
        if (named < 0)
            return SG_ENOMEM;
        if (!named)
            continue;
        c->seen[member] = gen;
        finding g = *f;
        g.flags |= SG_FLAG_INFERRED;
        sg_status rc = emit_one(c, &g, m, member, -1, sent);
        if (rc != SG_OK)
            return rc;
    }
    return SG_OK;
}

/* Emit f for every distinct actor of the holder list (and, for a relation, every
 * distinct actor of the target list): every item of a coordinated list of any length
 * (actor stamps, not a capped set, remember who was emitted). */
static sg_status emit(ctx *c, const finding *f, int list, size_t sent)
{
    const sg_list *l = &c->s.lists[list];
    const sg_list *tl = NULL;
    if (f->target_list >= 0) {
        /* one relation, one statement: not once per topic of the lexicon */
        if (!c->opts->include_relations || c->topic != c->rel_topic)
            return SG_OK;
        tl = &c->s.lists[f->target_list];
    }
    size_t n_actors = c->s.lex->n_actors;
    unsigned gen = next_gen(c->seen, &c->gen, n_actors);
    for (size_t k = l->first; k <= l->last; k++) {
        const sg_mention *m = &c->s.men[k];
        if (m->kind == SG_MEN_SOURCE || (m->possessor_of_noun && l->first != l->last))
            continue;
        if (f->self && !self_candidate(c, m))
            continue;
        sg_actor_set actors;
        sg_extract__mention_actors(&c->s, m, &actors);
        /* at person level an opposition leader out of office still speaks for himself;
         * his country is the one of his nearest office */
        if (actors.n == 0 && m->person >= 0 && c->opts->level == SG_LEVEL_PERSON)
            sg_actor_set_add(&actors, sg_lexicon__person_actor(c->s.lex, m->person, NULL,
                                                               NULL, 0));
        for (int i = 0; i < actors.n; i++) {
            int a = actors.a[i];
            if (c->seen[a] == gen)
                continue;
            c->seen[a] = gen;
            if (tl == NULL) {
                sg_status rc = emit_one(c, f, m, a, -1, sent);
                if (rc == SG_OK)
                    rc = emit_joint_members(c, f, m, a, sent, gen);
                if (rc != SG_OK)
                    return rc;
                continue;
            }
            unsigned tgen = next_gen(c->seen_target, &c->gen_target, n_actors);
            for (size_t q = tl->first; q <= tl->last; q++) {
                sg_actor_set one;
                sg_extract__mention_actors(&c->s, &c->s.men[q], &one);
                for (int t = 0; t < one.n; t++) {
                    int b = one.a[t];
                    if (c->seen_target[b] == tgen)
                        continue;
                    c->seen_target[b] = tgen;
                    if (b == a)
                        continue;
                    sg_status rc = emit_one(c, f, m, a, b, sent);
                    if (rc != SG_OK)
                        return rc;
                }
            }
        }
    }
    return SG_OK;
}

/* ---- cues ----------------------------------------------------------------------- */

/* One stance cue being resolved: where it is and what has been found so far. */
typedef struct cue_site {
    const sg_match *mt;
    const sg_cue_entry *cue;
    size_t at, cs, ce, sent;
    int cl;
    finding f;
    holder h;
    int proform;       /* the governed cue is "do so": the topic is the last stance's */
    int act;           /* the cue or the cue it governs is a form of the topic's act */
    int act_governed;  /* the act is governed by another cue ("refuse to recognise") */
    int directs_other; /* a directive over a plain verb of its own ("urged X to respect
                          women's rights"): not carried to the document's topic */
} cue_site;

/* Effect cues need the topic as their subject, with a modal: "membership would
 * strengthen the alliance". Returns 0 when the cue does not apply. */
static int effect_applies(const ctx *c, cue_site *x)
{
    int modal = 0;
    for (size_t k = x->at; k-- > x->cs && k + 4 > x->at;)
        modal |= is_modal(c, k);
    if (!modal)
        return 0;
    size_t lo = x->at > x->cs + 10 ? x->at - 10 : x->cs;
    unsigned near = sg_topic__groups(c, c->topic, lo, x->at);
    if (!(sg_topic__full(c, c->topic, near) && sg_topic__full(c, c->topic, sg_topic__groups(c, c->topic, x->cs, x->at))) &&
        !(near & SG_TOPIC_ANAPHOR))
        return 0;
    x->f.weight *= SG_W_EFFECT;
    return 1;
}

/* Is there a "to", "of", "for" or "against" in [a, b) (a noun's complement)? */
static int linked_by_preposition(const ctx *c, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (in_list(c, k, SG_WL_COMPLEMENT_PREPOSITIONS))
            return 1;
    return 0;
}

/* A cue whose object is another cue governs it, and the polarities multiply:
 * "refuse to send" -1, "reject the idea of blocking" +1 (flag reversed), "ready to
 * veto" -1, "agree to deliver" +1. The embedded cue is consumed. Returns 1 if chained. */
static int govern_chain(ctx *c, cue_site *x)
{
    const sg_cue_entry *cue = x->cue;
    size_t end = x->mt->end;
    for (size_t k = end; k < x->ce && k < end + 5; k++) {
        const sg_phrase_meaning *q = sg_extract__main_meaning(&c->s, k, SG_P_CUE);
        /* one plain modifier may precede the governed noun: "providing immediate support" */
        int modifier = !q && k + 1 < x->ce && c->s.tok.tok[k].kind == SG_TOK_WORD &&
                       c->s.main_at[k] < 0 && c->s.topic_at[k] < 0 && !c->s.tok.tok[k].upper &&
                       !in_list(c, k, SG_WL_FUNCTION_WORDS) && !in_list(c, k, SG_WL_VEHICLE_NOUNS) &&
                       sg_extract__main_meaning(&c->s, k + 1, SG_P_CUE) != NULL;
        if (!q && !in_list(c, k, SG_WL_GOVERNED_FILLERS) && !modifier)
            return 0;
        if (!q)
            continue;
        /* "welcomed the agreement between A and B": the parties hold the agreement */
        if (sg_extract__is(&c->s, c->s.main[c->s.main_at[k]].end - 1, "between"))
            return 0;
        /* "block their membership bids": a possessed noun has its own holder */
        if (k > end && (c->s.tok.tok[k - 1].kind == SG_TOK_POSS ||
                        in_list(c, k - 1, SG_WL_POSSESSIVE_DETERMINERS)))
            return 0;
        if (k == end && cue->kind != 'v' && cue->kind != 'p')
            return 0; /* "opposition stalled ...": a new predicate, not an object */
        if ((cue->kind == 'n' || cue->kind == 'g') && !linked_by_preposition(c, end, k))
            return 0; /* "Belgium's opposition a key hurdle": no object of the noun */
        const char *w = c->s.tok.tok[k].norm;
        if (k == end && !c->s.lex->cues[q->data].block && w[strlen(w) - 1] != 'g')
            return 0; /* only a gerund ("rejected blocking") follows a verb directly */
        /* "blocked a proposal submitted by X": a reduced relative with its own agent */
        size_t qe = c->s.main[c->s.main_at[k]].end;
        if (k > end && ((qe < x->ce && sg_extract__is(&c->s, qe, "by")) ||
                        (qe + 1 < x->ce && sg_extract__is(&c->s, qe + 1, "by"))))
            return 0;
        const sg_cue_entry *inner = &c->s.lex->cues[q->data];
        int inner_pol = inner->kind != 'r' ? inner->polarity
                        : c->has_last && x->sent <= c->last_sent + 1 ? c->last_stance : 0;
        if (inner_pol == 0)
            return 1;
        x->f.stance *= inner_pol;
        if (cue->polarity < 0 && inner_pol < 0)
            x->f.flags |= SG_FLAG_REVERSED;
        if (inner->strength > x->f.weight)
            x->f.weight = inner->strength;
        x->f.cue_end = c->s.main[c->s.main_at[k]].end;
        x->proform = inner->kind == 'r';
        x->act |= inner->act;
        x->act_governed |= inner->act;
        c->consumed[k] = 1;
        return 1;
    }
    return 0;
}

/* A directive with its own object: "called for the envoy to block X", "urged Ankara to
 * approve the bids" -> the governed cue's polarity, times the directive's. */
static void govern_directive(ctx *c, cue_site *x)
{
    size_t end = x->mt->end;
    for (size_t k = end; k + 1 < x->ce && k < end + 10; k++) {
        if (sg_extract__main_meaning(&c->s, k, SG_P_CUE) || c->s.tok.tok[k].kind == SG_TOK_POSS ||
            (c->s.tok.tok[k].kind == SG_TOK_PUNCT && !is_punct(c, k, ",")))
            return; /* "regretted X's decision to V" is no directive to X */
        /* a comma only around an apposition of the directee: "the envoy, X, to block" */
        if (is_punct(c, k, ",") && (k + 1 >= x->ce || c->s.men_at[k + 1] < 0))
            return;
        if (!sg_extract__is(&c->s, k, "to"))
            continue;
        const sg_phrase_meaning *q = sg_extract__main_meaning(&c->s, k + 1, SG_P_CUE);
        int flip = k > 0 && sg_extract__main_meaning(&c->s, k - 1, SG_P_NEGATOR) ? -1 : 1;
        /* "urged Ukraine not to use the bombs": a plain verb, negated, with the topic's
         * object: the directive is against it */
        if (q == NULL && flip < 0 && k + 1 < x->ce && !in_list(c, k + 1, SG_WL_BE_FORMS)) {
            x->f.stance = -x->cue->polarity;
            return;
        }
        int directee = 0;
        for (size_t j = end; j < k && !directee; j++)
            directee = c->s.men_at[j] >= 0;
        if (q == NULL && directee && k + 1 < x->ce && c->s.tok.tok[k + 1].kind == SG_TOK_WORD &&
            !in_list(c, k + 1, SG_WL_BE_FORMS) && !is_determiner(c, k + 1))
            x->directs_other = 1; /* "urged the Taliban to respect women's rights" */
        if (q == NULL || c->s.lex->cues[q->data].polarity == 0)
            return;
        x->f.stance = x->cue->polarity * c->s.lex->cues[q->data].polarity * flip;
        x->f.cue_end = c->s.main[c->s.main_at[k + 1]].end;
        x->act |= c->s.lex->cues[q->data].act;
        x->act_governed |= c->s.lex->cues[q->data].act;
        c->consumed[k + 1] = 1;
        /* "urged its allies to refrain from signing": the governed verb's own gerund */
        size_t g = x->f.cue_end;
        const sg_phrase_meaning *r = g < x->ce ? sg_extract__main_meaning(&c->s, g, SG_P_CUE) : NULL;
        if (r && c->s.lex->cues[r->data].polarity != 0 && ends_in(c->s.tok.tok[g].norm, "ing")) {
            x->f.stance *= c->s.lex->cues[r->data].polarity;
            x->f.cue_end = c->s.main[c->s.main_at[g]].end;
            x->act |= c->s.lex->cues[r->data].act;
            x->act_governed |= c->s.lex->cues[r->data].act;
            c->consumed[g] = 1;
        }
        return;
    }
}

/* "expect Turkey's approval" asserts nothing (returns -1: drop); "should not expect
 * Turkey to approve" says Turkey will not: the expected actor becomes the holder and the
 * stance flips (returns 1). 0 when no expectation governs the cue. */
static int irrealis(const ctx *c, cue_site *x)
{
    for (size_t k = x->at; k-- > x->cs && k + 6 > x->at;) {
        if (!sg_extract__main_meaning(&c->s, k, SG_P_IRREALIS))
            continue;
        if (!sg_extract__negated(c, k, x->cs))
            return -1;
        for (size_t j = c->s.main[c->s.main_at[k]].end; j < x->at; j++) {
            int l = sg_holder__list_of(c, j);
            if (l >= 0 && c->s.lists[l].start == j) {
                x->h.list = l, x->h.rule = "expected-actor";
                break;
            }
        }
        return 1;
    }
    return 0;
}

static int rule_is(const holder *h, const char *prefix)
{
    return h->rule && strncmp(h->rule, prefix, strlen(prefix)) == 0;
}

/* "..., Harris said on Friday.", "..., said Harris": the speaker named after the last
 * comma of the sentence, or -1. */
static int trailing_speaker(const ctx *c, size_t sent)
{
    const sg_sentence *st = &c->s.tok.sent[sent];
    size_t comma = (size_t)-1;
    for (size_t k = st->last_plus1; k-- > st->first && k + 16 > st->last_plus1;)
        if (is_punct(c, k, ",")) {
            comma = k;
            break;
        }
    if (comma == (size_t)-1)
        return -1;
    int speech = 0;
    for (size_t k = comma + 1; k < st->last_plus1; k++)
        speech |= sg_extract__main_meaning(&c->s, k, SG_P_SPEECH) != NULL;
    return speech ? sg_holder__first_candidate(c, comma + 1, st->last_plus1) : -1;
}

/* "Netanyahu would be detained": the subject of a passive act is what the act is done to.
 * 1 when the holder found is such a subject. */
static int passive_subject(const ctx *c, const cue_site *x)
{
    if (x->h.list < 0 || !(rule_is(&x->h, "subject") || rule_is(&x->h, "reported-subject")) ||
        ends_in(c->s.tok.tok[x->at].norm, "ing"))
        return 0; /* "the US was withdrawing" is active */
    for (size_t k = x->at; k-- > x->cs && k + 3 >= x->at;)
        if (in_list(c, k, SG_WL_PASSIVE_FORMS))
            return 1;
    return 0;
}

/* The passive act's holder is whoever says it will be done: the speaker before it ("Tusk
 * pledged that X would not be arrested") or after it ("X would be detained, Harris said").
 * Returns 0 when nobody does. */
static int speaker_holds(const ctx *c, cue_site *x)
{
    size_t after;
    int sp = sg_holder__speaker_before(c, x->cs, x->at, &after);
    if (sp < 0)
        sp = c->quote_list[x->at];
    if (sp < 0)
        sp = trailing_speaker(c, x->sent);
    if (sp < 0 || sp == x->h.list)
        return 0;
    x->h.list = sp;
    x->h.rule = "speaker";
    return 1;
}

/* "Peskov said Ukraine will never join NATO": a candidate's own act reported by someone
 * else is the reporter's position on it, not the candidate's. */
static void reported_self_act(const ctx *c, cue_site *x)
{
    if (!x->cue->act || !x->cue->self || !rule_is(&x->h, "reported-subject"))
        return;
    /* "confirmed that Indonesia had joined": a past act is the candidate's own, reported
     * as a fact; "said Ukraine will never join" is the reporter's view */
    if (ends_in(c->s.tok.tok[x->at].norm, "ed") && !sg_extract__negated(c, x->at, x->cs))
        return;
    size_t after;
    int sp = sg_holder__speaker_before(c, x->cs, x->at, &after);
    if (sp < 0 || sp == x->h.list)
        return;
    sg_actor_set a, b;
    sg_extract__mention_actors(&c->s, &c->s.men[c->s.lists[sp].first], &a);
    sg_extract__mention_actors(&c->s, &c->s.men[c->s.lists[x->h.list].first], &b);
    if (a.n > 0 && b.n > 0 && a.a[0] == b.a[0])
        return;
    x->h.list = sp;
    x->h.rule = "speaker";
    x->f.self = 0;
}

/* About what: the topic, or another actor (a direct relation, which sets f.target_list). */
static topic_how cue_topic(const ctx *c, cue_site *x)
{
    const sg_cue_entry *cue = x->cue;
    size_t at = x->at, cs = x->cs, ce = x->ce;
    if (cue->kind == 'r' || x->proform)
        return TOPIC_ANAPHOR;
    /* "Ukraine's loudest supporters": the possessor of an agent noun is its object */
    if (cue->kind == 'g' && at > cs + 1) {
        size_t k = at - 1;
        if (c->s.tok.tok[k].kind == SG_TOK_WORD && c->s.main_at[k] < 0 && k > cs + 1)
            k--;
        if (c->s.tok.tok[k].kind == SG_TOK_POSS && c->s.men_at[k - 1] >= 0) {
            const sg_mention *owner = &c->s.men[c->s.men_at[k - 1]];
            if (owner->kind == SG_MEN_ACTOR && (int)owner->list != x->h.list) {
                x->f.target_list = (int)owner->list;
                x->f.rule = "direct-relation";
                return TOPIC_CLAUSE;
            }
        }
    }
    int before_ok = rule_is(&x->h, "passive-agent") || cue->kind == 'a' || cue->kind == 'e' ||
                    cue->polarity == 0;
    int nominal = rule_is(&x->h, "possessive") || rule_is(&x->h, "nominal");
    topic_how how = sg_topic__of(c, c->topic, at, x->f.scope, x->cl, cue->kind != 'e', before_ok,
                             nominal, cue->self ? x->h.list : -1);
    /* deferring cues ("caution from Washington"), the topic's own act ("Germany,
     * Finland and Sweden issued a building permit") and fronted votes with no object
     * ("Voting against were A and B") in a document about the topic */
    if (how == TOPIC_NONE &&
        (cue->polarity == 0 || x->act ||
         (rule_is(&x->h, "inverted-copula") &&
          (cue->kind != 'g' || in_list(c, x->f.cue_end, SG_WL_INVERTED_COPULAS) ||
           in_list(c, x->f.cue_end, SG_WL_MEMBER_VERBS)))) &&
        c->doc_on_topic &&
        !sg_topic__other(c, c->topic, cs, ce))
        how = TOPIC_CARRIED;
    if (how == TOPIC_NONE || how == TOPIC_CARRIED || how == TOPIC_SENTENCE) {
        size_t k = x->f.cue_end;
        if (k < ce && in_list(c, k, SG_WL_RELATION_PREPOSITIONS))
            k++;
        int tl = sg_holder__list_after(c, k, ce);
        /* the object of an act ("join the EU", "recognise Kosovo") is the topic's own */
        if (tl >= 0 && tl != x->h.list && cue->kind != 'e' && !x->act) {
            x->f.target_list = tl;
            x->f.rule = "direct-relation";
            how = TOPIC_CLAUSE;
        }
    }
    return how;
}

/* "Germany will not join partners such as Canada in recognising X": a gerund cue after
 * "in" governed by a negated companion verb (join, follow) within 10 tokens before it. */
static int companion_negated(const ctx *c, const cue_site *x)
{
    if (x->at <= x->cs + 1 || !sg_extract__is(&c->s, x->at - 1, "in") ||
        !ends_in(c->s.tok.tok[x->at].norm, "ing"))
        return 0;
    for (size_t k = x->at - 1; k-- > x->cs && k + 11 > x->at;) {
        if (sg_extract__main_meaning(&c->s, k, SG_P_CUE) && !in_list(c, k, SG_WL_COMPANION_VERBS))
            return 0;
        if (in_list(c, k, SG_WL_COMPANION_VERBS))
            return sg_extract__negated(c, k, x->cs);
    }
    return 0;
}

/* Negation (including a negated speech or belief verb: "does not believe that membership
 * is realistic"), hedges, conditions and deferral. */
static void cue_polarity(const ctx *c, cue_site *x, int irrealis_negated)
{
    finding *f = &x->f;
    int speech_negated = 0;
    size_t neg_from = x->cs;
    if (rule_is(&x->h, "speaker") || rule_is(&x->h, "reported-subject"))
        for (size_t k = x->at; k-- > x->cs;)
            if (sg_extract__main_meaning(&c->s, k, SG_P_SPEECH)) {
                speech_negated = sg_extract__negated(c, k, x->cs);
                neg_from = c->s.main[c->s.main_at[k]].end;
                break;
            }
    /* "decided to send no ministers": a verb whose object opens with "no" is negated */
    int object_no = x->cue->kind == 'v' && x->mt->end < x->ce && sg_extract__is(&c->s, x->mt->end, "no");
    /* "Neither China nor Russia has signed": the subject list is negated; its own
     * "neither"/"nor" are not counted again */
    if (x->h.list >= 0 && c->s.lists[x->h.list].start > x->cs &&
        sg_extract__is(&c->s, c->s.lists[x->h.list].start - 1, "neither")) {
        object_no = !object_no;
        if (c->s.lists[x->h.list].end > neg_from)
            neg_from = c->s.lists[x->h.list].end;
    }
    if (irrealis_negated || ((sg_extract__negated(c, x->at, neg_from) != speech_negated) != object_no) ||
        companion_negated(c, x)) {
        f->flags |= SG_FLAG_NEGATED;
        f->weight *= f->stance > 0 ? SG_W_NEG_SUPPORT : SG_W_NEG_OPPOSE;
        f->stance = -f->stance;
    }
    double hf = hedge_factor(c, x->cs, x->at);
    if (hf < 1.0) {
        f->flags |= SG_FLAG_HEDGED;
        f->weight *= hf;
    }
    if (in_conditional(c, x->cl)) {
        f->flags |= SG_FLAG_CONDITIONAL;
        f->weight *= SG_W_CONDITIONAL;
    }
    /* a possessed cue ("Sweden's bid") keeps its polarity under an earlier deferral */
    int nominal_holder = rule_is(&x->h, "possessive") || rule_is(&x->h, "nominal");
    if ((deferred(c, x->cl, x->at) && (!nominal_holder || deferral_after(c, x->cl, x->at))) ||
        x->cue->polarity == 0) {
        f->flags |= SG_FLAG_DEFERRAL;
        f->stance = 0;
    }
    if (c->quote_list[x->at] >= 0)
        f->flags |= SG_FLAG_QUOTE;
    if (f->weight < 0.05)
        f->weight = 0.05;
    f->weight = round(f->weight * 1e6) / 1e6;
}

static void remember_stance(ctx *c, int stance, size_t sent)
{
    c->has_last = 1;
    c->last_stance = stance;
    c->last_sent = sent;
}

/* The act "the move" names: the last stance that was not a reaction to an event noun. */
static void remember_event(ctx *c, int stance, size_t sent)
{
    c->has_event = 1;
    c->event_stance = stance;
    c->event_sent = sent;
}

/* Is an adjective ending before token k attributive: followed by a noun of its own
 * ("illegal annexation"), not by a complement ("hostile to") or the end of a clause? */
static int attributive(const ctx *c, size_t k)
{
    if (k >= c->s.tok.n_tok || c->s.tok.tok[k].kind != SG_TOK_WORD ||
        in_list(c, k, SG_WL_ADJECTIVE_COMPLEMENTS))
        return 0;
    return c->s.sent_of[k] == c->s.sent_of[k - 1] && c->s.main_at[k] < 0 && !c->s.tok.tok[k].upper;
}

/* "UK says proposed pandemic treaty 'not acceptable'", "did not act on the proposed
 * resolution": a verb cue's -ed form right after a speech verb or a determiner and right
 * before a plain word describes that word; it is not performed. */
static int participle_before_noun(const ctx *c, const cue_site *x)
{
    size_t e = x->mt->end;
    if (x->cue->kind != 'v' || x->cue->act || x->mt->end != x->at + 1 ||
        !ends_in(c->s.tok.tok[x->at].norm, "ed") || x->at == 0 || e >= x->ce ||
        !(sg_extract__main_meaning(&c->s, x->at - 1, SG_P_SPEECH) || is_determiner(c, x->at - 1)))
        return 0;
    const sg_token *t = &c->s.tok.tok[e];
    return t->kind == SG_TOK_WORD && !is_determiner(c, e) && !in_list(c, e, SG_WL_PREPOSITIONS) &&
           !in_list(c, e, SG_WL_OBJECT_PRONOUNS) && (c->s.men_at[e] < 0 || c->s.topic_at[e] >= 0);
}

/* "X said the decision to recognise ...", "X said their governments decided to
 * recognise": a noun phrase between the speech verb and the act is its performer. */
static int own_subject(const ctx *c, const cue_site *x)
{
    for (size_t k = x->at; k-- > x->cs && k + 3 >= x->at;)
        if (in_list(c, k, SG_WL_BE_FORMS))
            return 0; /* "the construction should be finished": passive, the speaker's */
    size_t after;
    sg_holder__speaker_before(c, x->cs, x->at, &after);
    for (size_t k = after; k < x->at; k++)
        if (in_list(c, k, SG_WL_PERFORMER_DETERMINERS))
            return 1;
    return 0;
}

/* A gerund with no subject of its own ("recognising X risks ..."): the act named as a
 * thing, not performed. */
static int subjectless_gerund(const ctx *c, size_t at)
{
    return ends_in(c->s.tok.tok[at].norm, "ing") && (at == 0 || c->s.men_at[at - 1] < 0);
}

/* "a resolution calling for X", "the draft, which would have demanded X", "a resolution
 * on Wednesday (Oct 18) that would have called for X": a cue right after a text that is
 * voted on (vehicle_nouns), or in a relative clause on it, describes the text. Whoever
 * adopts, vetoes or sponsors the text takes the side; the clause's subject does not hold
 * the description. */
static int describes_vehicle(const ctx *c, size_t at, size_t end)
{
    const sg_sentence *st = &c->s.tok.sent[c->s.sent_of[at]];
    size_t k = at;
    /* "a resolution put forward by the UAE": the agent sponsors it */
    for (size_t j = end; j < st->last_plus1 && j < end + 3; j++)
        if (sg_extract__is(&c->s, j, "by"))
            return 0;
    while (k > st->first && k + 6 > at && in_list(c, k - 1, SG_WL_AUXILIARIES))
        k--;
    /* auxiliaries only inside a relative clause ("that would have called for"): "the
     * resolution was put forward" has the text as its subject */
    int relative = k > st->first && in_list(c, k - 1, SG_WL_RELATIVE_PRONOUNS);
    if (relative) {
        k--;
        if (k > st->first && is_punct(c, k - 1, ","))
            k--;
    } else if (k != at) {
        return 0;
    }
    /* the antecedent of a relative pronoun may sit a few words back, past no actor */
    for (size_t j = k; j > st->first && j + (relative ? 9 : 1) > k; j--) {
        if (c->s.men_at[j - 1] >= 0 || sg_extract__main_meaning(&c->s, j - 1, SG_P_CUE))
            return 0;
        if (in_list(c, j - 1, SG_WL_VEHICLE_NOUNS))
            return 1;
    }
    return 0;
}

/* "the U.K. says it would have supported the resolution if ...": a modal, (not) have and
 * the participle, with an if/unless in the sentence, is counterfactual: the act did not
 * happen. */
static int counterfactual(const ctx *c, size_t at, size_t cs)
{
    size_t k = at;
    while (k > cs && sg_extract__main_meaning(&c->s, k - 1, SG_P_NEGATOR))
        k--;
    if (k < cs + 2 || !sg_extract__is(&c->s, k - 1, "have"))
        return 0;
    k--;
    while (k > cs && sg_extract__main_meaning(&c->s, k - 1, SG_P_NEGATOR))
        k--;
    if (k <= cs || !in_list(c, k - 1, SG_WL_MODALS))
        return 0;
    /* with its unreal condition in the sentence ("... if it had ..."); "would have
     * preferred a delay" alone still states a preference */
    const sg_sentence *st = &c->s.tok.sent[c->s.sent_of[at]];
    for (size_t j = at + 1; j < st->last_plus1; j++)
        if (in_list(c, j, SG_WL_CONDITIONAL_CONJUNCTIONS))
            return 1;
    return 0;
}

/* A cue that gives no statement: recorded for `explain --why-not` when tracing. */
static sg_status drop(ctx *c, const cue_site *x, const char *reason)
{
    sg_extract__trace(c, x->at, x->mt->end, x->h.list, x->h.rule, reason);
    return SG_OK;
}

/* Does a longer topic term or anaphor start at the cue ("arrest warrant" at "arrest")? */
static int in_longer_term(const ctx *c, const sg_match *mt)
{
    size_t i = mt->start;
    return (c->s.topic_at[i] >= 0 && c->s.topic[c->s.topic_at[i]].start == i &&
            c->s.topic[c->s.topic_at[i]].end > mt->end) ||
           (c->s.anaph_at[i] >= 0 && c->s.anaph[c->s.anaph_at[i]].start == i &&
            c->s.anaph[c->s.anaph_at[i]].end > mt->end);
}

/* Is the cue at mt a word inside a longer topic term ("initiative" in "the Black Sea
 * Grain Initiative")? Then it is part of a name. */
static int inside_term(const ctx *c, const sg_match *mt)
{
    int ti = c->s.topic_at[mt->start];
    if (ti < 0)
        return 0;
    const sg_match *t = &c->s.topic[ti];
    return t->start <= mt->start && t->end >= mt->end && t->end - t->start > mt->end - mt->start;
}

/* The nominalisation of the topic's act matched at mt ("ban"), or NULL. */
static const sg_cue_entry *act_noun_at(const ctx *c, const sg_match *mt)
{
    for (int j = 0; j < mt->n; j++) {
        const sg_phrase_meaning *m = mt->m[j];
        if (m->kind != SG_P_CUE)
            continue;
        const sg_cue_entry *q = &c->s.lex->cues[m->data];
        if (q->act && q->kind == 'n' && q->topic == c->topic)
            return q;
    }
    return NULL;
}

static int names_act_object(const ctx *c, int topic, size_t from, size_t ce);

/* "support the moratorium on commercial whaling", "defying the IWC's ban on whale
 * hunting": a prohibition noun in the cue's object whose "on"/"of"/"against" phrase names
 * a term of the topic forbids the topic; the cue's polarity reverses. Not for a topic
 * whose act itself goes against its object (a ban topic: "the ban on Huawei" is it). */
#define SG_PROHIBITION_REACH 5
static int prohibits_topic(const ctx *c, const cue_site *x)
{
    const sg_topic_entry *t = &c->s.lex->topics[c->topic];
    if (t->act >= 0 && (c->s.lex->acts[t->act].inverse || t->act_undone))
        return 0;
    for (size_t k = x->f.cue_end; k + 2 < x->ce && k < x->f.cue_end + SG_PROHIBITION_REACH; k++) {
        if (!in_list(c, k, SG_WL_PROHIBITION_NOUNS))
            continue;
        const sg_phrase_meaning *q = sg_extract__main_meaning(&c->s, k, SG_P_CUE);
        if (q && c->s.lex->cues[q->data].act)
            return 0; /* the topic's own undo ("ban" of an activity): object_reverses has it */
        if (!(sg_extract__is(&c->s, k + 1, "on") || sg_extract__is(&c->s, k + 1, "of") ||
              sg_extract__is(&c->s, k + 1, "against")))
            return 0;
        /* what is forbidden is a thing or an activity, not an actor ("a ban on Russian gas"
         * is a sanction on Russia) */
        size_t e = k + 2 + SG_PROHIBITION_REACH < x->ce ? k + 2 + SG_PROHIBITION_REACH : x->ce;
        for (size_t j = k + 2; j < e; j++)
            if (c->s.men_at[j] < 0 && !sg_extract__main_meaning(&c->s, j, SG_P_DEMONYM) &&
                !sg_extract__main_meaning(&c->s, j, SG_P_ACTOR) &&
                (sg_topic__groups(c, c->topic, j, j + 1) & ~SG_TOPIC_ANAPHOR))
                return 1;
        return 0;
    }
    return 0;
}

/* Does the topic's act go against its object ("withdraw from the Paris Agreement"), and
 * is the cue about the object alone, with no form of the act in its clause after it? */
static int object_reverses(const ctx *c, const cue_site *x, topic_how how)
{
    const sg_topic_entry *t = &c->s.lex->topics[c->topic];
    if (t->act < 0)
        return 0;
    for (size_t k = x->f.cue_end; k < x->ce; k++) {
        if (c->s.main_at[k] >= 0 && c->s.main[c->s.main_at[k]].start == k) {
            const sg_match *m = &c->s.main[c->s.main_at[k]];
            for (int j = 0; j < m->n; j++)
                if (m->m[j]->kind == SG_P_CUE && c->s.lex->cues[m->m[j]->data].act &&
                    c->s.lex->cues[m->m[j]->data].topic == c->topic &&
                    !(c->s.lex->cues[m->m[j]->data].needs_object &&
                      !names_act_object(c, c->topic, m->end, x->ce)))
                    return c->s.lex->cues[m->m[j]->data].polarity < 0; /* undone: flip */
        }
        unsigned g = t->act_group >= 0 ? sg_topic__groups(c, c->topic, k, k + 1) : 0;
        /* an undone topic's object ("the sanctions") names its group only by inference */
        int by_object = t->act_undone && t->act_object_group >= 0 && t->act_object_group != t->act_group &&
                        (g & (1u << t->act_object_group));
        if (t->act_group >= 0 && (g & (1u << t->act_group)) && !by_object)
            return 0;
    }
    /* an anaphor ("the decision", "the move") names the act itself, not its object, and
     * so does a cue whose object names no term, to which the sentence's or the
     * document's topic is carried ("Voting against were A and B", "13 others in favour",
     * "The proposal is led by C") */
    /* an undone topic ("lifting sanctions") goes against its act's object as an inverse act does */
    return (c->s.lex->acts[t->act].inverse != t->act_undone) && how != TOPIC_ANAPHOR &&
           (sg_topic__groups(c, c->topic, x->f.cue_end, x->ce) & ~SG_TOPIC_ANAPHOR);
}

/* "France, with backing from Italy, opposed X", "Germany abstained, as did Austria": the
 * list right after a companion phrase in the cue's sentence shares the holder's stance
 * (up to another cue after this one, which the list may hold itself). */
static int companion_list(const ctx *c, const cue_site *x, int *did_act)
{
    *did_act = 0;
    /* "Norway joined Sweden and Finland in ratifying X": the companions of a companion
     * verb did the gerund too */
    if (x->at > x->cs + 2 && sg_extract__is(&c->s, x->at - 1, "in") &&
        ends_in(c->s.tok.tok[x->at].norm, "ing"))
        for (size_t k = x->at - 1; k-- > x->cs && k + 11 > x->at;)
            if (in_list(c, k, SG_WL_COMPANION_VERBS)) {
                int l = sg_holder__list_after(c, k + 1, x->at);
                if (l >= 0 && l != x->h.list && c->s.lists[l].end + 1 == x->at) {
                    *did_act = 1; /* "will not join Canada in ratifying": Canada did ratify */
                    return l;
                }
                break;
            }
    size_t held_end = c->s.lists[x->h.list + x->h.n_more].end;
    for (size_t k = x->cs; k < x->ce; k++) {
        if (c->s.main_at[k] < 0 || c->s.main[c->s.main_at[k]].start != k)
            continue;
        if (k >= x->f.cue_end && sg_extract__main_meaning(&c->s, k, SG_P_CUE))
            return -1;
        /* before the cue only right after the holder: "France, with backing from Italy, said" */
        if (!sg_extract__main_meaning(&c->s, k, SG_P_COMPANION) ||
            (k < x->at && k != held_end && !(k == held_end + 1 && is_punct(c, held_end, ","))))
            continue;
        int l = sg_holder__list_after(c, c->s.main[c->s.main_at[k]].end, x->ce);
        if (l >= 0 && l != x->h.list && (x->h.n_more == 0 || l > x->h.list + x->h.n_more))
            return l;
    }
    return -1;
}

/* The sign of the stance actor a has taken on the current topic so far in the document
 * (its statements summed, among the last SG_ALIGN_REACH of the document, so that time
 * stays linear), 0 when none or balanced; *found says whether it has any. */
#define SG_ALIGN_REACH 512
static int stance_so_far(const ctx *c, int a, int *found)
{
    const char *id = c->s.lex->actors[a].id, *topic = c->s.lex->topics[c->topic].id;
    double sum = 0;
    *found = 0;
    size_t from = c->out->n > c->out_first + SG_ALIGN_REACH ? c->out->n - SG_ALIGN_REACH : c->out_first;
    for (size_t k = from; k < c->out->n; k++) {
        const sg_statement *s = &c->out->items[k];
        const char *who = s->country ? s->country : s->actor;
        if (s->target == NULL && strcmp(who, id) == 0 && strcmp(s->topic, topic) == 0) {
            sum += s->stance * s->weight;
            *found = 1;
        }
    }
    return (sum > 0) - (sum < 0);
}

/* The holder takes the stance the actor of list tl has taken earlier in the document,
 * times sign: the statement of "echoed Chile's position" or "offered Trump any support".
 * 0 when that actor has taken none (or, with need_side, only a neutral one). */
static int emit_aligned(ctx *c, cue_site *x, int tl, int sign, int need_side, sg_status *rc)
{
    sg_actor_set actors;
    sg_extract__mention_actors(&c->s, &c->s.men[c->s.lists[tl].first], &actors);
    int found = 0;
    int stance = actors.n > 0 ? stance_so_far(c, actors.a[0], &found) : 0;
    if (!found || (need_side && stance == 0))
        return 0;
    stance *= sign;
    x->f.stance = sg_extract__negated(c, x->at, x->cs) ? -stance : stance;
    x->f.rule = "aligned";
    x->f.flags |= SG_FLAG_ANAPHOR | (stance == 0 ? SG_FLAG_DEFERRAL : 0);
    sg_extract__trace(c, x->at, x->f.cue_end, x->h.list, x->f.rule, NULL);
    *rc = emit(c, &x->f, x->h.list, x->sent);
    return 1;
}

/* "Uruguay echoed Chile's position", "Italy agreed with Trump": the holder takes the
 * stance the actor after the cue has taken earlier in the document. 1 when emitted. */
static int aligned(ctx *c, cue_site *x, sg_status *rc)
{
    /* the actor right after the cue, a possessor too ("echoed Chile's position") */
    size_t k = x->f.cue_end;
    while (k < x->ce && is_determiner(c, k))
        k++;
    int tl = k < x->ce ? sg_holder__list_of(c, k) : -1;
    if (tl < 0 || tl == x->h.list || c->s.lists[tl].start != k)
        return 0;
    return emit_aligned(c, x, tl, 1, 0, rc);
}

/* "Conte offered Trump any support", "gave Kyiv its backing": a cue after a ditransitive
 * verb and its indirect object is about that actor's position: the holder takes the
 * stance it has taken earlier in the document, times the cue's polarity. */
static int indirect_aligned(ctx *c, cue_site *x, sg_status *rc)
{
    size_t k = x->at;
    while (k > x->cs && (is_determiner(c, k - 1) || in_list(c, k - 1, SG_WL_POSSESSIVE_DETERMINERS) ||
                         in_list(c, k - 1, SG_WL_NOMINAL_DETERMINERS)))
        k--;
    int tl = k > x->cs ? sg_holder__list_of(c, k - 1) : -1;
    if (tl < 0 || tl == x->h.list || c->s.lists[tl].end != k || c->s.lists[tl].start == 0 ||
        !in_list(c, c->s.lists[tl].start - 1, SG_WL_DITRANSITIVE_VERBS) || x->cue->polarity == 0)
        return 0;
    return emit_aligned(c, x, tl, x->cue->polarity, 1, rc);
}

/* "China condemned the move", "urged Moscow to reconsider its decision": an event noun
 * in the cue's object, with no complement of its own ("the decision to", "of", "by"),
 * names the act last taken a stance on, in this sentence or the one before; returns the
 * sign of that stance, or 0. */
#define SG_EVENT_REACH 4
static int event_sign(const ctx *c, const cue_site *x)
{
    if (!c->has_event || x->sent > c->event_sent + 1)
        return 0;
    for (size_t k = x->f.cue_end; k < x->ce && k < x->f.cue_end + SG_EVENT_REACH; k++) {
        if (!in_list(c, k, SG_WL_EVENT_NOUNS))
            continue;
        /* a definite event: "the move", "its decision", "Russia's move" */
        if (k == 0 || !(is_determiner(c, k - 1) || in_list(c, k - 1, SG_WL_POSSESSIVE_DETERMINERS) ||
                        c->s.tok.tok[k - 1].kind == SG_TOK_POSS))
            return 0;
        if (k + 1 < x->ce && (sg_extract__is(&c->s, k + 1, "to") || sg_extract__is(&c->s, k + 1, "of") ||
                              sg_extract__is(&c->s, k + 1, "by") || sg_extract__is(&c->s, k + 1, "on")))
            return 0;
        return c->event_stance;
    }
    return 0;
}

/* "lifted the remaining US sanctions on Syria": an undo verb without an object of its own
 * counts only when the act's object (its term group, or one of the act's objects or the
 * topic's anaphors) follows it in its clause, within a short noun phrase. */
#define SG_UNDO_OBJECT_REACH 8
static int names_act_object(const ctx *c, int topic, size_t from, size_t ce)
{
    const sg_topic_entry *t = &c->s.lex->topics[topic];
    unsigned want = SG_TOPIC_ANAPHOR;
    if (t->act_object_group >= 0 && t->act_object_group < 31)
        want |= 1u << t->act_object_group;
    else if (c->s.lex->acts[t->act].fallback)
        want = ~0u; /* the generic act: any term of the topic in its object */
    size_t end = from;
    while (end < ce && end < from + SG_UNDO_OBJECT_REACH && !is_punct(c, end, ","))
        end++; /* the object is one noun phrase: it ends at a comma */
    return (sg_topic__groups(c, topic, from, end) & want) != 0;
}

/* "Putin warned supply to Ukraine might ...": a plain verb form right after a speech
 * verb has no subject of its own; it is a noun. */
static int bare_after_speech(const ctx *c, size_t at)
{
    const char *w = c->s.tok.tok[at].norm;
    return at > 0 && sg_extract__main_meaning(&c->s, at - 1, SG_P_SPEECH) && !ends_in(w, "ed") &&
           !ends_in(w, "ing") && c->s.sent_of[at - 1] == c->s.sent_of[at];
}

static sg_status handle_cue(ctx *c, size_t at)
{
    if (c->consumed[at])
        return SG_OK;
    cue_site x;
    memset(&x, 0, sizeof(x));
    x.h.list = -1;
    x.mt = &c->s.main[c->s.main_at[at]];
    x.cue = &c->s.lex->cues[sg_extract__main_meaning(&c->s, at, SG_P_CUE)->data];
    x.at = at;
    x.cl = c->clause_of[at];
    x.cs = c->clause_start[x.cl];
    x.ce = c->clause_end[x.cl];
    if (x.cue->kind == 'a' && attributive(c, x.mt->end))
        return drop(c, &x, "an adjective describing a noun, not a position"); /* "Russia's illegal annexation" */
    if (participle_before_noun(c, &x))
        return drop(c, &x, "a participle describing a noun (\"says proposed treaty ...\"), not a position");
    /* "the licence renewed last week by Italy": a participle after a noun is no noun */
    int participle = ends_in(c->s.tok.tok[at].norm, "ed") && at > x.cs && !is_determiner(c, at - 1) &&
                     c->s.tok.tok[at - 1].kind != SG_TOK_POSS;
    if (x.cue->act && x.cue->kind == 'v' &&
        ((!participle && sg_holder__nominal_use(c, at, x.cs, 2)) || in_longer_term(c, x.mt) ||
         (x.mt->end == at + 1 && sg_extract__is(&c->s, x.mt->end, "of")) || /* "Arrest of Netanyahu" */
         bare_after_speech(c, at))) {
        /* "the EU's new sanctions package": a verb form used as a noun is the act only
         * where it is one of the act's nominalisations ("Canada's ban") */
        const sg_cue_entry *noun = act_noun_at(c, x.mt);
        if (noun == NULL)
            return drop(c, &x, "a form of the act used as a noun (\"the sanctions package\")");
        x.cue = noun;
    }
    if (!x.cue->act && inside_term(c, x.mt))
        return drop(c, &x, "a word of a longer name the topic's terms list (\"the Grain Initiative\")");
    /* "a unilateral decision on recognising X", "talks about joining": the act is what is
     * discussed, not performed */
    if (x.cue->act && x.cue->kind == 'v' && ends_in(c->s.tok.tok[at].norm, "ing") && at >= x.cs + 2 &&
        in_list(c, at - 1, SG_WL_DISCUSSION_PREPOSITIONS) &&
        !sg_extract__main_meaning(&c->s, at - 2, SG_P_CUE) && !c->consumed[at])
        return drop(c, &x, "an act after \"on\"/\"about\" a noun (\"a decision on recognising X\"): discussed, not performed");
    if (x.cue->needs_object && !names_act_object(c, x.cue->topic, x.mt->end, x.ce))
        return drop(c, &x, "an undo verb (\"lift\", \"ease\") whose object is not the act's object");
    x.sent = (size_t)c->s.sent_of[at];
    if (counterfactual(c, at, x.cs))
        return drop(c, &x, "counterfactual (\"would have supported\"): the act did not happen");
    if (x.cue->polarity != 0 && describes_vehicle(c, at, x.mt->end))
        return drop(c, &x, "describes the text voted on (\"a resolution calling for X\"): its voters and sponsors hold it");
    /* an act's own words ("recognised", "the ban") name part of the topic */
    finding f0 = {x.cue->polarity, x.cue->strength, 0, NULL, at, x.mt->end,
                  x.cue->act ? at : x.mt->end, -1, x.cue->self};
    x.f = f0;
    x.act = x.cue->act;
    /* "Hungary plans to do so", "Germany followed suit": the last stance, new holder */
    if (x.cue->kind == 'r') {
        if (!c->has_last || x.sent > c->last_sent + 1)
            return drop(c, &x, "\"do so\" with no stance on the topic in the two sentences before");
        x.f.stance = c->last_stance;
        if (x.f.stance == 0)
            x.f.flags |= SG_FLAG_DEFERRAL; /* "Five abstained. Among them were A and B" */
    }
    if (x.cue->kind == 'e' && !effect_applies(c, &x))
        return drop(c, &x, "an effect cue whose subject is not the topic with a modal");
    /* a deferral governs an act too ("abstained in the vote on renewing X"): it stays neutral */
    if (!govern_chain(c, &x) && x.cue->polarity != 0 && (x.cue->kind == 'v' || x.cue->kind == 'p'))
        govern_directive(c, &x);
    /* "assurances before endorsing the plan": a condition, not a position */
    if (at > x.cs && (sg_extract__is(&c->s, at - 1, "before") || sg_extract__is(&c->s, at - 1, "until")))
        return drop(c, &x, "a condition (\"before\"/\"until\"), not a position");
    x.h = sg_holder__find(c, x.cue, at, x.mt->end, x.cl);
    int found_speaker = rule_is(&x.h, "speaker");
    reported_self_act(c, &x);
    /* an act needs its performer as subject: "recognising X risks ...", said by Y, is
     * not Y recognising X */
    if (x.cue->act && !x.act_governed && x.h.list >= 0 &&
        (subjectless_gerund(c, at) || (found_speaker && own_subject(c, &x))) &&
        (rule_is(&x.h, "speaker") || rule_is(&x.h, "quote-speaker") ||
         rule_is(&x.h, "sentence-speaker")))
        return drop(c, &x, subjectless_gerund(c, at)
                               ? "the act is named as a thing (a gerund with no subject), not performed"
                               : "the act has a performer of its own that names no actor; the speaker does not perform it");
    if (x.cue->act && !x.act_governed && passive_subject(c, &x) && !speaker_holds(c, &x))
        return drop(c, &x, "a passive act: its subject is what the act is done to, and no speaker says it");
    int irr = irrealis(c, &x);
    if (irr < 0)
        return drop(c, &x, "governed by an expectation or obligation (\"expect\", \"obliged to\"): not asserted");
    if (x.h.list >= 0)
        x.h.list = sg_holder__resolve_speaker(c, x.h.list, at);
    if (x.h.list < 0) {
        /* no holder ("most allies have ratified it"), but a later "do so" refers to it */
        int passive = 0; /* "The treaty has been ratified by 110 countries": its subject is the topic */
        for (size_t k = at; k-- > x.cs && k + 3 >= at;)
            passive |= in_list(c, k, SG_WL_PASSIVE_AUXILIARIES);
        if (x.cue->kind != 'r' &&
            sg_topic__of(c, c->topic, at, x.f.scope, x.cl, 1, passive, 0, -1) != TOPIC_NONE) {
            int st = sg_extract__negated(c, at, x.cs) ? -x.f.stance : x.f.stance;
            remember_stance(c, st, x.sent);
            if (st != 0)
                remember_event(c, st, x.sent); /* "The deal was extended. Russia welcomed the move" */
        }
        return drop(c, &x, "no holder: no actor as subject, possessor, agent or speaker of this cue");
    }
    x.f.rule = x.h.rule;
    sg_status arc = SG_OK;
    if (x.cue->aligns && aligned(c, &x, &arc))
        return arc;
    if (!x.act && indirect_aligned(c, &x, &arc))
        return arc;
    /* "Netanyahu's detention", "Kosovo's recognition": a possessor the topic names is
     * what the act is done to, not who does it */
    if (x.cue->act && x.cue->kind == 'n' && !sg_extract__is(&c->s, x.mt->end, "of") &&
        ((rule_is(&x.h, "possessive") &&
          (sg_topic__groups(c, c->topic, c->s.lists[x.h.list].start, c->s.lists[x.h.list].end) &
           ~SG_TOPIC_ANAPHOR)) ||
         rule_is(&x.h, "possessive-pronoun")))
        return drop(c, &x, "the possessor is what the act is done to (\"his arrest\")");
    topic_how how = cue_topic(c, &x);
    if (how == TOPIC_CARRIED && x.directs_other)
        return drop(c, &x, "a directive to do something else (\"urged X to respect Y\"), not about the topic");
    if (how == TOPIC_NONE)
        return drop(c, &x, "not about the topic: its object names no term or anaphor of the topic");
    /* "In a joint statement, the countries voiced concerns ... Signatories included A, B":
     * the signers of the text just described share its stance */
    if (x.cue->of_text && how == TOPIC_CARRIED && c->has_last && x.sent <= c->last_sent + 2 &&
        c->last_stance != 0)
        x.f.stance = c->last_stance;
    if (how == TOPIC_ANAPHOR || how == TOPIC_CARRIED)
        x.f.flags |= SG_FLAG_ANAPHOR;
    if (how == TOPIC_CARRIED)
        x.f.weight *= SG_W_CARRIED;
    cue_polarity(c, &x, irr > 0);
    if ((x.f.flags & SG_FLAG_CONDITIONAL) && in_protasis(c, x.cl, at))
        return drop(c, &x, "inside an if/unless condition: not asserted");
    if (x.f.target_list < 0 && !x.act && prohibits_topic(c, &x)) {
        /* "strongly support the moratorium on commercial whaling" */
        x.f.stance = -x.f.stance;
        x.f.flags |= SG_FLAG_REVERSED;
    }
    int event = how == TOPIC_ANAPHOR && x.f.target_list < 0 && !x.act ? event_sign(c, &x) : 0;
    if (event < 0) {
        /* "Russia withdrew from the deal. NATO urged Moscow to reconsider its decision" */
        x.f.stance = -x.f.stance;
        x.f.flags |= SG_FLAG_REVERSED;
    }
    if (x.f.target_list < 0 && !x.act && object_reverses(c, &x, how)) {
        /* "remains committed to the Paris Agreement" (an act against its object),
         * "welcomed Biden's decision to rejoin" (the act undone) */
        x.f.stance = -x.f.stance;
        x.f.flags |= SG_FLAG_REVERSED;
    }
    if (x.f.target_list < 0 && x.f.stance != 0)
        remember_stance(c, x.f.stance, x.sent);
    if (x.f.target_list < 0 && x.f.stance != 0 && event == 0)
        remember_event(c, x.f.stance, x.sent);
    sg_extract__trace(c, at, x.f.cue_end, x.h.list, x.h.rule, NULL);
    sg_status rc = emit(c, &x.f, x.h.list, x.sent);
    for (int k = 1; rc == SG_OK && k <= x.h.n_more; k++)
        rc = emit(c, &x.f, x.h.list + k, x.sent);
    int did_act = 0;
    int comp = x.f.target_list < 0 ? companion_list(c, &x, &did_act) : -1;
    if (rc == SG_OK && comp >= 0) {
        finding g = x.f;
        g.rule = "companion";
        if (did_act && (g.flags & SG_FLAG_NEGATED)) {
            g.stance = -g.stance;
            g.flags &= ~SG_FLAG_NEGATED;
        }
        sg_extract__trace(c, at, x.f.cue_end, comp, g.rule, NULL);
        rc = emit(c, &g, comp, x.sent);
    }
    return rc;
}

/* A clause with a deferral phrase and no stance cue: the holder defers (stance 0). */
static sg_status handle_deferral(ctx *c, int cl, size_t at)
{
    if (clause_has_cue(c, cl) || (elliptic(c, cl) && clause_has_cue(c, cl - 1)))
        return SG_OK;
    if (deferral_in(c, cl) != at)
        return SG_OK; /* one deferral statement per clause ("only later, not now") */
    static const sg_cue_entry defer = {.strength = 1.0, .kind = 'p', .topic = -1};
    const sg_match *mt = &c->s.main[c->s.main_at[at]];
    holder h = sg_holder__find(c, &defer, at, mt->end, cl);
    if (h.list >= 0)
        h.list = sg_holder__resolve_speaker(c, h.list, at);
    if (h.list < 0)
        return SG_OK;
    topic_how how = sg_topic__of(c, c->topic, at, mt->end, cl, 0, 1, 0, -1);
    /* without a cue, the deferral must be about the topic: its clause names part of it
     * or refers to it, or the clause is an elliptical "..., but not now" */
    int own_object = in_list(c, mt->end, SG_WL_OBJECT_DETERMINERS); /* "postponed his visit" */
    if (how == TOPIC_NONE &&
        (!c->doc_on_topic || sg_topic__other(c, c->topic, c->clause_start[cl], c->clause_end[cl]) ||
         (sg_topic__groups(c, c->topic, c->clause_start[cl], c->clause_end[cl]) == 0 &&
          !elliptic(c, cl) && own_object)))
        return SG_OK;
    finding f = {0, 1.0, SG_FLAG_DEFERRAL, h.rule, at, mt->end, mt->end, -1, 0};
    sg_extract__trace(c, at, mt->end, h.list, h.rule, NULL);
    if (how != TOPIC_CLAUSE && how != TOPIC_SENTENCE)
        f.flags |= SG_FLAG_ANAPHOR;
    if (c->quote_list[at] >= 0)
        f.flags |= SG_FLAG_QUOTE;
    return emit(c, &f, h.list, (size_t)c->s.sent_of[at]);
}

/* The actor a word names ("Brazilian", "Russia", "U.S."), or -1: one-word names and
 * demonyms only, looked up in the lexicon's trie. */
static int word_actor(const ctx *c, const char *w)
{
    size_t node = sg_lexicon__child(c->s.lex, 0, w);
    const sg_trie_node *nd = node ? &c->s.lex->nodes[node] : NULL;
    for (size_t k = 0; nd && k < nd->n_meanings; k++) {
        const sg_phrase_meaning *pm = &c->s.lex->meanings[nd->first_meaning + k];
        if ((pm->kind == SG_P_ACTOR || pm->kind == SG_P_DEMONYM) && pm->n_tokens == 1)
            return pm->data;
    }
    return -1;
}

/* The support cue a word is ("drafted", "proposed", "backed"), or NULL. */
static const sg_cue_entry *word_cue(const ctx *c, const char *w)
{
    size_t node = sg_lexicon__child(c->s.lex, 0, w);
    const sg_trie_node *nd = node ? &c->s.lex->nodes[node] : NULL;
    for (size_t k = 0; nd && k < nd->n_meanings; k++) {
        const sg_phrase_meaning *pm = &c->s.lex->meanings[nd->first_meaning + k];
        if (pm->kind == SG_P_CUE && pm->n_tokens == 1 && c->s.lex->cues[pm->data].polarity > 0 &&
            !c->s.lex->cues[pm->data].act && c->s.lex->cues[pm->data].kind == 'v')
            return &c->s.lex->cues[pm->data];
    }
    return NULL;
}

/* "the Brazilian-drafted text", "a Russia-proposed amendment", "the U.S.-backed
 * resolution": a compound of an actor's name and a support participle before a text
 * voted on (vehicle_nouns, one modifier between at most) is that actor's support for the
 * text, in a document about the topic. */
static sg_status compound_author(ctx *c, size_t i)
{
    const sg_token *t = &c->s.tok.tok[i];
    const char *h = strrchr(t->norm, '-');
    if (!c->doc_on_topic || t->kind != SG_TOK_WORD || h == NULL || h == t->norm ||
        (size_t)(h - t->norm) >= 64)
        return SG_OK;
    const sg_cue_entry *cue = word_cue(c, h + 1);
    if (cue == NULL || c->s.sent_of[i + 1 < c->s.tok.n_tok ? i + 1 : i] != c->s.sent_of[i])
        return SG_OK;
    size_t n = i + 1 < c->s.tok.n_tok && !in_list(c, i + 1, SG_WL_VEHICLE_NOUNS) ? i + 2 : i + 1;
    if (n >= c->s.tok.n_tok || c->s.sent_of[n] != c->s.sent_of[i] ||
        !in_list(c, n, SG_WL_VEHICLE_NOUNS))
        return SG_OK;
    /* a name, capitalised as names are ("Brazilian", "U.S."): its normalised form */
    char name[64];
    size_t len = (size_t)(h - t->norm);
    memcpy(name, t->norm, len);
    name[len] = '\0';
    int actor = t->upper ? word_actor(c, name) : -1;
    if (actor < 0)
        return SG_OK;
    int cl = c->clause_of[i];
    if (sg_topic__other(c, c->topic, c->clause_start[cl], c->clause_end[cl]))
        return SG_OK;
    finding f = {1, cue->strength * SG_W_CARRIED, SG_FLAG_ANAPHOR, "compound-author", i, i + 1,
                 i + 1, -1, 0};
    sg_mention m;
    memset(&m, 0, sizeof(m));
    m.start = i, m.end = i + 1, m.kind = SG_MEN_ACTOR, m.person = -1, m.source = -1;
    sg_extract__trace(c, i, i + 1, -1, "compound-author", NULL);
    return emit_one(c, &f, &m, actor, -1, (size_t)c->s.sent_of[i]);
}

/* The vote a heading line casts ("IN FAVOUR:", "Voted against:", "ABSTAINED:": at most
 * SG_HEADING_WORDS words, one of the votes_* lists, no name, a colon at the end): +1, -1,
 * 0, or 2 when the line is no heading. */
#define SG_HEADING_WORDS 4
static int vote_heading(const ctx *c, size_t a, size_t b)
{
    if (b < a + 2 || b > a + SG_HEADING_WORDS + 1 || !is_punct(c, b - 1, ":"))
        return 2;
    int vote = 2;
    for (size_t k = a; k + 1 < b; k++) {
        if (c->s.tok.tok[k].kind != SG_TOK_WORD || c->s.men_at[k] >= 0)
            return 2;
        int v = in_list(c, k, SG_WL_VOTES_FOR) ? 1 : in_list(c, k, SG_WL_VOTES_AGAINST) ? -1
              : in_list(c, k, SG_WL_VOTES_ABSTAIN) ? 0 : 2;
        if (v != 2 && vote != 2 && v != vote)
            return 2;
        if (v != 2)
            vote = v;
    }
    return vote;
}

/* Vote records (factboxes): a heading line ("IN FAVOUR:") followed by lines that are only
 * a list of actors ("* Italy", "France, Spain"): each listed actor takes the heading's
 * vote, until a line of anything else. */
static sg_status vote_records(ctx *c)
{
    int vote = 2;
    size_t hs = 0, he = 0;
    for (size_t si = 0; si < c->s.tok.n_sent; si++) {
        const sg_sentence *st = &c->s.tok.sent[si];
        size_t a = st->first, b = st->last_plus1;
        while (a < b && c->s.tok.tok[a].kind == SG_TOK_PUNCT) /* bullets: "*", "-" */
            a++;
        int v = vote_heading(c, a, b);
        if (v != 2) {
            vote = v, hs = a, he = b - 1;
            continue;
        }
        if (vote == 2)
            continue;
        /* the line's lists of names, separated by punctuation only ("Fiji, Palau") */
        size_t k = a, first = (size_t)-1, n = 0;
        while (k < b) {
            int l = sg_holder__list_of(c, k);
            if (l < 0 || c->s.lists[l].start != k || c->s.men[c->s.lists[l].first].kind != SG_MEN_ACTOR)
                break;
            if (n++ == 0)
                first = (size_t)l;
            k = c->s.lists[l].end;
            while (k < b && c->s.tok.tok[k].kind == SG_TOK_PUNCT)
                k++;
        }
        if (n == 0 || k != b) {
            vote = 2;
            continue;
        }
        finding f = {vote, 1.0, SG_FLAG_ANAPHOR | (vote == 0 ? SG_FLAG_DEFERRAL : 0), "vote-record",
                     hs, he, he, -1, 0};
        for (size_t q = 0; q < n; q++) { /* the lists of one line are consecutive */
            sg_extract__trace(c, hs, he, (int)(first + q), f.rule, NULL);
            sg_status rc = emit(c, &f, (int)(first + q), si);
            if (rc != SG_OK)
                return rc;
        }
    }
    return SG_OK;
}

/* "Both Chile and Peru have signed X, while Bolivia has not": a clause that is only a
 * list, auxiliaries and a negation repeats the stance of the sentence's last statement
 * on the topic before it, negated. */
static sg_status negated_ellipses(ctx *c)
{
    for (int cl = 1; cl < (int)c->n_clauses; cl++) {
        size_t cs = c->clause_start[cl], ce = c->clause_end[cl];
        if (c->clause_start[cl - 1] >= cs || c->s.sent_of[cs] != c->s.sent_of[c->clause_start[cl - 1]])
            continue;
        size_t k = cs;
        while (k < ce && (c->s.tok.tok[k].kind == SG_TOK_PUNCT || in_list(c, k, SG_WL_CLAUSE_CONJUNCTIONS) ||
                          in_list(c, k, SG_WL_SUBORDINATORS) || sg_extract__is(&c->s, k, "and")))
            k++;
        size_t neg = (size_t)-1, aux = 0;
        /* "..., but not by A, B or C": a negated agent */
        if (k + 2 < ce && sg_extract__main_meaning(&c->s, k, SG_P_NEGATOR) && sg_extract__is(&c->s, k + 1, "by"))
            neg = k, aux = 1, k += 2;
        int l = sg_holder__list_after(c, k, ce); /* past determiners ("not by the US") */
        if (l < 0 || c->s.men[c->s.lists[l].first].kind != SG_MEN_ACTOR)
            continue;
        k = c->s.lists[l].end;
        for (; neg == (size_t)-1 && k < ce && c->s.tok.tok[k].kind == SG_TOK_WORD; k++) {
            if (sg_extract__main_meaning(&c->s, k, SG_P_NEGATOR) && neg == (size_t)-1)
                neg = k;
            else if (in_list(c, k, SG_WL_AUXILIARIES) || is_modal(c, k))
                aux++;
            else
                break;
        }
        while (k < ce && neg != (size_t)-1 && c->s.tok.tok[k].kind == SG_TOK_WORD && in_list(c, k, SG_WL_AUXILIARIES))
            k++;
        if (neg == (size_t)-1 || aux == 0 || (k < ce && c->s.tok.tok[k].kind == SG_TOK_WORD))
            continue;
        /* the sentence's last statement on the topic before this clause, else its last
         * stance without a holder ("ratified by more than 110 countries, but not by A") */
        size_t sent = (size_t)c->s.sent_of[cs];
        int stance = 0;
        double weight = 0.8;
        for (size_t q = c->out->n; q-- > c->out_first;) {
            const sg_statement *st = &c->out->items[q];
            if (st->sentence != (long)sent + 1)
                continue;
            if (st->target == NULL && st->stance != 0 && strcmp(st->topic, c->s.lex->topics[c->topic].id) == 0) {
                stance = st->stance, weight = st->weight;
                break;
            }
        }
        if (stance == 0 && c->has_last && c->last_sent == sent)
            stance = c->last_stance;
        if (stance == 0)
            continue;
        finding f = {-stance, weight, SG_FLAG_NEGATED, "ellipsis", neg, neg + 1, neg + 1, -1, 0};
        sg_extract__trace(c, neg, neg + 1, l, f.rule, NULL);
        sg_status rc = emit(c, &f, l, sent);
        if (rc != SG_OK)
            return rc;
    }
    return SG_OK;
}

static sg_status extract_topic(ctx *c, int on_topic)
{
    /* n_out is not reset: statement ids stay unique across the topics of a document */
    c->doc_on_topic = on_topic;
    c->has_last = 0;
    c->has_event = 0;
    memset(c->consumed, 0, c->s.tok.n_tok + 1);
    c->s.cur_topic = c->topic; /* cues bound to other topics' acts are not seen */
    for (size_t i = 0; i < c->s.n_main; i++) {
        const sg_match *m = &c->s.main[i];
        sg_status rc = SG_OK;
        /* the prefilter: a relation needs its target named in the cue's clause, and a
         * deferral gives something only about the topic */
        if (c->relations_only && !c->clause_has_mention[c->clause_of[m->start]])
            continue;
        if (sg_extract__main_meaning(&c->s, m->start, SG_P_CUE))
            rc = handle_cue(c, m->start);
        else if (!c->relations_only && sg_extract__main_meaning(&c->s, m->start, SG_P_DEFERRAL))
            rc = handle_deferral(c, c->clause_of[m->start], m->start);
        if (rc != SG_OK)
            return rc;
    }
    for (size_t i = 0; on_topic && i < c->s.tok.n_tok; i++)
        if (c->s.tok.tok[i].kind == SG_TOK_WORD && c->s.tok.tok[i].upper &&
            strchr(c->s.tok.tok[i].norm, '-')) {
            sg_status rc = compound_author(c, i);
            if (rc != SG_OK)
                return rc;
        }
    sg_status rc = on_topic ? vote_records(c) : SG_OK;
    return rc == SG_OK && on_topic && !c->relations_only ? negated_ellipses(c) : rc;
}

/* on_topic[t] = 1 for every topic t that some sentence, or two sentences in a row, name
 * in full (every term group matched). */
static void mark_topics_named(ctx *c)
{
    for (size_t t = 0; t < c->s.lex->n_topics; t++) /* no groups: always named */
        c->on_topic[t] = c->s.tok.n_sent > 0 && sg_topic__full(c, (int)t, 0);
    /* up to three sentences in a row count too: "UK says proposed pandemic treaty 'not
     * acceptable'" and "A proposed World Health Organization treaty ..." (anaphors only
     * within one sentence); the two previous sentences' masks wait in prev_mask and
     * prev2_mask */
    size_t n_prev = 0, n_prev2 = 0;
    for (size_t si = 0; si < c->s.tok.n_sent; si++) {
        const sg_sentence *st = &c->s.tok.sent[si];
        size_t n = sg_topic__gather(c, st->first, st->last_plus1, -1);
        for (size_t k = 0; k < n; k++) {
            int o = c->topic_touched[k];
            c->on_topic[o] |= sg_topic__full(c, o, c->topic_mask[o]) ||
                              sg_topic__full(c, o, (c->topic_mask[o] | c->prev_mask[o] | c->prev2_mask[o]) &
                                                       ~SG_TOPIC_ANAPHOR);
        }
        for (size_t k = 0; k < n_prev2; k++)
            c->prev2_mask[c->prev2_touched[k]] = 0;
        for (size_t k = 0; k < n_prev; k++) { /* the previous sentence becomes the one before */
            int o = c->prev_touched[k];
            c->prev2_mask[o] = c->prev_mask[o];
            c->prev2_touched[k] = o;
            c->prev_mask[o] = 0;
        }
        n_prev2 = n_prev;
        for (size_t k = 0; k < n; k++) {
            int o = c->topic_touched[k];
            c->prev_mask[o] = c->topic_mask[o];
            c->prev_touched[k] = o;
            c->topic_mask[o] = 0;
        }
        n_prev = n;
    }
    for (size_t i = 0; i < c->s.n_main; i++) {
        const sg_match *m = &c->s.main[i];
        for (int k = 0; k < m->n; k++)
            if (m->m[k]->kind == SG_P_CUE && c->s.lex->cues[m->m[k]->data].topic >= 0)
                c->has_act[c->s.lex->cues[m->m[k]->data].topic] = 1;
    }
}

/* The outlet a document reports from when a sentence names none: the document's own
 * source, else an outlet named in its first three sentences (the lede's attribution:
 * "..., Bloomberg reported"). An outlet first named later is cited, not the reporter. */
static const char *first_source(const ctx *c)
{
    if (c->s.doc->source)
        return c->s.doc->source;
    for (size_t i = 0; i < c->s.n_men; i++)
        if (c->s.men[i].kind == SG_MEN_SOURCE && c->s.men[i].source >= 0 &&
            c->s.sent_of[c->s.men[i].start] < 3)
            return c->s.lex->sources[c->s.men[i].source];
    return NULL;
}

sg_status sg_extract__open(ctx *c, const sg_lexicon *lex, const sg_document *doc,
                           const sg_extract_options *opts, sg_statement_list *out, sg_error *err)
{
    memset(c, 0, sizeof(*c));
    c->opts = opts;
    c->out = out;
    c->out_first = out->n;
    sg_status rc = sg_extract__scan(&c->s, lex, doc,
                                    opts->topic ? sg_lexicon__topic_index(lex, opts->topic) : -1, err);
    if (rc != SG_OK)
        return rc;
    sg_extract__resolve_pronouns(&c->s);
    /* two allocations for the arrays below: by token (clauses, quotations, consumed cues,
     * clauses with a mention: at most one clause per token), and by actor and topic
     * (zeroed) */
    size_t n1 = c->s.tok.n_tok + 1, na = lex->n_actors + 1;
    size_t nt = lex->n_topics ? lex->n_topics : 1;
    c->by_token = malloc(n1 * (2 * sizeof(size_t) + 2 * sizeof(int) + 2));
    c->by_actor = calloc(1, (2 * na + 6 * nt) * sizeof(unsigned) + 2 * nt);
    if (c->by_token == NULL || c->by_actor == NULL) {
        sg_extract__close(c);
        return sg_error_set(err, SG_ENOMEM, doc->id, 0, "out of memory");
    }
    c->clause_start = c->by_token;
    c->clause_end = c->clause_start + n1;
    c->clause_of = (int *)(void *)(c->clause_end + n1);
    c->quote_list = c->clause_of + n1;
    c->consumed = (unsigned char *)(c->quote_list + n1);
    c->clause_has_mention = c->consumed + n1;
    memset(c->consumed, 0, 2 * n1);
    _Static_assert(sizeof(int) == sizeof(unsigned), "by_actor holds both");
    c->seen = c->by_actor;
    c->seen_target = c->seen + na;
    c->topic_mask = c->seen_target + na;
    c->prev_mask = c->topic_mask + nt;
    c->topic_touched = (int *)(void *)(c->prev_mask + nt);
    c->prev_touched = c->topic_touched + nt;
    c->prev2_mask = (unsigned *)(void *)(c->prev_touched + nt);
    c->prev2_touched = (int *)(void *)(c->prev2_mask + nt);
    c->on_topic = (unsigned char *)(c->prev2_touched + nt);
    c->has_act = c->on_topic + nt;
    if (split_clauses(c) != SG_OK || find_quotes(c) != SG_OK) {
        sg_extract__close(c);
        return sg_error_set(err, SG_ENOMEM, doc->id, 0, "out of memory");
    }
    c->doc_source = first_source(c);
    mark_topics_named(c);
    for (size_t k = 0; k < c->s.n_men; k++)
        c->clause_has_mention[c->clause_of[c->s.men[k].start]] = 1;
    /* relations go with the requested topic, else the first topic the document is about
     * (else the first topic), so that each is emitted once */
    c->rel_topic = opts->topic ? sg_lexicon__topic_index(lex, opts->topic) : 0;
    for (size_t t = 0; opts->topic == NULL && t < lex->n_topics; t++)
        if (c->on_topic[t]) {
            c->rel_topic = (int)t;
            break;
        }
    return SG_OK;
}

sg_status sg_extract__run_topic(ctx *c, int topic)
{
    c->topic = topic;
    c->relations_only = 0;
    return extract_topic(c, c->on_topic[topic]);
}

/* A topic pass that can give only relations visits only the cues of clauses that name
 * an actor (most sentences of a news stream are about something else). */
static sg_status run_relations_only(ctx *c, int topic)
{
    c->topic = topic;
    c->relations_only = 1;
    return extract_topic(c, 0);
}

void sg_extract__close(ctx *c)
{
    free(c->by_actor); /* seen, seen_target, the topic masks, on_topic, has_act */
    c->by_actor = NULL;
    c->seen = c->seen_target = NULL;
    free(c->named);
    c->clause_has_mention = NULL;
    c->topic_mask = NULL;
    c->topic_touched = NULL;
    c->prev_mask = NULL;
    c->prev2_mask = NULL;
    c->named = NULL;
    c->prev_touched = NULL;
    c->prev2_touched = NULL;
    c->on_topic = c->has_act = NULL;
    free(c->by_token); /* clauses, quote_list, consumed, clause_has_mention */
    c->by_token = NULL;
    sg_extract__scan_destroy(&c->s);
    c->consumed = NULL;
    c->clause_of = NULL;
    c->quote_list = NULL;
    c->clause_start = c->clause_end = NULL;
}

static size_t window_len(const char *text, size_t len);
static sg_status extract_window(sg_statement_list *out, const sg_lexicon *lex,
                                const sg_document *doc, const sg_extract_options *opts,
                                int topic, size_t byte_base, size_t *sent_base, size_t *n_out,
                                sg_error *err);

/* The windows of doc in turn, into out; after each one fn (when set) takes them. */
static sg_status extract_windows(sg_statement_list *out, const sg_lexicon *lex,
                                 const sg_document *doc, const sg_extract_options *opts,
                                 sg_extract_window_fn fn, void *arg, sg_error *err)
{
    static const sg_extract_options defaults = SG_EXTRACT_OPTIONS_INIT;
    if (opts == NULL)
        opts = &defaults;
    int topic = -1;
    if (opts->topic) {
        topic = sg_lexicon__topic_index(lex, opts->topic);
        if (topic < 0)
            return sg_error_set(err, SG_EUSAGE, NULL, 0, "unknown topic \"%s\"", opts->topic);
    }
    size_t n_out = 0, sent_base = 0;
    sg_status rc = SG_OK;
    for (size_t off = 0; rc == SG_OK && (off < doc->len || off == 0);) {
        sg_document w = *doc;
        w.text = doc->text + off;
        w.len = window_len(doc->text + off, doc->len - off);
        rc = extract_window(out, lex, &w, opts, topic, off, &sent_base, &n_out, err);
        if (rc == SG_OK && fn != NULL) {
            rc = fn(out, arg);
            sg_statement_list_destroy(out); /* what fn left */
            if (rc != SG_OK)
                sg_error_set(err, rc, doc->id, 0, rc == SG_ENOMEM ? "out of memory"
                                                                  : "stopped by the caller");
        }
        off += w.len;
        if (w.len == 0)
            break;
    }
    return rc;
}

sg_status sg_extract_document(sg_statement_list *out, const sg_lexicon *lex,
                              const sg_document *doc, const sg_extract_options *opts,
                              sg_error *err)
{
    return extract_windows(out, lex, doc, opts, NULL, NULL, err);
}

sg_status sg_extract_document_windows(const sg_lexicon *lex, const sg_document *doc,
                                      const sg_extract_options *opts,
                                      sg_extract_window_fn fn, void *arg, sg_error *err)
{
    sg_statement_list window;
    sg_statement_list_init(&window);
    sg_status rc = extract_windows(&window, lex, doc, opts, fn, arg, err);
    sg_statement_list_destroy(&window);
    return rc;
}

/* The length of the window that starts text[0..len): all of it when it fits, else up to
 * the last paragraph break, line break, sentence end or space within SG_DOC_WINDOW_BYTES
 * (always an ASCII byte, so both parts stay valid UTF-8). */
static size_t window_len(const char *text, size_t len)
{
    if (len <= SG_DOC_WINDOW_BYTES)
        return len;
    size_t lim = SG_DOC_WINDOW_BYTES, half = lim / 2;
    for (size_t k = lim; k-- > half + 1;)
        if (text[k] == '\n' && text[k - 1] == '\n')
            return k + 1;
    for (size_t k = lim; k-- > half;)
        if (text[k] == '\n')
            return k + 1;
    for (size_t k = lim; k-- > half + 1;)
        if (text[k] == ' ' && (text[k - 1] == '.' || text[k - 1] == '!' || text[k - 1] == '?'))
            return k + 1;
    for (size_t k = lim; k-- > half;)
        if (text[k] == ' ' || text[k] == '\t')
            return k + 1;
    for (size_t k = lim; k > half; k--) /* no space at all: a code-point boundary */
        if (((unsigned char)text[k] & 0xC0) != 0x80)
            return k;
    return lim;
}

/* One window of a document: the statements of every topic asked for, with ids, sentence
 * numbers and spans counted from the document's start. */
static sg_status extract_window(sg_statement_list *out, const sg_lexicon *lex,
                                const sg_document *doc, const sg_extract_options *opts,
                                int topic, size_t byte_base, size_t *sent_base, size_t *n_out,
                                sg_error *err)
{
    ctx c;
    size_t bad = 0;
    sg_status rc = sg_extract__open(&c, lex, doc, opts, out, err);
    if (rc == SG_EINPUT && !sg_utf8_valid(doc->text, doc->len, &bad)) {
        /* the byte and line in the whole document (doc is its window at byte_base) */
        const char *whole = doc->text - byte_base, *end = doc->text + bad;
        long line = 1;
        for (const char *p = whole; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
            line++;
        return sg_error_set(err, SG_EINPUT, doc->id, line, "invalid UTF-8 at byte %zu",
                            byte_base + bad);
    }
    if (rc != SG_OK)
        return rc;
    c.byte_base = byte_base;
    c.sent_base = *sent_base;
    c.n_out = *n_out;
    /* A topic no sentence names in full, whose act has no cue in the document, can only
     * give actor->actor relations, and those are emitted once, in the pass of rel_topic:
     * such topics cost nothing each. */
    for (size_t t = 0; t < lex->n_topics; t++) {
        if (topic >= 0 && (int)t != topic)
            continue;
        /* the prefilter: most documents of a news stream are about something else */
        int off_topic = !c.on_topic[t] && !c.has_act[t];
        if (off_topic && !(opts->include_relations && (int)t == c.rel_topic))
            continue;
        rc = off_topic ? run_relations_only(&c, (int)t) : sg_extract__run_topic(&c, (int)t);
        if (rc != SG_OK) {
            sg_error_set(err, rc, doc->id, 0, "out of memory");
            break;
        }
    }
    *sent_base += c.s.tok.n_sent;
    *n_out = c.n_out;
    sg_extract__close(&c);
    return rc;
}
