/* holder.c - who holds a stance cue: passive agents, possessors, local and clause
 * subjects (skipping sources and prepositional phrases), speakers of speech verbs and
 * quotations, interrupted subjects. The order of the rules is docs/extraction.md's. */
#include "extract/extract_ctx.h"

#include <ctype.h>

/* ---- holders ------------------------------------------------------------------ */

/* "A year after India and South Africa introduced a proposal": a coordinated list right
 * after a subordinator and right before its verb (a cue or an auxiliary) is the subject
 * of the subordinate clause, not a prepositional object (scan.c decides this for a single
 * mention; a list is only complete after it). */
static int subordinate_subject(const ctx *c, const sg_list *l)
{
    size_t k = l->start;
    while (k > 0 && is_determiner(c, k - 1))
        k--;
    if (k == 0 || l->first == l->last || !in_list(c, k - 1, SG_WL_SUBORDINATORS))
        return 0;
    size_t e = l->end;
    return e < c->s.tok.n_tok && c->s.sent_of[e] == c->s.sent_of[l->start] &&
           c->s.tok.tok[e].kind == SG_TOK_WORD &&
           (sg_extract__main_meaning(&c->s, e, SG_P_CUE) || in_list(c, e, SG_WL_AUXILIARIES));
}

/* A list that can hold a stance: actors, not a source, not a possessor of a noun, not
 * inside a prepositional phrase. */
int sg_holder__candidate(const ctx *c, const sg_list *l)
{
    const sg_mention *first = &c->s.men[l->first], *last = &c->s.men[l->last];
    if (first->kind == SG_MEN_SOURCE || first->kind == SG_MEN_ROLE_ONLY)
        return 0;
    if (first->kind == SG_MEN_PRONOUN && first->actors.n == 0 &&
        first->pronoun != SG_PRON_SPEAKER)
        return 0;
    if (last->possessor_of_noun && l->first == l->last)
        return 0; /* "Russia, China and Caracas' allies": the others still hold */
    if (l->in_pp && !subordinate_subject(c, l))
        return 0;
    return 1;
}


int sg_holder__list_of(const ctx *c, size_t i)
{
    return c->s.men_at[i] >= 0 ? (int)c->s.men[c->s.men_at[i]].list : -1;
}

/* Mention list right after token i (determiners may come first), or -1. */
int sg_holder__list_after(const ctx *c, size_t i, size_t end)
{
    for (; i < end; i++) {
        int l = sg_holder__list_of(c, i);
        if (l >= 0 && c->s.lists[l].start == i &&
            c->s.men[c->s.lists[l].first].kind != SG_MEN_SOURCE &&
            !c->s.men[c->s.lists[l].last].possessor_of_noun &&
            !(c->s.men[c->s.lists[l].first].kind == SG_MEN_PRONOUN &&
              c->s.men[c->s.lists[l].first].actors.n == 0))
            return l;
        if (!is_determiner(c, i))
            return -1;
    }
    return -1;
}

/* First candidate list in [from, speech). */
int sg_holder__speaker_list(const ctx *c, size_t from, size_t speech)
{
    for (size_t i = from; i < speech; i++) {
        int l = sg_holder__list_of(c, i);
        if (l >= 0 && c->s.lists[l].start == i && sg_holder__candidate(c, &c->s.lists[l]))
            return l;
    }
    return -1;
}

/* "EU member states have": a speech verb form that is a plural noun after a modifier. */
static int plural_noun_use(const ctx *c, size_t i, size_t from)
{
    if (i <= from || !in_list(c, i, SG_WL_PLURAL_HEADS))
        return 0;
    const sg_token *p = &c->s.tok.tok[i - 1];
    return (p->kind == SG_TOK_WORD && c->s.men_at[i - 1] < 0 && !p->upper) || is_determiner(c, i - 1);
}

/* The speaker of a clause: first candidate before the last speech verb before pos. */
int sg_holder__speaker_before(const ctx *c, size_t from, size_t pos, size_t *after_speech)
{
    size_t speech = (size_t)-1;
    for (size_t i = from; i < pos; i++)
        if ((sg_extract__main_meaning(&c->s, i, SG_P_SPEECH) && !plural_noun_use(c, i, from)) ||
            sg_extract__main_meaning(&c->s, i, SG_P_REPORTING))
            speech = i;
    /* a subordinate clause ("the day that Finland and Sweden applied") has its own
     * subject: search after the last that/which/who when a candidate follows it */
    for (size_t i = pos; i-- > (speech == (size_t)-1 ? from : speech + 1);)
        if (in_list(c, i, SG_WL_RELATIVE_PRONOUNS)) {
            if (sg_holder__first_candidate(c, i + 1, pos) >= 0) {
                *after_speech = i + 1;
                return speech == (size_t)-1 ? -1 : sg_holder__speaker_list(c, from, speech);
            }
            /* "the Prime Minister of Belgium, ..., who opposes": the relative pronoun
             * stands for the nearest actor before it */
            if (!sg_extract__is(&c->s, i, "that"))
                for (size_t k = i; k-- > from && k + 10 > i;) {
                    /* "the court's decision, which": a noun of its own comes first */
                    if (c->s.tok.tok[k].kind == SG_TOK_POSS ||
                        sg_extract__main_meaning(&c->s, k, SG_P_CUE))
                        break;
                    int l = sg_holder__list_of(c, k);
                    if (l < 0 || c->s.lists[l].end != k + 1)
                        continue;
                    sg_actor_set a;
                    sg_extract__mention_actors(&c->s, &c->s.men[c->s.lists[l].last], &a);
                    if (a.n > 0 && c->s.men[c->s.lists[l].first].kind == SG_MEN_ACTOR) {
                        *after_speech = pos;
                        return l;
                    }
                }
            break;
        }
    *after_speech = speech == (size_t)-1 ? from : speech + 1;
    if (speech == (size_t)-1)
        return -1;
    return sg_holder__speaker_list(c, from, speech);
}

