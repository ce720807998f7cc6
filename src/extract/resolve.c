/* resolve.c - who is who: people to their country or organisation on the document's
 * date, pronouns to the most recent compatible mention (he/she -> person; they, "the two
 * countries" -> the last list of two or more actors; its -> the last single actor), and
 * the speakers of quotations ("...", X said / X said: "..."). */
#include "extract/resolve.h"

#include <stdlib.h>
#include <string.h>

/* Actors a mention stands for at group level (people resolved by date). */
void sg_extract__mention_actors(const sg_scan *s, const sg_mention *m, sg_actor_set *out)
{
    memset(out, 0, sizeof(*out));
    /* a pronoun has its antecedent's actors; a mention that names its actor ("NATO
     * Secretary General Jens Stoltenberg") keeps it; a bare name resolves by date */
    if (m->kind == SG_MEN_PRONOUN || m->actors.n > 0 || m->person < 0) {
        sg_actor_set_union(out, &m->actors);
        return;
    }
    /* with the document's own date, a person out of office speaks for nobody; with a
     * date inferred from the years the text names, the nearest office is used */
    int strict = s->doc->date != NULL && s->date[0] != '\0';
    int a = sg_lexicon__person_actor(s->lex, m->person, s->date[0] ? s->date : NULL, NULL,
                                     strict);
    sg_actor_set_add(out, a);
}

/* Mentions an antecedent search looks back over at most (besides the two-sentence
 * limit), so that a pronoun in a long run of mentions costs a bounded time. */
#define SG_ANTECEDENT_REACH 64

static size_t sentence_distance(const sg_scan *s, size_t tok_a, size_t tok_b)
{
    int a = s->sent_of[tok_a], b = s->sent_of[tok_b];
    return (size_t)(b > a ? b - a : a - b);
}

/* Union of the actors of every mention of list l, up to mention `upto`. */
static void list_actors(const sg_scan *s, const sg_list *l, size_t upto, sg_actor_set *out)
{
    memset(out, 0, sizeof(*out));
    for (size_t k = l->first; k <= l->last && k <= upto; k++) {
        sg_actor_set one;
        sg_extract__mention_actors(s, &s->men[k], &one);
        sg_actor_set_union(out, &one);
    }
}

/* A subject-like mention: an actor, outside prepositional phrases, not a possessor. */
static int subject_like(const sg_scan *s, const sg_mention *c)
{
    return c->kind == SG_MEN_ACTOR && !s->lists[c->list].in_pp && !c->possessor_of_noun;
}

/* "Finland's leaders announced their intention": a plural pronoun first means the
 * nearest subject of its own sentence, whatever its size. */
static int plural_same_sentence(const sg_scan *s, size_t i, sg_mention *m)
{
    if (i == 0)
        return 0;
    const sg_mention *c = &s->men[i - 1];
    if (s->sent_of[c->start] != s->sent_of[m->start] || !subject_like(s, c))
        return 0;
    list_actors(s, &s->lists[c->list], s->lists[c->list].last, &m->actors);
    return m->actors.n > 0;
}

/* "Hungary ... over its refusal": "its" first means the sentence's subject (the first
 * mention of the sentence, found by walking back from the pronoun: sentences are
 * bounded, SG_MAX_SENTENCE_TOKENS, so this never scans from the document's start). */
static int its_sentence_subject(const sg_scan *s, size_t i, sg_mention *m)
{
    size_t first = i;
    while (first > 0 && s->sent_of[s->men[first - 1].start] == s->sent_of[m->start])
        first--;
    for (size_t j = first; j < i; j++) {
        const sg_mention *c = &s->men[j];
        if (s->sent_of[c->start] != s->sent_of[m->start])
            continue;
        if (!subject_like(s, c))
            return 0;
        sg_actor_set one;
        sg_extract__mention_actors(s, c, &one);
        if (one.n == 1 && c->person < 0)
            m->actors = one;
        return m->actors.n > 0;
    }
    return 0;
}

