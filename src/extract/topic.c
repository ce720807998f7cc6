/* topic.c - what a stance cue is about: the topic's term groups in the cue's object (or,
 * for passives, adjectives, effects and deferrals, in its whole clause), another topic that
 * takes the clause, the sentence, anaphors ("this idea", "its bid"), or the document's
 * topic carried to a cue without an object of its own. See docs/extraction.md. */
#include "extract/extract_ctx.h"

/* ---- topic -------------------------------------------------------------------- */

/* Bitmask of term groups of topic t matched in tokens [a, b); anaphors set SG_TOPIC_ANAPHOR. */
unsigned sg_topic__groups(const ctx *c, int t, size_t a, size_t b)
{
    unsigned mask = 0;
    int act_group = c->s.lex->topics[t].act_group;
    const sg_topic_entry *te = &c->s.lex->topics[t];
    unsigned undo_bit = te->act_undone && act_group >= 0 && act_group < 31 && te->act_object_group >= 0 &&
                        te->act_object_group < 31 && te->act_object_group != act_group ? 1u << act_group : 0;
    for (size_t i = a; i < b; i++) {
        /* a form of the act ("rejoined", "withdrew") names the group its term came from */
        if (act_group >= 0 && act_group < 31 && c->s.main_at[i] >= 0 &&
            c->s.main[c->s.main_at[i]].start == i) {
            const sg_match *m = &c->s.main[c->s.main_at[i]];
            for (int k = 0; k < m->n; k++)
                if (m->m[k]->kind == SG_P_CUE && c->s.lex->cues[m->m[k]->data].names_group &&
                    c->s.lex->cues[m->m[k]->data].topic == t)
                    mask |= 1u << act_group;
        }
        if (c->s.topic_at[i] >= 0 && c->s.topic[c->s.topic_at[i]].start == i) {
            const sg_match *m = &c->s.topic[c->s.topic_at[i]];
            for (int k = 0; k < m->n; k++)
                if (m->m[k]->data == t && m->m[k]->data2 < 31)
                    mask |= 1u << m->m[k]->data2;
        }
        /* an undone topic is about what its act applies to ("the sanctions on X" for
         * "lifting sanctions on X"): naming that names the undoing too */
        if (undo_bit && (mask & (1u << c->s.lex->topics[t].act_object_group)))
            mask |= undo_bit;
        if (c->s.anaph_at[i] >= 0 && c->s.anaph[c->s.anaph_at[i]].start == i) {
            const sg_match *m = &c->s.anaph[c->s.anaph_at[i]];
            for (int k = 0; k < m->n; k++)
                if (m->m[k]->data == t || m->m[k]->data < 0)
                    mask |= SG_TOPIC_ANAPHOR;
        }
    }
    return mask;
}

int sg_topic__full(const ctx *c, int t, unsigned mask)
{
    unsigned need = (1u << c->s.lex->topics[t].n_groups) - 1;
    return (mask & need) == need;
}

static void gather_bit(const ctx *c, int o, unsigned bit, size_t *n)
{
    if (c->topic_mask[o] == 0)
        c->topic_touched[(*n)++] = o;
    c->topic_mask[o] |= bit;
}

size_t sg_topic__gather(const ctx *c, size_t a, size_t b, int skip)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++) {
        /* a form of a topic's act names the group its term came from (sg_topic__groups) */
        if (c->s.main_at[i] >= 0 && c->s.main[c->s.main_at[i]].start == i) {
            const sg_match *m = &c->s.main[c->s.main_at[i]];
            for (int k = 0; k < m->n; k++) {
                if (m->m[k]->kind != SG_P_CUE)
                    continue;
                const sg_cue_entry *cue = &c->s.lex->cues[m->m[k]->data];
                int o = cue->topic;
                if (!cue->names_group || o < 0 || o == skip)
                    continue;
                int g = c->s.lex->topics[o].act_group;
                if (g >= 0 && g < 31)
                    gather_bit(c, o, 1u << g, &n);
            }
        }
        if (c->s.topic_at[i] < 0 || c->s.topic[c->s.topic_at[i]].start != i)
            continue;
        const sg_match *m = &c->s.topic[c->s.topic_at[i]];
        for (int k = 0; k < m->n; k++) {
            int o = m->m[k]->data;
            if (o == skip || o < 0 || m->m[k]->data2 >= 31)
                continue;
            gather_bit(c, o, 1u << m->m[k]->data2, &n);
        }
    }
    return n;
}