int sg_holder__first_candidate(const ctx *c, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        int l = sg_holder__list_of(c, i);
        if (l >= 0 && c->s.lists[l].start == i && c->s.lists[l].end <= to &&
            sg_holder__candidate(c, &c->s.lists[l]))
            return l;
    }
    return -1;
}

/* "put forward by the ten elected members of the Council: A, B and C": an agent with
 * no name of its own whose members a list after a colon names (within the sentence, no
 * cue between). */
static int colon_members(const ctx *c, size_t from)
{
    if (from >= c->s.tok.n_tok)
        return -1; /* "... opposed by" at the very end of the document */
    const sg_sentence *st = &c->s.tok.sent[c->s.sent_of[from]];
    for (size_t j = from; j < st->last_plus1 && j < from + 14; j++) {
        if (sg_extract__main_meaning(&c->s, j, SG_P_CUE))
            return -1;
        if (c->s.men_at[j] >= 0 && c->s.men[c->s.men_at[j]].kind == SG_MEN_ACTOR &&
            !c->s.lists[c->s.men[c->s.men_at[j]].list].in_pp)
            return -1; /* a named agent: not a description */
        if (is_punct(c, j, ":"))
            return sg_holder__list_after(c, j + 1, st->last_plus1);
    }
    return -1;
}

/* "co-sponsored by A, B, the X Group, the Y Group, and most recently C and D": lists that
 * follow list l in one comma series (commas, list glue, determiners, unknown names,
 * adverbs between them; no verb, no other punctuation) hold what l holds. Returns how
 * many lists follow l in the series. */
static int comma_series(const ctx *c, int l)
{
    const sg_sentence *st = &c->s.tok.sent[c->s.sent_of[c->s.lists[l].start]];
    int n = 0;
    size_t k = c->s.lists[l].end;
    while ((size_t)(l + n + 1) < c->s.n_lists) {
        const sg_list *nx = &c->s.lists[l + n + 1];
        if (nx->start >= st->last_plus1 || !is_punct(c, k, ","))
            break;
        size_t j = k;
        for (; j < nx->start; j++) {
            const sg_token *t = &c->s.tok.tok[j];
            size_t len = strlen(t->norm);
            if (!(is_punct(c, j, ",") || in_list(c, j, SG_WL_LIST_GLUE) || is_determiner(c, j) ||
                  in_list(c, j, SG_WL_AUXILIARIES) || (t->kind == SG_TOK_WORD && t->upper) ||
                  (t->kind == SG_TOK_WORD && len > 3 && strcmp(t->norm + len - 2, "ly") == 0)))
                break;
        }
        if (j < nx->start || !sg_holder__candidate(c, nx))
            break;
        n++;
        k = nx->end;
    }
    return n;
}

static int members_after_head(const ctx *c, size_t i, size_t end);

/* Passive agent: "is supported by A, B and C" (verb cues). A passive needs a form of
 * "be"/"get" before the participle, "as called for by", or no active subject ("a
 * sentiment echoed by X"); else "by" belongs to a noun ("requests by Finland"). */
static int passive_agent(const ctx *c, size_t at, size_t end, size_t cs, size_t ce)
{
    int passive = 0;
    for (size_t k = at; k-- > cs && k + 3 >= at;)
        passive |= in_list(c, k, SG_WL_PASSIVE_AUXILIARIES);
    /* "blocked a resolution put forward by the UAE": a participle after a text voted on
     * is a reduced relative, passive whatever the main clause's subject */
    passive |= at > cs && in_list(c, at - 1, SG_WL_VEHICLE_NOUNS) && c->s.men_at[at - 1] < 0;
    /* "the security law imposed on the territory by Beijing": so is a participle after
     * the topic's own noun */
    passive |= at > cs && ends_in(c->s.tok.tok[at].norm, "ed") && c->s.topic_at[at - 1] >= 0 &&
               c->s.men_at[at - 1] < 0;
    if (!passive && sg_holder__first_candidate(c, cs, at) >= 0)
        return -1;
    for (size_t k = end; k < ce && k < end + 8; k++)
        if (sg_extract__is(&c->s, k, "by")) {
            /* "exclude a proposal tabled by X": the agent of another participle */
            if (k > end && ends_in(c->s.tok.tok[k - 1].norm, "ed"))
                return -1;
            int l = sg_holder__list_after(c, k + 1, ce);
            if (l < 0)
                l = colon_members(c, k + 1);
            if (l < 0) /* "opposed by a handful of states, including A and B" */
                l = members_after_head(c, k + 1, ce);
            return l;
        }
    return -1;
}

/* "countries like A and B", "nations including A": the members' list after a plural head
 * noun at most SG_GROUP_REACH words after i. */
#define SG_GROUP_REACH 6
static int members_after_head(const ctx *c, size_t i, size_t end)
{
    /* determiners, numbers and plain words before the head: "a handful of states",
     * "more than 100 countries", "other member states" */
    for (size_t n = 0; i < end && n < SG_GROUP_REACH && !in_list(c, i, SG_WL_PLURAL_HEADS) &&
                       !in_list(c, i, SG_WL_COLLECTIVE_HEADS); n++, i++)
        if (!is_determiner(c, i) &&
            (c->s.tok.tok[i].kind != SG_TOK_WORD || c->s.men_at[i] >= 0 || c->s.tok.tok[i].upper ||
             sg_extract__main_meaning(&c->s, i, SG_P_CUE)))
            return -1;
    if (i + 1 >= end || !(in_list(c, i, SG_WL_PLURAL_HEADS) || in_list(c, i, SG_WL_COLLECTIVE_HEADS)))
        return -1;
    size_t k = i + 1;
    if (k < end && is_punct(c, k, ","))
        k++;
    if (k < end && sg_extract__is(&c->s, k, "such") && sg_extract__is(&c->s, k + 1, "as"))
        k += 2;
    else if (k + 2 < end && sg_extract__is(&c->s, k, "made") && sg_extract__is(&c->s, k + 1, "up") &&
             sg_extract__is(&c->s, k + 2, "of"))
        k += 3;
    else if (k < end && in_list(c, k, SG_WL_MEMBER_MARKERS))
        k += k + 1 < end && sg_extract__is(&c->s, k + 1, "of") ? 2 : 1; /* "consisting of" */
    else
        return -1;
    return sg_holder__list_after(c, k, end);
}