/* Does antecedent c (mention j) fit pronoun m? Fills m when it does. */
static int antecedent_fits(const sg_scan *s, sg_mention *m, const sg_mention *c, size_t j)
{
    if (m->pronoun == SG_PRON_PERSON_M || m->pronoun == SG_PRON_PERSON_F) {
        if (c->person < 0)
            return 0;
        char g = s->lex->people[c->person].gender;
        if ((m->pronoun == SG_PRON_PERSON_M && g == 'f') ||
            (m->pronoun == SG_PRON_PERSON_F && g == 'm'))
            return 0;
        m->person = c->person;
        sg_extract__mention_actors(s, c, &m->actors);
        return 1;
    }
    sg_actor_set set;
    if (m->pronoun == SG_PRON_PLURAL || m->pronoun == SG_PRON_NAMED_PLURAL) {
        /* "they" is rarely a list inside a phrase; "these countries" may be one */
        if (s->lists[c->list].in_pp && m->pronoun == SG_PRON_PLURAL)
            return 0;
        list_actors(s, &s->lists[c->list], j, &set);
        if (set.n < 2)
            return 0;
    } else { /* SG_PRON_ACTOR */
        sg_extract__mention_actors(s, c, &set);
        if (set.n != 1 || c->person >= 0)
            return 0;
    }
    m->actors = set;
    return 1;
}

/* "Macron hosted Scholz. Both leaders said ...": no coordinated list, so the last two
 * distinct actors named outside prepositional phrases. */
static void plural_last_two(const sg_scan *s, size_t i, sg_mention *m)
{
    sg_actor_set two = {{0}, 0};
    for (size_t j = i; j-- > 0 && two.n < 2 && i - j <= SG_ANTECEDENT_REACH;) {
        const sg_mention *c = &s->men[j];
        if (sentence_distance(s, c->start, m->start) > 1)
            break;
        if (c->kind != SG_MEN_ACTOR || s->lists[c->list].in_pp)
            continue;
        sg_actor_set one;
        sg_extract__mention_actors(s, c, &one);
        if (one.n == 1)
            sg_actor_set_add(&two, one.a[0]);
    }
    if (two.n == 2)
        m->actors = two;
}

/* "the U.S. announcement that it will withdraw", "Hungary's claim that it ...": "it" in a
 * that-clause right after a noun is the single actor that owns or modifies the noun. */
static void noun_owner(const sg_scan *s, size_t i, sg_mention *m)
{
    size_t k = m->start;
    if (k < 3 || i == 0 || !sg_extract__is(s, k - 1, "that") || s->tok.tok[k - 2].kind != SG_TOK_WORD ||
        s->men_at[k - 2] >= 0)
        return;
    const sg_mention *c = &s->men[i - 1];
    if (c->kind != SG_MEN_ACTOR || c->end + 3 < k - 1 ||
        !(c->possessor_of_noun || c->poss_follows || c->end == k - 2))
        return;
    sg_actor_set one;
    sg_extract__mention_actors(s, c, &one);
    if (one.n == 1 && c->person < 0)
        m->actors = one;
}

/* Resolve every pronoun mention, in text order, so chains resolve too: he/she -> the
 * last person of that gender; they -> the sentence's subject, else the last list of two
 * or more actors, else the last two actors; its -> the sentence's subject, else the last
 * single actor; "it" stays unresolved (too often impersonal) except in a that-clause after
 * an actor's noun ("the U.S. announcement that it will ..."). All within two sentences
 * and SG_ANTECEDENT_REACH mentions. */
/* "Trade analysts say Canada should oppose X. They say ...": a plural pronoun opening a
 * sentence after one that opens with people of no actor (a plain plural noun, then a
 * speech verb) means those people, not the actors named later in that sentence. */