/* Some other topic is named in full in [a, b), and t is not. Only the topics whose terms
 * occur in [a, b) are looked at (their groups gathered in one pass over the range), so
 * the cost does not grow with the number of topics in the lexicon. */
int sg_topic__other(const ctx *c, int t, size_t a, size_t b)
{
    if (sg_topic__full(c, t, sg_topic__groups(c, t, a, b)))
        return 0;
    size_t n = sg_topic__gather(c, a, b, t);
    int found = 0;
    for (size_t k = 0; k < n; k++) {
        found |= sg_topic__full(c, c->topic_touched[k], c->topic_mask[c->topic_touched[k]]);
        c->topic_mask[c->topic_touched[k]] = 0;
    }
    return found;
}


/* Is the cue at [cue, cue_end) in clause cl about topic t? */
/* The cue has no object of its own: end of clause, or a pronoun ("insist on it"). */
static int empty_object(const ctx *c, size_t k, size_t b)
{
    if (k < b && in_list(c, k, SG_WL_OBJECT_PREPOSITIONS))
        k++;
    /* "advocates achieving this": a gerund before the pronoun */
    if (k + 1 < b && ends_in(c->s.tok.tok[k].norm, "ing") &&
        c->s.main_at[k] < 0 && (in_list(c, k + 1, SG_WL_OBJECT_PRONOUNS) || sg_extract__is(&c->s, k + 1, "this")))
        k++;
    if (k >= b || c->s.tok.tok[k].kind == SG_TOK_PUNCT || in_list(c, k, SG_WL_OBJECT_PRONOUNS))
        return 1;
    /* "while A voted against and B abstained": a new subject after "and"/"or" */
    if (k + 1 < b && (sg_extract__is(&c->s, k, "and") || sg_extract__is(&c->s, k, "or")) &&
        c->s.men_at[k + 1] >= 0)
        return 1;
    /* "this" alone is a pronoun; "this position" has an object of its own */
    return sg_extract__is(&c->s, k, "this") &&
           (k + 1 >= b || c->s.tok.tok[k + 1].kind == SG_TOK_PUNCT);
}

/* The term groups of topic t in a cue's object [a, b), leaving out a term at its head that
 * possesses a noun of no topic ("supported the Arab League's long-term objective" is not about
 * Syria's return to the Arab League; "Ukraine's membership" still is). */
static unsigned object_groups(const ctx *c, int t, size_t a, size_t b)
{
    size_t i = a;
    while (i < b && is_determiner(c, i))
        i++;
    /* the object's head phrase only: "at Ukraine's expense" later on still names Ukraine */
    if (i >= b || c->s.men_at[i] < 0)
        return sg_topic__groups(c, t, a, b);
    const sg_mention *m = &c->s.men[c->s.men_at[i]];
    size_t n = m->end + 1; /* the possessed noun, after 's */
    if (m->start < a || !m->poss_follows || n >= b)
        return sg_topic__groups(c, t, a, b);
    for (size_t k = n; k < b && k < n + 3; k++)
        if (c->s.topic_at[k] >= 0 || c->s.anaph_at[k] >= 0 ||
            sg_extract__main_meaning(&c->s, k, SG_P_CUE) != NULL)
            return sg_topic__groups(c, t, a, b);
    return sg_topic__groups(c, t, n, b);
}

/* Is the cue ending at cue_end in clause cl about topic t? The topic must be in the cue's
 * object (the rest of the clause); before the cue only when that part is the cue's
 * subject (passives, adjectives, effect cues, deferrals: before_ok). */
#define SG_OBJECT_WINDOW 12 /* tokens after the cue in which its object names the topic */