#define SG_NOUN_AGENT_REACH 7 /* tokens after a noun cue in which "from"/"by" names its holder */

/* Holder of a noun: "A's opposition", "his support", "concerns voiced by A",
 * "caution from A and B". */
static holder nominal_holder(const ctx *c, size_t at, size_t end, size_t cs, size_t ce)
{
    holder h = {-1, NULL, -1, 0};
    size_t k = at - 1;
    /* one modifier: "A's strong opposition", "Sweden's NATO bid" */
    if (k > cs && c->s.tok.tok[k].kind == SG_TOK_WORD && c->s.tok.tok[k - 1].kind == SG_TOK_POSS &&
        ((c->s.main_at[k] < 0 && (!c->s.tok.tok[k].upper || c->s.anaph_at[k] >= 0)) ||
         c->s.topic_at[k] >= 0))
        k--;
    if (c->s.tok.tok[k].kind == SG_TOK_POSS && k > 0 && c->s.men_at[k - 1] >= 0 &&
        c->s.men[c->s.men_at[k - 1]].kind != SG_MEN_SOURCE) {
        h.list = (int)c->s.men[c->s.men_at[k - 1]].list, h.rule = "possessive";
        return h;
    }
    if (c->s.men_at[k] >= 0 && c->s.men[c->s.men_at[k]].kind == SG_MEN_PRONOUN &&
        c->s.men[c->s.men_at[k]].end == k + 1) {
        h.list = (int)c->s.men[c->s.men_at[k]].list, h.rule = "possessive-pronoun";
        return h;
    }
    /* "rejected a US proposal", "the Brazilian draft": a single actor right before a
     * noun cue, after a determiner, is its author (plural heads are left to the list
     * rules: "EU member states" names nobody) */
    if (at > cs + 1 && c->s.men_at[at - 1] >= 0) {
        const sg_mention *m = &c->s.men[c->s.men_at[at - 1]];
        const sg_list *l = &c->s.lists[m->list];
        if (m->kind == SG_MEN_ACTOR && m->end == at && l->first == l->last && m->start > cs &&
            is_determiner(c, m->start - 1) && !in_list(c, at, SG_WL_PLURAL_HEADS)) {
            h.list = (int)m->list, h.rule = "possessive";
            return h;
        }
    }
    for (size_t j = end; j + 1 < ce && j < end + 4; j++) {
        if (ends_in(c->s.tok.tok[j].norm, "ed") && sg_extract__is(&c->s, j + 1, "by") &&
            (h.list = sg_holder__list_after(c, j + 2, ce)) >= 0) {
            h.rule = "nominal-passive";
            return h;
        }
    }
    /* "the agreement between the United Kingdom and Mauritius": the parties hold it */
    if (end > at && sg_extract__is(&c->s, end - 1, "between") &&
        (h.list = sg_holder__list_after(c, end, ce)) >= 0) {
        /* ... unless the parties are the topic's own terms ("the EU-Mercosur deal"): then
         * the phrase only names the topic */
        if (sg_topic__groups(c, c->topic, c->s.lists[h.list].start, c->s.lists[h.list].end) &
            ~SG_TOPIC_ANAPHOR)
            h.list = -1;
        else
            h.rule = "parties";
        return h;
    }
    /* "with one abstention (the United States)": the holders named in brackets */
    if (end + 2 < c->s.tok.n_tok && is_punct(c, end, "(") &&
        c->s.sent_of[end] == c->s.sent_of[at] && (h.list = sg_holder__list_after(c, end + 1, c->s.tok.n_tok)) >= 0 &&
        c->s.lists[h.list].end < c->s.tok.n_tok && is_punct(c, c->s.lists[h.list].end, ")")) {
        h.rule = "nominal-from";
        return h;
    }
    /* "caution from A", "similar bans by A and B", "support for the deal from A": the
     * noun's complement ("for"/"of" + a phrase that names no actor) may come first */
    for (size_t j = end; j < ce && j < end + SG_NOUN_AGENT_REACH; j++) {
        if ((sg_extract__is(&c->s, j, "from") || sg_extract__is(&c->s, j, "by")) &&
            (h.list = sg_holder__list_after(c, j + 1, ce)) >= 0) {
            h.rule = "nominal-from";
            return h;
        }
        /* "opposition from trading partners such as A, B and C" */
        if ((sg_extract__is(&c->s, j, "from") || sg_extract__is(&c->s, j, "by")) &&
            (h.list = members_after_head(c, j + 1, ce)) >= 0) {
            h.rule = "nominal-from";
            h.n_more = comma_series(c, h.list);
            return h;
        }
        if (j >= end + 2 && ((c->s.men_at[j] >= 0 && c->s.topic_at[j] < 0) || is_punct(c, j, ",") ||
                             sg_extract__main_meaning(&c->s, j, SG_P_CUE) ||
                             !(sg_extract__is(&c->s, end, "for") || sg_extract__is(&c->s, end, "of"))))
            break;
    }
    /* "raised concerns in Egypt", "alarm among Gulf states": where the feeling is */
    if (end + 1 < ce && (sg_extract__is(&c->s, end, "in") || sg_extract__is(&c->s, end, "among")) &&
        (h.list = sg_holder__list_after(c, end + 1, ce)) >= 0) {
        h.rule = "nominal-from";
        return h;
    }
    /* "bans by countries like A, B and C" */
    for (size_t j = end; j + 2 < ce && j < end + 3; j++)
        if (sg_extract__is(&c->s, j, "by") && (h.list = members_after_head(c, j + 1, ce)) >= 0) {
            h.rule = "nominal-from";
            return h;
        }
    h.list = -1;
    return h;
}