static int after_unnamed_speakers(const sg_scan *s, const sg_mention *m)
{
    int sent = s->sent_of[m->start];
    if (sent == 0 || m->start != s->tok.sent[sent].first)
        return 0;
    const sg_sentence *prev = &s->tok.sent[sent - 1];
    for (size_t k = prev->first; k < prev->last_plus1 && k < prev->first + 4; k++) {
        const sg_token *t = &s->tok.tok[k];
        if (t->kind != SG_TOK_WORD || s->men_at[k] >= 0)
            return 0;
        size_t n = strlen(t->norm);
        if (n > 3 && t->norm[n - 1] == 's' && k + 1 < prev->last_plus1 &&
            sg_extract__main_meaning(s, k + 1, SG_P_SPEECH))
            return 1;
    }
    return 0;
}

void sg_extract__resolve_pronouns(sg_scan *s)
{
    for (size_t i = 0; i < s->n_men; i++) {
        sg_mention *m = &s->men[i];
        if (m->kind != SG_MEN_PRONOUN || m->pronoun == SG_PRON_SPEAKER)
            continue;
        if (m->pronoun == SG_PRON_PLURAL && (plural_same_sentence(s, i, m) || after_unnamed_speakers(s, m)))
            continue;
        if (m->pronoun == SG_PRON_ACTOR && sg_extract__is(s, m->start, "it")) {
            noun_owner(s, i, m);
            continue;
        }
        if (m->pronoun == SG_PRON_ACTOR && its_sentence_subject(s, i, m))
            continue;
        for (size_t j = i; j-- > 0 && i - j <= SG_ANTECEDENT_REACH;) {
            const sg_mention *c = &s->men[j];
            if (sentence_distance(s, c->start, m->start) > 2)
                break;
            if (c->kind == SG_MEN_SOURCE || c->kind == SG_MEN_ROLE_ONLY ||
                (c->kind == SG_MEN_PRONOUN && c->actors.n == 0))
                continue;
            if (antecedent_fits(s, m, c, j))
                break;
        }
        if ((m->pronoun == SG_PRON_PLURAL || m->pronoun == SG_PRON_NAMED_PLURAL) && m->actors.n == 0)
            plural_last_two(s, i, m);
    }
}

/* The list index of the first actor list in tokens [from, to) that is followed by a
 * speech verb before to; -1 when none. Used for "X said", "X tweeted". */
static int list_before_speech(const sg_scan *s, size_t from, size_t to, size_t *speech_at)
{
    for (size_t t = from; t < to; t++) {
        if (!sg_extract__main_meaning(s, t, SG_P_SPEECH))
            continue;
        /* nearest list ending before t, within 6 tokens */
        for (size_t k = t; k-- > from && k + 8 > t;) {
            if (s->men_at[k] < 0)
                continue;
            const sg_mention *m = &s->men[s->men_at[k]];
            if (m->kind == SG_MEN_SOURCE || m->kind == SG_MEN_ROLE_ONLY)
                break;
            *speech_at = t;
            return (int)m->list;
        }
    }
    return -1;
}

/* "said X" / "X said" after a closing quote, or "X said:" before an opening one. */
int sg_extract__quote_speaker(const sg_scan *s, size_t open, size_t close)
{
    const sg_tokens *t = &s->tok;
    size_t speech;
    if (close < t->n_tok) {
        size_t lim = close + 14 < t->n_tok ? close + 14 : t->n_tok;
        int l = list_before_speech(s, close, lim, &speech);
        if (l >= 0)
            return l;
        /* "..., said X" */
        for (size_t k = close; k + 1 < lim; k++)
            if (sg_extract__main_meaning(s, k, SG_P_SPEECH) && s->men_at[k + 1] >= 0 &&
                s->men[s->men_at[k + 1]].kind != SG_MEN_SOURCE)
                return (int)s->men[s->men_at[k + 1]].list;
    }
    size_t from = open > 16 ? open - 16 : 0;
    if (from < t->sent[s->sent_of[open]].first) /* token indexes, not byte offsets */
        from = t->sent[s->sent_of[open]].first;
    return list_before_speech(s, from, open, &speech);
}