topic_how sg_topic__of(const ctx *c, int t, size_t cue, size_t cue_end, int cl, int carry_ok,
                       int before_ok, int nominal, int holder_list)
{
    size_t a = c->clause_start[cl], b = c->clause_end[cl];
    size_t near = cue_end + SG_OBJECT_WINDOW < b ? cue_end + SG_OBJECT_WINDOW : b;
    /* the object ends where an adverbial clause starts ("demands guarantees before
     * endorsing the plan") */
    for (size_t k = cue_end; k < near; k++)
        if (in_list(c, k, SG_WL_ADVERBIAL_CONJUNCTIONS)) {
            near = k;
            break;
        }
    unsigned after = object_groups(c, t, cue_end, near);
    /* a phrase cue's own words may name part of the question ("open accession talks") */
    if (c->s.main_at[cue] >= 0 && c->s.main[c->s.main_at[cue]].end > cue + 1)
        after |= sg_topic__groups(c, t, cue, cue_end) & ~SG_TOPIC_ANAPHOR;
    /* the holder may name part of the question itself: "Sweden wants to join NATO" */
    if (holder_list >= 0)
        after |= sg_topic__groups(c, t, c->s.lists[holder_list].start, c->s.lists[holder_list].end) &
                 ~SG_TOPIC_ANAPHOR;
    unsigned whole = sg_topic__groups(c, t, a, b);
    if (sg_topic__full(c, t, after) || (before_ok && sg_topic__full(c, t, whole)))
        return TOPIC_CLAUSE;
    if (sg_topic__other(c, t, cue_end, b) || (before_ok && sg_topic__other(c, t, a, b)))
        return TOPIC_NONE;
    if (!c->doc_on_topic)
        return TOPIC_NONE;
    int empty = empty_object(c, cue_end, b);

    /* a noun with no complement ("Turkey's opposition stopped any vote") */
    if (nominal && !in_list(c, cue_end, SG_WL_NOUN_COMPLEMENTS))
        empty = 1;
    const sg_sentence *st = &c->s.tok.sent[c->s.sent_of[cue]];
    if (empty && sg_topic__full(c, t, sg_topic__groups(c, t, st->first, st->last_plus1)) &&
        !sg_topic__other(c, t, st->first, st->last_plus1))
        return TOPIC_SENTENCE;
    size_t obj_end = near < b && near < cue_end + SG_OBJECT_WINDOW ? near : b;
    if ((sg_topic__groups(c, t, cue_end, obj_end) & SG_TOPIC_ANAPHOR) || (before_ok && (whole & SG_TOPIC_ANAPHOR)))
        return TOPIC_ANAPHOR;
    /* the object names part of the question ("welcomed into NATO") and the sentence the
     * rest ("after Finland's announcement") */
    const sg_sentence *sn = &c->s.tok.sent[c->s.sent_of[cue]];
    if ((after & ~SG_TOPIC_ANAPHOR) && sg_topic__full(c, t, sg_topic__groups(c, t, sn->first, sn->last_plus1)) &&
        !sg_topic__other(c, t, sn->first, sn->last_plus1))
        return TOPIC_SENTENCE;
    /* the object names part of the topic that is not an actor ("supports the JCPOA" in a
     * document about the nuclear deal) */
    /* for passives and adjectives the subject is what the cue is about: "The waiver,
     * originally proposed by India, ..." */
    for (size_t i = before_ok ? a : cue_end; i < obj_end; i++)
        if ((i < cue || i >= cue_end) && c->s.topic_at[i] >= 0 && c->s.men_at[i] < 0 &&
            (sg_topic__groups(c, t, i, i + 1) & ~SG_TOPIC_ANAPHOR) &&
            ((!sg_extract__main_meaning(&c->s, i, SG_P_DEMONYM) &&
              !sg_extract__main_meaning(&c->s, i, SG_P_ACTOR)) ||
             c->s.topic[c->s.topic_at[i]].end > c->s.main[c->s.main_at[i]].end))
            return TOPIC_CARRIED; /* "the Paris Agreement" is a term, not France */
    if (carry_ok && empty)
        return TOPIC_CARRIED;
    return TOPIC_NONE;
}