/* A subject right before the cue, even inside a phrase: "the prospect of Croatia trying
 * to block", "fears of Hungary vetoing". Returns the list or -1. */
static int local_subject(const ctx *c, size_t at, size_t cs)
{
    size_t k = at;
    int gerund = 0;
    while (k > cs && k + 4 > at && c->s.tok.tok[k - 1].kind == SG_TOK_WORD &&
           c->s.men_at[k - 1] < 0) {
        const char *w = c->s.tok.tok[k - 1].norm;
        if (strcmp(w, "to") != 0 && !ends_in(w, "ing"))
            break;
        gerund |= strcmp(w, "to") != 0;
        k--;
    }
    if (!(gerund || (k == at && ends_in(c->s.tok.tok[at].norm, "ing"))) || k <= cs ||
        c->s.men_at[k - 1] < 0)
        return -1;
    int l = (int)c->s.men[c->s.men_at[k - 1]].list;
    const sg_mention *m = &c->s.men[c->s.lists[l].first];
    if (c->s.lists[l].end == k && m->kind == SG_MEN_ACTOR && m->actors.n + (m->person >= 0) > 0)
        return l;
    return -1;
}

/* "20 nations have voiced support for X, including: A, B and C": a plural subject with
 * no name of its own, whose members a later "including"/"such as" list names. */
static int members_named_later(const ctx *c, size_t at, size_t cs)
{
    int plural = 0;
    for (size_t k = cs; k < at && !plural; k++)
        plural = c->s.tok.tok[k].kind == SG_TOK_WORD && c->s.men_at[k] < 0 &&
                 in_list(c, k, SG_WL_PLURAL_HEADS);
    if (!plural)
        return -1;
    const sg_sentence *st = &c->s.tok.sent[c->s.sent_of[at]];
    size_t cue_end = c->s.main_at[at] >= 0 ? c->s.main[c->s.main_at[at]].end : at + 1;
    for (size_t k = at + 1; k + 1 < st->last_plus1; k++) {
        size_t after = 0;
        /* "... to vote against it, with the U.K. abstaining and 13 others, including A":
         * a "with" phrase or a later verb cue has members of its own */
        const sg_phrase_meaning *q = k >= cue_end ? sg_extract__main_meaning(&c->s, k, SG_P_CUE) : NULL;
        if (k >= cue_end && (sg_extract__is(&c->s, k, "with") ||
                             (q && c->s.lex->cues[q->data].kind != 'n' &&
                              c->s.lex->cues[q->data].kind != 'r' &&
                              !in_list(c, k, SG_WL_MEMBER_MARKERS))))
            return -1;
        if (in_list(c, k, SG_WL_MEMBER_MARKERS))
            after = k + 1;
        else if (sg_extract__is(&c->s, k, "such") && sg_extract__is(&c->s, k + 1, "as"))
            after = k + 2;
        /* "Several countries abstained, among them A and B" */
        else if (sg_extract__is(&c->s, k, "among") && (sg_extract__is(&c->s, k + 1, "them") ||
                                                       sg_extract__is(&c->s, k + 1, "whom")))
            after = k + 2;
        /* "The following countries voted against the resolution: A, B and C" */
        else if (is_punct(c, k, ":"))
            after = k + 1;
        if (after == 0)
            continue;
        while (after < st->last_plus1 && is_punct(c, after, ":"))
            after++;
        int l = sg_holder__list_after(c, after, st->last_plus1);
        if (l >= 0)
            return l; /* "mainly Ukraine, ..., and the United States": several lists */
        continue;
    }
    return -1;
}

/* "Countries that voted against the resolution include A, B and C", "Those who
 * abstained were A and B": a plural head (or "those") with a relative clause holding the
 * cue, whose members the list after a member verb (include, were) names. */
static int relative_members(const ctx *c, size_t at, size_t end)
{
    const sg_sentence *st = &c->s.tok.sent[c->s.sent_of[at]];
    size_t r = (size_t)-1;
    for (size_t k = at; k-- > st->first && k + 8 > at;) {
        if (c->s.men_at[k] >= 0 || (k + 1 < at && sg_extract__main_meaning(&c->s, k, SG_P_CUE)))
            return -1;
        if (in_list(c, k, SG_WL_RELATIVE_PRONOUNS)) {
            r = k;
            break;
        }
    }
    /* "Those abstaining included A, B": a gerund right
     * after the head does what a relative clause would */
    int gerund = 0;
    if (r == (size_t)-1 && at > st->first && ends_in(c->s.tok.tok[at].norm, "ing") &&
        c->s.men_at[at - 1] < 0 &&
        (in_list(c, at - 1, SG_WL_PLURAL_HEADS) || in_list(c, at - 1, SG_WL_RELATIVE_HEADS)))
        r = at, gerund = 1;
    if (r == (size_t)-1 || r == st->first || c->s.men_at[r - 1] >= 0 ||
        !(in_list(c, r - 1, SG_WL_PLURAL_HEADS) || in_list(c, r - 1, SG_WL_RELATIVE_HEADS)))
        return -1;
    /* "A, B and C are the nations that voted against X", "A and B are among 11 countries
     * that abstained": the list before the copula names the head's members */
    size_t j = r - 1;
    while (j > st->first && j + 5 > r &&
           (is_determiner(c, j - 1) || sg_extract__is(&c->s, j - 1, "among") ||
            sg_extract__is(&c->s, j - 1, "only") || isdigit((unsigned char)c->s.tok.tok[j - 1].norm[0]) ||
            /* one plain modifier: "the few countries", "the other states" */
            (j + 1 == r && c->s.tok.tok[j - 1].kind == SG_TOK_WORD && !c->s.tok.tok[j - 1].upper &&
             c->s.men_at[j - 1] < 0 && c->s.main_at[j - 1] < 0)))
        j--;
    if (j >= st->first + 2 && in_list(c, j - 1, SG_WL_BE_FORMS) && c->s.men_at[j - 2] >= 0) {
        int l = sg_holder__list_of(c, j - 2);
        if (l >= 0 && c->s.lists[l].end == j - 1)
            return l;
    }
    for (size_t k = end; k < st->last_plus1 && k < end + 16; k++) {
        if (sg_extract__main_meaning(&c->s, k, SG_P_CUE))
            return gerund ? -1 : -2;
        if (!in_list(c, k, SG_WL_MEMBER_VERBS))
            continue;
        size_t after = k + 1;
        while (after < st->last_plus1 && is_punct(c, after, ":"))
            after++;
        int l = sg_holder__list_after(c, after, st->last_plus1);
        return l >= 0 ? l : gerund ? -1 : -2;
    }
    return gerund ? -1 : -2; /* "the motives of those that voted for X": unnamed, and not the speaker */
}

/* Fronted votes: "Voting against were A and B", "Among those voting in favour were C",
 * and record lines "Abstaining: D, E": a gerund cue at the start of its sentence (after
 * "among those" at most), its object, then an inverted copula or a colon and the list. */
static int fronted_vote(const ctx *c, size_t at, size_t end)
{
    const sg_sentence *st = &c->s.tok.sent[c->s.sent_of[at]];
    size_t k = st->first;
    if (sg_extract__is(&c->s, k, "among") && in_list(c, k + 1, SG_WL_RELATIVE_HEADS))
        k += 2;
    else if (sg_extract__is(&c->s, k, "among")) {
        /* "Among the countries backing X are A and B" */
        size_t j = k + 1;
        while (j < at && is_determiner(c, j))
            j++;
        if (j < at && in_list(c, j, SG_WL_PLURAL_HEADS))
            k = j + 1;
    }
    if (k != at || !ends_in(c->s.tok.tok[at].norm, "ing"))
        return -1;
    for (size_t j = end; j < st->last_plus1 && j < end + 8; j++) {
        if (c->s.men_at[j] >= 0 || sg_extract__main_meaning(&c->s, j, SG_P_CUE))
            return -1;
        if (in_list(c, j, SG_WL_INVERTED_COPULAS) || is_punct(c, j, ":"))
            return sg_holder__list_after(c, j + 1, st->last_plus1);
    }
    return -1;
}

/* "X's decision to V", "X's controversial move to V": the possessor holds V. */
static int possessive_infinitive(const ctx *c, size_t at, size_t cs)
{
    /* "plans to unilaterally fill": one adverb may split the infinitive */
    if (at > cs + 4 && ends_in(c->s.tok.tok[at - 1].norm, "ly") && c->s.main_at[at - 1] < 0)
        at--;
    if (at < cs + 4 || !sg_extract__is(&c->s, at - 1, "to"))
        return -1;
    size_t k = at - 2; /* the noun */
    for (int mod = 0; mod < 2 && k > cs; mod++) {
        const sg_token *t = &c->s.tok.tok[k];
        if (t->kind != SG_TOK_WORD || t->upper || c->s.men_at[k] >= 0)
            return -1;
        if (mod == 0 && !in_list(c, k, SG_WL_ACT_CARRIERS))
            return -1; /* "X's failure to ratify" is not X ratifying */
        if (c->s.tok.tok[k - 1].kind == SG_TOK_POSS && k >= 2 && c->s.men_at[k - 2] >= 0) {
            const sg_mention *m = &c->s.men[c->s.men_at[k - 2]];
            return m->kind == SG_MEN_ACTOR ? (int)m->list : -1;
        }
        k--;
    }
    return -1;
}

/* Cues whose clause subject cannot hold them: a noun inside a prepositional phrase
 * ("years for approval"); an agent noun without a copula or apposition ("bans on Putin
 * supporters", against "X and Y are the main opponents", "X, a staunch supporter"). */
static int subject_cannot_hold(const ctx *c, const sg_cue_entry *cue, size_t at, size_t cs)
{
    if (cue->kind == 'n' && at > cs) {
        size_t k = at;
        /* one modifier may sit before the noun: "of the Taiwan-related proposal" */
        if (k > cs + 1 && c->s.tok.tok[k - 1].kind == SG_TOK_WORD && c->s.men_at[k - 1] < 0 &&
            !is_determiner(c, k - 1) && is_determiner(c, k - 2))
            k--;
        while (k > cs && is_determiner(c, k - 1))
            k--;
        if (k > cs && in_list(c, k - 1, SG_WL_NOUN_PREPOSITIONS))
            return 1;
    }
    if (cue->kind == 'g') {
        for (size_t k = at; k-- > cs && k + 5 > at;)
            if (in_list(c, k, SG_WL_AGENT_COPULAS) || is_punct(c, k, ","))
                return 0;
        return 1;
    }
    return 0;
}

/* "A opposed the deal and B abstained": a candidate right before the verb (adverbs and
 * auxiliaries between), itself right after "and"/"while"/"whereas", is a second subject. */
static int coordinated_subject(const ctx *c, size_t from, size_t at)
{
    size_t k = at;
    while (k > from && (in_list(c, k - 1, SG_WL_AUXILIARIES) ||
                        (c->s.tok.tok[k - 1].kind == SG_TOK_WORD && c->s.men_at[k - 1] < 0 &&
                         strlen(c->s.tok.tok[k - 1].norm) > 3 &&
                         strcmp(c->s.tok.tok[k - 1].norm + strlen(c->s.tok.tok[k - 1].norm) - 2,
                                "ly") == 0)))
        k--;
    int l = k > from ? sg_holder__list_of(c, k - 1) : -1;
    if (l < 0 || c->s.lists[l].end != k || !sg_holder__candidate(c, &c->s.lists[l]))
        return -1;
    size_t st = c->s.lists[l].start;
    while (st > from && is_determiner(c, st - 1))
        st--;
    if (st <= from || !in_list(c, st - 1, SG_WL_SUBJECT_CONJUNCTIONS))
        return -1;
    /* "A and B oppose" is one list; a conjunction inside a list is not a new subject */
    int before = st >= 2 ? sg_holder__list_of(c, st - 2) : -1;
    return before == l ? -1 : l;
}

/* Does pronoun list l stand for the person a speech verb addressed, named between the
 * verb and `after` ("told Macron that he ...")? */
static int told_addressee(const ctx *c, int l, size_t cs, size_t after)
{
    const sg_mention *p = &c->s.men[c->s.lists[l].first];
    if (p->kind != SG_MEN_PRONOUN || p->person < 0 || c->s.lists[l].first != c->s.lists[l].last)
        return 0;
    size_t k = after;
    while (k > cs && !sg_extract__main_meaning(&c->s, k - 1, SG_P_SPEECH))
        k--; /* back to the speech verb */
    for (size_t j = k; j < after && j < c->s.tok.n_tok; j++)
        if (c->s.men_at[j] >= 0 && c->s.men[c->s.men_at[j]].person == p->person &&
            c->s.men[c->s.men_at[j]].kind != SG_MEN_PRONOUN)
            return 1;
    return 0;
}

/* Is the speech verb that ends before `after` an attitude ("hopes", "wishes")? */
static int attitude_before(const ctx *c, size_t cs, size_t after)
{
    for (size_t k = after; k-- > cs && k + 3 > after;)
        if (in_list(c, k, SG_WL_ATTITUDE_VERBS))
            return 1;
    return 0;
}

/* A deontic modal ("should", "must") between the reported clause's start and the cue. */
static int deontic_before(const ctx *c, size_t from, size_t at)
{
    for (size_t k = at; k-- > from && k + 4 > at;)
        if (in_list(c, k, SG_WL_DEONTIC_MODALS))
            return 1;
    return 0;
}

/* The clause's subject: the first candidate after the last speech verb before the cue
 * (or after the last comma: "A agreed ..., something B had vowed to block"), else the
 * speaker. */
/* "thanked Ethiopia for recognising X", "praised Norway for the recognition": the list
 * between a verb of praise or blame and the "for" (and its determiners) before the cue
 * did what the cue names; -1 when the cue is no such complement. */
static int credited(const ctx *c, size_t at, size_t cs)
{
    size_t k = at;
    while (k > cs && k + 3 > at && (is_determiner(c, k - 1) || in_list(c, k - 1, SG_WL_POSSESSIVE_DETERMINERS)))
        k--;
    if (k < cs + 3 || !sg_extract__is(&c->s, k - 1, "for"))
        return -1;
    int l = sg_holder__list_of(c, k - 2);
    if (l < 0 || c->s.lists[l].end != k - 1 || c->s.lists[l].start == 0)
        return -1;
    size_t v = c->s.lists[l].start - 1;
    if (v >= cs && is_determiner(c, v) && v > cs)
        v--; /* "thanked the United States for" */
    return v >= cs && in_list(c, v, SG_WL_CREDIT_VERBS) ? l : -1;
}

/* The performing verb ("announced", "joined") whose object is the act noun at `at`, past
 * up to three determiners or plain modifiers ("the first", "a diplomatic"), or SIZE_MAX. */
#define SG_PERFORMED_NOUN_REACH 3
static size_t performing_verb(const ctx *c, size_t at, size_t cs)
{
    for (size_t k = at; k > cs && k + SG_PERFORMED_NOUN_REACH + 1 > at; k--) {
        size_t v = k - 1;
        if (in_list(c, v, SG_WL_PERFORMING_VERBS))
            return v;
        const sg_token *t = &c->s.tok.tok[v];
        if (!is_determiner(c, v) && !in_list(c, v, SG_WL_POSSESSIVE_DETERMINERS) &&
            (t->kind != SG_TOK_WORD || t->upper || c->s.main_at[v] >= 0 || c->s.men_at[v] >= 0 ||
             in_list(c, v, SG_WL_FUNCTION_WORDS)))
            return SIZE_MAX;
    }
    return SIZE_MAX;
}

static holder clause_subject(const ctx *c, const sg_cue_entry *cue, size_t at, size_t cs)
{
    holder h = {-1, NULL, -1, 0};
    size_t after_speech;
    int speaker = sg_holder__speaker_before(c, cs, at, &after_speech);
    int l = -1, relative = 0;
    for (size_t k = at; k-- > after_speech;)
        if (is_punct(c, k, ",")) {
            /* a comma between the members of one list ("Bulgaria, Malta and Slovakia
             * abstained") is no clause boundary */
            int inside = k + 1 < at ? sg_holder__list_of(c, k + 1) : -1;
            if (inside >= 0 && c->s.lists[inside].start < k)
                continue;
            l = sg_holder__first_candidate(c, k + 1, at);
            /* "..., offered Trump any support": the indirect object of a verb is no subject */
            if (l >= 0 && c->s.lists[l].start > k + 1 &&
                in_list(c, c->s.lists[l].start - 1, SG_WL_DITRANSITIVE_VERBS))
                continue;
            /* "..., which ratified X": the relative's subject is what precedes the comma */
            relative = l < 0 && (sg_extract__is(&c->s, k + 1, "which") ||
                                 sg_extract__is(&c->s, k + 1, "who"));
            if (relative && k > cs && sg_holder__list_of(c, k - 1) >= 0 &&
                c->s.lists[sg_holder__list_of(c, k - 1)].end == k &&
                sg_holder__candidate(c, &c->s.lists[sg_holder__list_of(c, k - 1)]))
                l = sg_holder__list_of(c, k - 1);
            break;
        }
    if (l < 0 && !relative)
        l = sg_holder__first_candidate(c, after_speech, at);
    int near = coordinated_subject(c, after_speech, at);
    if (near >= 0)
        l = near;
    if (cue->kind == 'e')
        l = -1; /* effect cues: the topic is the subject; the holder is the speaker */
    /* "Orban told Macron that he opposes X": he is the teller, not the one told */
    if (l >= 0 && speaker >= 0 && told_addressee(c, l, cs, after_speech))
        l = speaker;
    /* "Portugal hopes that Spain would back X": a hope is the hoper's position; so is what
     * the speaker says another should do ("Spain said the EU should reconsider X") */
    if (l >= 0 && speaker >= 0 && after_speech > cs &&
        (attitude_before(c, cs, after_speech) || (!cue->act && deontic_before(c, after_speech, at))))
        l = -1;
    if (l >= 0) {
        h.list = l, h.rule = speaker >= 0 ? "reported-subject" : "subject";
    } else if (speaker >= 0) {
        h.list = speaker, h.rule = "speaker";
    }
    return h;
}

/* "Germany, while in favour of X, remains opposed to Y": the clause before this one is
 * only a subject, interrupted by this one. */
static int interrupted_subject(const ctx *c, int cl, size_t sent_first)
{
    if (cl == 0 || c->clause_start[cl - 1] < sent_first)
        return -1;
    size_t ps = c->clause_start[cl - 1], pe = c->clause_end[cl - 1];
    int l = sg_holder__first_candidate(c, ps, pe);
    if (l < 0)
        return -1;
    for (size_t k = ps; k < pe; k++)
        if (!(k >= c->s.lists[l].start && k < c->s.lists[l].end) &&
            c->s.tok.tok[k].kind != SG_TOK_PUNCT && !is_determiner(c, k) &&
            !in_list(c, k, SG_WL_MEMBER_MARKERS))
            return -1; /* "Several nations - including A and B - have banned" */
    return l;
}

/* "The United States on Thursday (local time) vetoed the draft": a clause that starts at
 * the end of a parenthesis continues the clause before the parenthesis, whose last
 * candidate list (no cue after it) is the subject. */
static int parenthesis_subject(const ctx *c, int cl, size_t sent_first, size_t at)
{
    size_t cs = c->clause_start[cl];
    if (cs <= sent_first || !is_punct(c, cs, ")"))
        return -1;
    /* the verb follows the parenthesis ("...) vetoed"), not a comma ("...), calling for") */
    for (size_t k = cs + 1; k < at; k++)
        if (!in_list(c, k, SG_WL_AUXILIARIES))
            return -1;
    size_t p = cs;
    while (p > sent_first && p + 24 > cs && !is_punct(c, p - 1, "("))
        p--;
    if (p <= sent_first + 1 || !is_punct(c, p - 1, "("))
        return -1;
    int prev = c->clause_of[p - 2];
    size_t ps = c->clause_start[prev];
    if (ps < sent_first)
        return -1;
    int found = -1;
    for (size_t k = ps; k + 1 < p; k++) {
        if (sg_extract__main_meaning(&c->s, k, SG_P_CUE) ||
            sg_extract__main_meaning(&c->s, k, SG_P_SPEECH))
            found = -1;
        int l = sg_holder__list_of(c, k);
        if (l >= 0 && c->s.lists[l].start == k && sg_holder__candidate(c, &c->s.lists[l]))
            found = l;
    }
    /* "The United States on Thursday evening (...": a short adverbial at most */
    if (found >= 0 && c->s.lists[found].end + 4 < p - 1)
        return -1;
    return found;
}

/* "He stated that ..., but ... not now": a later clause still reports the sentence's
 * speaker when the speech verb took a that-complement. */
static int sentence_speaker(const ctx *c, size_t cs, size_t sent_first)
{
    for (size_t k = cs; k-- > sent_first;) {
        if (!sg_extract__main_meaning(&c->s, k, SG_P_SPEECH))
            continue;
        size_t nx = c->s.main[c->s.main_at[k]].end;
        if (sg_extract__is(&c->s, nx, "that") || is_punct(c, nx, ":"))
            return sg_holder__speaker_list(c, sent_first, k);
        return -1;
    }
    return -1;
}

/* Is the cue at token at used as a noun: right after 's or a determiner, or (reach > 0)
 * after up to `reach` plain modifiers that follow one ("the EU's 19th sanctions package",
 * "a new ban")? */
int sg_holder__nominal_use(const ctx *c, size_t at, size_t cs, int reach)
{
    size_t k = at;
    if (at > cs && sg_extract__is(&c->s, at - 1, "to"))
        return 0; /* "decided to ban": an infinitive */
    for (int skipped = 0; k > cs; skipped++) {
        const sg_token *t = &c->s.tok.tok[k - 1];
        if (in_list(c, k - 1, SG_WL_MODALS))
            return 0; /* "his country will commit its forces": a verb after a modal */
        if (t->kind == SG_TOK_POSS || in_list(c, k - 1, SG_WL_NOMINAL_DETERMINERS))
            return 1;
        size_t n = strlen(t->norm);
        if (skipped >= reach || t->kind != SG_TOK_WORD || c->s.main_at[k - 1] >= 0 ||
            c->s.men_at[k - 1] >= 0 || (n > 2 && strcmp(t->norm + n - 2, "ly") == 0))
            return 0;
        k--;
    }
    return 0;
}

/* "Twelve states voted against. Among them were A and B", "These include C": the list a
 * members proform names (after the copula of "among them"), the members of the group the
 * sentence before took a side with; -1 when none. */
static int members_anaphor(const ctx *c, size_t at, size_t end, size_t ce)
{
    size_t k = end;
    if (sg_extract__is(&c->s, at, "among")) {
        if (k >= ce || !in_list(c, k, SG_WL_MEMBER_VERBS))
            return -1;
        k++;
        if (k + 1 < ce && ends_in(c->s.tok.tok[k].norm, "ly") && c->s.men_at[k] < 0)
            k++; /* "Among these is precisely Italy" */
    }
    return sg_holder__list_after(c, k, ce);
}

/* "despite strong public opposition to a war", "amid criticism": a noun in a concessive
 * phrase (after determiners and modifiers) is not held by the clause's subject. */
static int concessive_noun(const ctx *c, size_t at, size_t cs)
{
    for (size_t k = at; k > cs && k + 4 > at; k--) {
        if (in_list(c, k - 1, SG_WL_CONCESSIVE_PREPOSITIONS))
            return 1;
        const sg_token *t = &c->s.tok.tok[k - 1];
        if (t->kind != SG_TOK_WORD || c->s.men_at[k - 1] >= 0 || t->upper)
            return 0;
    }
    return 0;
}

/* Who holds the cue at [at, end) in clause cl: the first rule that applies, in the order
 * of docs/extraction.md. h.list is -1 when nobody does. */
holder sg_holder__find(const ctx *c, const sg_cue_entry *cue, size_t at, size_t end, int cl)
{
    holder h = {-1, NULL, -1, 0};
    size_t cs = c->clause_start[cl], ce = c->clause_end[cl];
    size_t sent_first = c->s.tok.sent[c->s.sent_of[at]].first;
    int nominal_use = sg_holder__nominal_use(c, at, cs, 0);
    if ((cue->kind == 'v' || cue->kind == 'p') && !nominal_use &&
        (h.list = passive_agent(c, at, end, cs, ce)) >= 0) {
        h.rule = "passive-agent";
        h.n_more = comma_series(c, h.list);
        return h;
    }
    /* a proform opening a sentence ("Among them were A and B", "These include C") */
    if (cue->kind == 'r' && (sg_extract__is(&c->s, at, "among") || in_list(c, end - 1, SG_WL_MEMBER_VERBS))) {
        if (at != sent_first) /* "Several countries abstained, among them A": the members rule */
            return h;
        if ((h.list = members_anaphor(c, at, end, ce)) >= 0) {
            h.rule = "members-anaphor";
            h.n_more = comma_series(c, h.list);
        }
        return h;
    }
    /* "not acceptable to Britain": an experiencer adjective's "to" names its holder */
    if (cue->kind == 'a' && in_list(c, at, SG_WL_EXPERIENCER_ADJECTIVES) && end + 1 < ce &&
        sg_extract__is(&c->s, end, "to") && (h.list = sg_holder__list_after(c, end + 1, ce)) >= 0) {
        h.rule = "experiencer";
        return h;
    }
    /* "thanked Ethiopia for recognising X", "criticised Germany for its veto" */
    if ((h.list = credited(c, at, cs)) >= 0) {
        h.rule = "credited";
        return h;
    }
    /* any cue after 's or a determiner is used as a noun */
    if ((cue->kind == 'n' || (nominal_use && cue->kind != 'g' && cue->kind != 'e')) && at > 0) {
        h = nominal_holder(c, at, end, cs, ce);
        size_t verb;
        /* "Canada announced the expulsion of X": the verb's subject performs the act */
        if (h.list < 0 && cue->act && cue->kind == 'n' && (verb = performing_verb(c, at, cs)) != SIZE_MAX)
            return clause_subject(c, cue, verb, cs);
        if (h.list >= 0 || cue->nominal_only || concessive_noun(c, at, cs))
            return h;
    }
    /* "Trump's decision to withdraw", "Canada's plan to ban" */
    if (cue->kind == 'v' && (h.list = possessive_infinitive(c, at, cs)) >= 0) {
        h.rule = "possessive-infinitive";
        return h;
    }
    /* "a date for Ukraine joining the alliance" describes the question, it takes no side */
    if (!(cue->act && cue->self) && (h.list = local_subject(c, at, cs)) >= 0) {
        h.rule = "local-subject";
        return h;
    }
    /* "the main obstacles to the package remain Slovakia and Austria" */
    if (cue->kind == 'g') {
        for (size_t k = end; k + 1 < ce && k < end + 12; k++) {
            /* "Opponents of the treaty, such as Iran, say ...": the members named */
            if (is_punct(c, k, ",") && k + 2 < ce &&
                ((sg_extract__is(&c->s, k + 1, "such") && sg_extract__is(&c->s, k + 2, "as")) ||
                 in_list(c, k + 1, SG_WL_MEMBER_MARKERS))) {
                size_t from = sg_extract__is(&c->s, k + 1, "such") ? k + 3 : k + 2;
                if ((h.list = sg_holder__list_after(c, from, ce)) >= 0) {
                    h.rule = "agent-members";
                    h.n_more = comma_series(c, h.list);
                    return h;
                }
                break;
            }
            if (in_list(c, k, SG_WL_INVERTED_COPULAS) || in_list(c, k, SG_WL_MEMBER_VERBS)) {
                if ((h.list = sg_holder__list_after(c, k + 1, ce)) >= 0) {
                    h.rule = "inverted-copula";
                    h.n_more = comma_series(c, h.list); /* "Signatories included A, B, the C, D and E" */
                    return h;
                }
                break;
            }
        }
    }
    if ((h.list = relative_members(c, at, end)) >= 0) {
        h.rule = "relative-members";
        return h;
    }
    if (h.list == -2) {
        h.list = -1;
        return h;
    }
    if ((h.list = fronted_vote(c, at, end)) >= 0) {
        h.rule = "inverted-copula";
        return h;
    }
    if (subject_cannot_hold(c, cue, at, cs)) {
        h.list = -1;
        return h;
    }
    h = clause_subject(c, cue, at, cs);
    if (h.list >= 0)
        return h;
    if ((h.list = members_named_later(c, at, cs)) >= 0) {
        h.rule = "subject-members";
        return h;
    }
    if (c->quote_list[at] >= 0) {
        h.list = c->quote_list[at], h.rule = "quote-speaker";
    } else if ((h.list = interrupted_subject(c, cl, sent_first)) >= 0 ||
               (h.list = parenthesis_subject(c, cl, sent_first, at)) >= 0) {
        h.rule = "interrupted-subject";
    } else if ((h.list = sentence_speaker(c, cs, sent_first)) >= 0) {
        h.rule = "sentence-speaker";
    }
    return h;
}

/* The first-person holder ("we", "our country") is the quotation's speaker. */
int sg_holder__resolve_speaker(const ctx *c, int list, size_t at)
{
    const sg_mention *m = &c->s.men[c->s.lists[list].first];
    if (m->kind == SG_MEN_PRONOUN && m->pronoun == SG_PRON_SPEAKER)
        return c->quote_list[at];
    if (m->kind == SG_MEN_PRONOUN && m->actors.n == 0)
        return -1;
    return list;
}

