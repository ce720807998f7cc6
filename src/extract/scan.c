/* scan.c - the extractor's first pass over a document: tokens, lexicon matches (two
 * layers: names/cues/function phrases, and topic terms/anaphors; longest match wins
 * within a layer), actor mentions merged from adjacent names, roles and people
 * ("Hungary's Prime Minister Viktor Orbán" is one mention), and coordinated lists.
 */
#define _POSIX_C_SOURCE 200809L
#include "extract/extract_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void sg_actor_set_add(sg_actor_set *set, int actor)
{
    if (actor < 0)
        return;
    for (int i = 0; i < set->n; i++)
        if (set->a[i] == actor)
            return;
    if (set->n < SG_MAX_ACTORS)
        set->a[set->n++] = actor;
}

void sg_actor_set_union(sg_actor_set *set, const sg_actor_set *other)
{
    for (int i = 0; i < other->n; i++)
        sg_actor_set_add(set, other->a[i]);
}


const sg_phrase_meaning *sg_extract__main_meaning_at(const sg_scan *s, size_t i, sg_phrase_kind k)
{
    const sg_match *m = &s->main[s->main_at[i]];
    if (m->start != i)
        return NULL;
    const sg_phrase_meaning *first = NULL;
    /* "postpone" defers in general, but performs a topic that is a postponement */
    if (k == SG_P_DEFERRAL && s->cur_topic >= 0)
        for (int j = 0; j < m->n; j++)
            if (m->m[j]->kind == SG_P_CUE && s->lex->cues[m->m[j]->data].topic == s->cur_topic)
                return NULL;
    for (int j = 0; j < m->n; j++) {
        if (m->m[j]->kind != k)
            continue;
        if (k != SG_P_CUE || s->cur_topic < 0)
            return m->m[j];
        int t = s->lex->cues[m->m[j]->data].topic;
        if (t == s->cur_topic && first == NULL)
            return m->m[j];
        /* the topic's act gives the word another sign than its general cue ("boycotting
         * Doha" performs a topic that is a boycott): the topic's reading wins */
        if (t == s->cur_topic && s->lex->cues[m->m[j]->data].polarity != s->lex->cues[first->data].polarity)
            return m->m[j];
        if (t < 0 && first == NULL)
            first = m->m[j];
    }
    return first;
}

/* Whole-word, case-sensitive search of word in the document (for alias "requires"). */
static int doc_contains(const sg_document *doc, const char *word)
{
    size_t n = strlen(word);
    if (n == 0)
        return 0;
    const char *p = doc->text, *end = doc->text + doc->len;
    while (p + n <= end) {
        const char *q = memchr(p, word[0], (size_t)(end - p));
        if (q == NULL || q + n > end)
            return 0;
        if (memcmp(q, word, n) == 0) {
            int left = q == doc->text || !isalnum((unsigned char)q[-1]);
            int right = q + n == end || !isalnum((unsigned char)q[n]);
            if (left && right)
                return 1;
        }
        p = q + 1;
    }
    return 0;
}

static int meaning_ok(const sg_scan *s, const sg_phrase_meaning *m, size_t start)
{
    for (unsigned k = 0; k < m->n_tokens; k++) {
        const sg_token *t = &s->tok.tok[start + k];
        if ((m->caps_mask & (1u << k)) && !t->caps)
            return 0;
        if ((m->upper_mask & (1u << k)) && !t->upper && !t->caps)
            return 0;
    }
    if (m->requires >= 0) {
        const sg_string_list *r = &s->lex->requires[m->requires];
        int any = 0;
        for (size_t i = 0; i < r->n && !any; i++)
            any = doc_contains(s->doc, r->items[i]);
        if (!any)
            return 0;
    }
    return 1;
}

/* Layers: 0 names, cues and function phrases; 1 topic terms; 2 topic anaphors. Each
 * layer is matched on its own, so "Ukraine's bid" is both a term and an anaphor. */
static int layer_of(sg_phrase_kind k)
{
    return k == SG_P_TOPIC_TERM ? 1 : k == SG_P_ANAPHOR ? 2 : 0;
}

/* One trie walk from token i: the longest match of each layer that wants one (want[l]).
 * found[l] says which layers matched. */
static void match_at(const sg_scan *s, size_t i, size_t sent_end, const int want[3],
                     sg_match out[3], int found[3])
{
    const sg_lexicon *lex = s->lex;
    size_t node = 0;
    found[0] = found[1] = found[2] = 0;
    /* the second token must pass the filter of the first one's children: most do not,
     * and need no look-up in the edge table */
    uint32_t second = sg_lexicon__root_filter(lex, s->tid[i]);
    for (size_t j = i; j < sent_end; j++) {
        if (j == i + 1 && !(second & sg_lexicon__filter_bit(s->tid[j])))
            break;
        uint32_t step = sg_lexicon__step(lex, node, s->tid[j]);
        if (step == 0)
            break;
        node = step & SG_TRIE_NODE_MASK;
        if (!(step & SG_TRIE_HAS_MEANINGS)) { /* the node itself is not read */
            if (!(step & SG_TRIE_HAS_CHILDREN))
                break;
            continue;
        }
        const sg_trie_node *nd = &lex->nodes[node];
        sg_match cand[3]; /* m[] is filled up to n */
        for (int l = 0; l < 3; l++)
            cand[l].start = i, cand[l].end = j + 1, cand[l].n = 0;
        for (size_t k = 0; k < nd->n_meanings; k++) {
            const sg_phrase_meaning *m = &lex->meanings[nd->first_meaning + k];
            int l = layer_of(m->kind);
            /* another topic's act cue: not extracted in this run */
            if (s->only_topic >= 0 && m->kind == SG_P_CUE && lex->cues[m->data].topic >= 0 &&
                lex->cues[m->data].topic != s->only_topic)
                continue;
            if (want[l] && cand[l].n < SG_MAX_MEANINGS && meaning_ok(s, m, i))
                cand[l].m[cand[l].n++] = m;
        }
        for (int l = 0; l < 3; l++) {
            if (cand[l].n == 0)
                continue;
            if (l == 1 && found[1]) {
                /* topic terms keep the meanings of shorter prefixes too ("Russian" in
                 * "Russian assets"): a term match is a bag of groups */
                for (int k = 0; k < cand[1].n && out[1].n < SG_MAX_MEANINGS; k++)
                    out[1].m[out[1].n++] = cand[1].m[k];
                out[1].end = cand[1].end;
                continue;
            }
            out[l] = cand[l];
            found[l] = 1;
        }
        if (!(step & SG_TRIE_HAS_CHILDREN)) /* a leaf: no longer phrase */
            break;
    }
}

typedef struct layer_out {
    sg_match *arr;
    size_t n, cap;
    int *at;
} layer_out;

static int layer_push(layer_out *o, const sg_match *m)
{
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 64;
        sg_match *p = realloc(o->arr, cap * sizeof(*p));
        if (p == NULL)
            return -1;
        o->arr = p;
        o->cap = cap;
    }
    o->arr[o->n] = *m;
    for (size_t k = m->start; k < m->end; k++)
        o->at[k] = (int)o->n;
    o->n++;
    return 0;
}

/* A hyphenated compound ("EU-Mercosur", "US-China") names the topic terms its parts
 * name, each part matched as a one-word term. */
static void compound_terms(const sg_scan *s, size_t i, sg_match *m, int *found)
{
    const char *w = s->tok.tok[i].norm;
    if (!s->hyphen[i] || s->tok.tok[i].kind != SG_TOK_WORD || (*found && m->end > i + 1))
        return;
    char part[64];
    for (const char *p = w; *p;) {
        const char *h = strchr(p, '-');
        size_t n = h ? (size_t)(h - p) : strlen(p);
        if (n > 0 && n < sizeof(part)) {
            memcpy(part, p, n);
            part[n] = '\0';
            size_t node = sg_lexicon__child(s->lex, 0, part);
            const sg_trie_node *nd = node ? &s->lex->nodes[node] : NULL;
            for (size_t k = 0; nd && k < nd->n_meanings; k++) {
                const sg_phrase_meaning *pm = &s->lex->meanings[nd->first_meaning + k];
                if (pm->kind != SG_P_TOPIC_TERM || pm->n_tokens != 1)
                    continue;
                if (!*found) {
                    m->start = i, m->end = i + 1, m->n = 0;
                    *found = 1;
                }
                if (m->n < SG_MAX_MEANINGS)
                    m->m[m->n++] = pm;
            }
        }
        p = h ? h + 1 : p + n;
    }
}

/* Greedy left-to-right longest matches, per layer, in one trie walk per token. */
static sg_status match_layers(sg_scan *s)
{
    layer_out lo[3];
    memset(lo, 0, sizeof(lo));
    sg_status rc = SG_OK;
    lo[0].at = s->main_at, lo[1].at = s->topic_at, lo[2].at = s->anaph_at;
    /* room for the matches of most news text (about one token in three starts a match of
     * the first layer), so that the arrays seldom grow */
    lo[0].cap = s->tok.n_tok / 3 + 16;
    lo[1].cap = lo[2].cap = s->tok.n_tok / 32 + 16;
    for (int l = 0; l < 3; l++)
        if ((lo[l].arr = malloc(lo[l].cap * sizeof(sg_match))) == NULL)
            rc = SG_ENOMEM;
    for (int l = 0; l < 3; l++) /* every int -1 (all bits set) */
        memset(lo[l].at, 0xFF, (s->tok.n_tok + 1) * sizeof(int));
    for (size_t si = 0; rc == SG_OK && si < s->tok.n_sent; si++) {
        const sg_sentence *st = &s->tok.sent[si];
        size_t next_free[3] = {st->first, st->first, st->first};
        for (size_t i = st->first; i < st->last_plus1 && rc == SG_OK; i++) {
            /* most tokens start no phrase (the root has no child for them) and are no
             * hyphenated compound: nothing to do */
            int starts = sg_lexicon__step(s->lex, 0, s->tid[i]) != 0;
            if (!starts && !s->hyphen[i])
                continue;
            int want[3], found[3] = {0, 0, 0};
            for (int l = 0; l < 3; l++)
                want[l] = i >= next_free[l];
            sg_match m[3];
            if (starts)
                match_at(s, i, st->last_plus1, want, m, found);
            if (want[1] && s->hyphen[i])
                compound_terms(s, i, &m[1], &found[1]);
            if (!(found[0] | found[1] | found[2]))
                continue;
            for (int l = 0; l < 3; l++)
                if (want[l] && found[l]) {
                    if (layer_push(&lo[l], &m[l]) != 0)
                        rc = SG_ENOMEM;
                    /* topic terms may overlap: "frozen Russian assets" is a term of one
                     * group and holds "Russian", a term of another */
                    next_free[l] = l == 1 ? i + 1 : m[l].end;
                }
        }
    }
    s->main = lo[0].arr, s->n_main = lo[0].n;
    s->topic = lo[1].arr, s->n_topic = lo[1].n;
    s->anaph = lo[2].arr, s->n_anaph = lo[2].n;
    return rc;
}

/* Kinds that can make up an actor mention. */
static const sg_phrase_meaning *name_meaning(const sg_scan *s, size_t i)
{
    /* kinds that name someone, by precedence (0: not a name) */
    static const unsigned char rank[SG_P_KIND_COUNT] = {
        [SG_P_PERSON] = 1, [SG_P_ACTOR] = 2, [SG_P_GROUP] = 3, [SG_P_ROLE] = 4,
        [SG_P_DEMONYM] = 5, [SG_P_SOURCE] = 6, [SG_P_SOURCE_ANAPHOR] = 7, [SG_P_PRONOUN] = 8};
    if (i >= s->tok.n_tok || s->main_at[i] < 0 || s->main[s->main_at[i]].start != i)
        return NULL; /* no match starts here (most tokens) */
    const sg_match *m = &s->main[s->main_at[i]];
    const sg_phrase_meaning *best = NULL;
    unsigned best_rank = 99;
    for (int j = 0; j < m->n; j++) { /* the first meaning of the kind of highest precedence */
        unsigned r = rank[m->m[j]->kind];
        if (r != 0 && r < best_rank) {
            best_rank = r;
            best = m->m[j];
        }
    }
    return best;
}


int sg_extract__is_determiner(const sg_scan *s, size_t i)
{
    return sg_extract__in(s, i, SG_WL_DETERMINERS);
}

/* Absorb one component into a mention being built. */
static void absorb(sg_scan *s, sg_mention *m, const sg_phrase_meaning *pm, int *has_role,
                   int *demonym)
{
    switch (pm->kind) {
    case SG_P_PERSON:
        if (m->person < 0)
            m->person = pm->data;
        break;
    case SG_P_ACTOR:
        sg_actor_set_add(&m->actors, pm->data);
        break;
    case SG_P_GROUP: {
        const sg_group_entry *g = &s->lex->groups[pm->data];
        for (size_t k = 0; k < g->n_members; k++)
            sg_actor_set_add(&m->actors, g->members[k]);
        break;
    }
    case SG_P_DEMONYM:
        *demonym = pm->data;
        break;
    case SG_P_ROLE:
        *has_role = 1;
        break;
    case SG_P_SOURCE:
    case SG_P_SOURCE_ANAPHOR:
        m->kind = SG_MEN_SOURCE;
        m->source = pm->kind == SG_P_SOURCE ? pm->data : -1;
        break;
    case SG_P_PRONOUN:
        m->kind = SG_MEN_PRONOUN;
        m->pronoun = pm->data;
        break;
    default:
        break;
    }
}

/* Build one mention starting at token i; returns the token after it. Components join
 * when adjacent, across 's ("Hungary's Prime Minister"), across up to two lower-case
 * words between 's and a role ("Slovakia's recently appointed Prime Minister"), and
 * through "of" after a role ("the leaders of Germany"). */
static size_t build_mention(sg_scan *s, size_t i, size_t sent_end, sg_mention *m)
{
    memset(m, 0, sizeof(*m));
    m->person = -1;
    m->source = -1;
    m->kind = SG_MEN_ACTOR;
    m->start = i;
    int has_role = 0, demonym = -1, last_role = 0;
    size_t j = i;
    while (j < sent_end) {
        const sg_phrase_meaning *pm = name_meaning(s, j);
        if (pm) {
            if (m->kind == SG_MEN_SOURCE && pm->kind != SG_P_SOURCE)
                break;
            if (pm->kind == SG_P_PRONOUN && j > i)
                break;
            if ((pm->kind == SG_P_SOURCE || pm->kind == SG_P_SOURCE_ANAPHOR) && j > i &&
                m->kind != SG_MEN_SOURCE)
                break;
            absorb(s, m, pm, &has_role, &demonym);
            last_role = pm->kind == SG_P_ROLE;
            j = s->main[s->main_at[j]].end;
            if (m->kind == SG_MEN_PRONOUN && !has_role)
                break;
            continue;
        }
        /* 's then (up to two words) a role or person */
        if (s->tok.tok[j].kind == SG_TOK_POSS && m->kind == SG_MEN_ACTOR) {
            size_t k = j + 1;
            for (int skip = 0; skip < 3 && k < sent_end; skip++) {
                const sg_phrase_meaning *nx = name_meaning(s, k);
                if (nx && (nx->kind == SG_P_ROLE || nx->kind == SG_P_PERSON)) {
                    j = k;
                    goto next;
                }
                if (s->tok.tok[k].kind != SG_TOK_WORD || s->tok.tok[k].upper ||
                    s->main_at[k] >= 0)
                    break;
                k++;
            }
            break;
        }
        /* role "of" [det] actor/pronoun */
        if (last_role && sg_extract__is(s, j, "of")) {
            size_t k = j + 1;
            while (k < sent_end && sg_extract__is_determiner(s, k))
                k++;
            const sg_phrase_meaning *nx = name_meaning(s, k);
            if (nx && nx->kind != SG_P_SOURCE && nx->kind != SG_P_SOURCE_ANAPHOR) {
                j = k;
                last_role = 0;
                continue;
            }
        }
        /* hyphenated or dotted titles written apart: "Secretary - General" */
        break;
    next:;
    }
    m->end = j > i ? j : i + 1;
    m->has_role = has_role;
    if (m->kind == SG_MEN_ACTOR) {
        if (demonym >= 0 && (has_role || m->person >= 0))
            sg_actor_set_add(&m->actors, demonym);
        if (m->actors.n == 0 && m->person < 0)
            m->kind = SG_MEN_ROLE_ONLY;
    }
    return m->end;
}

static sg_status add_mention(sg_scan *s, const sg_mention *m, size_t *cap)
{
    if (s->n_men == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        sg_mention *p = realloc(s->men, *cap * sizeof(*p));
        if (p == NULL)
            return SG_ENOMEM;
        s->men = p;
    }
    s->men[s->n_men++] = *m;
    return SG_OK;
}

/* A token that may sit between two members of a coordinated list. */
static int is_list_glue(const sg_scan *s, size_t i)
{
    return sg_extract__in(s, i, SG_WL_LIST_GLUE);
}

static int is_cue_token(const sg_scan *s, size_t i)
{
    return sg_extract__main_meaning(s, i, SG_P_CUE) != NULL;
}

/* "Several nations - including the UK, US and Australia - have", "member states, such
 * as Italy, voted": the list after "including"/"such as" names the members of the noun
 * phrase before it, which is the clause's subject, not a prepositional object. */
static int apposition_list(const sg_scan *s, size_t k)
{
    size_t w;
    if (sg_extract__in(s, k, SG_WL_MEMBER_MARKERS))
        w = k;
    else if (k > 0 && sg_extract__is(s, k, "as") && sg_extract__is(s, k - 1, "such"))
        w = k - 1;
    else if (k > 0 && sg_extract__is(s, k, "by") && sg_extract__in(s, k - 1, SG_WL_LEADER_PARTICIPLES))
        w = k - 1; /* "a coalition of 30 countries, led by A and B," */
    else
        return 0;
    while (w > 0 && s->tok.tok[w - 1].kind == SG_TOK_PUNCT &&
           (strcmp(s->tok.tok[w - 1].norm, ",") == 0 || strcmp(s->tok.tok[w - 1].norm, "-") == 0))
        w--;
    if (w == 0 || s->sent_of[w - 1] != s->sent_of[k])
        return 0;
    const sg_token *t = &s->tok.tok[w - 1];
    /* a plural noun of its own ("nations", "member states", "others") */
    return t->kind == SG_TOK_WORD && s->men_at[w - 1] < 0 &&
           sg_extract__in(s, w - 1, SG_WL_PLURAL_HEADS);
}

/* Is the mention starting at token i inside a prepositional phrase ("with Germany",
 * "between the Alliance and Russia")? Determiners may sit between. */
static int in_pp(const sg_scan *s, size_t i)
{
    size_t k = i;
    /* determiners and numbers: "at the 2023 Vilnius summit" */
    while (k > 0 && (sg_extract__is_determiner(s, k - 1) ||
                     (s->tok.tok[k - 1].kind == SG_TOK_WORD &&
                      isdigit((unsigned char)s->tok.tok[k - 1].norm[0]))))
        k--;
    if (k == 0 || s->sent_of[k - 1] != s->sent_of[i])
        return 0;
    if (apposition_list(s, k - 1))
        return 0;
    /* "after Hungary blocked the bid": a subordinator before a clause with its subject */
    if (sg_extract__in(s, k - 1, SG_WL_SUBORDINATORS)) {
        size_t e = s->main_at[i] >= 0 ? s->main[s->main_at[i]].end : i + 1;
        if (e < s->tok.n_tok && s->sent_of[e] == s->sent_of[i] && s->tok.tok[e].kind == SG_TOK_WORD &&
            (sg_extract__main_meaning(s, e, SG_P_CUE) || sg_extract__in(s, e, SG_WL_AUXILIARIES)))
            return 0;
    }
    /* "Voters in Switzerland approved", "Officials from Qatar said", ", the leaders of the
     * G7 countries agreed": people of a place opening the sentence or following a comma
     * (after determiners and modifiers) act for it */
    if (k >= 2 &&
        (sg_extract__is(s, k - 1, "in") || sg_extract__is(s, k - 1, "from") || sg_extract__is(s, k - 1, "of")) &&
        sg_extract__in(s, k - 2, SG_WL_PEOPLE_HEADS) && s->men_at[k - 2] < 0) {
        size_t f = s->tok.sent[s->sent_of[i]].first, j = k - 2;
        while (j > f && j + 4 > k && (sg_extract__is_determiner(s, j - 1) ||
                                      (s->tok.tok[j - 1].kind == SG_TOK_WORD && s->men_at[j - 1] < 0 &&
                                       !s->tok.tok[j - 1].upper)))
            j--;
        if (j == f || strcmp(s->tok.tok[j - 1].norm, ",") == 0)
            return 0;
    }
    /* "For Germany, X is not on the agenda": a fronted point of view */
    if (sg_extract__is(s, k - 1, "for") && k - 1 == s->tok.sent[s->sent_of[i]].first) {
        size_t e = s->main_at[i] >= 0 ? s->main[s->main_at[i]].end : i + 1;
        if (e < s->tok.n_tok && strcmp(s->tok.tok[e].norm, ",") == 0)
            return 0;
    }
    /* "voted in Geneva, Switzerland on Monday": a place apposed to a place after "in",
     * itself followed by a phrase, not by its own verb ("In March, Spain said") */
    if (k >= 3 && strcmp(s->tok.tok[k - 1].norm, ",") == 0 && s->tok.tok[k - 2].upper &&
        s->tok.tok[k - 2].kind == SG_TOK_WORD && s->men_at[k - 2] < 0 &&
        s->sent_of[k - 3] == s->sent_of[i] &&
        (sg_extract__is(s, k - 3, "in") || sg_extract__is(s, k - 3, "at"))) {
        size_t e = s->main_at[i] >= 0 ? s->main[s->main_at[i]].end : i + 1;
        if (e < s->tok.n_tok && s->sent_of[e] == s->sent_of[i] &&
            sg_extract__in(s, e, SG_WL_PHRASE_CONTINUATIONS))
            return 1;
    }
    return sg_extract__in(s, k - 1, SG_WL_PREPOSITIONS);
}

static int is_conjunction(const sg_scan *s, size_t i)
{
    return sg_extract__in(s, i, SG_WL_LIST_CONJUNCTIONS);
}

static sg_list *new_list(sg_scan *s, size_t i)
{
    sg_list *l = &s->lists[s->n_lists++];
    l->first = l->last = i;
    l->start = s->men[i].start;
    l->end = s->men[i].end;
    l->in_pp = in_pp(s, s->men[i].start);
    s->men[i].list = s->n_lists - 1;
    return l;
}

/* Split the last list back into single mentions when no conjunction joined it. */
/* "A, B, C and others", "A, B and C among others": an open list is coordinated too. */
static int open_list_end(const sg_scan *s, size_t end)
{
    static const char *const tail[][3] = {{"and", "others", NULL}, {"and", "other", NULL},
                                          {"among", "others", NULL}, {"and", "several", NULL},
                                          {"and", "many", NULL}, {"and", "a", "few"}};
    for (size_t k = 0; k < sizeof(tail) / sizeof(tail[0]); k++) {
        int ok = 1;
        for (size_t j = 0; j < 3 && tail[k][j] && ok; j++)
            ok = sg_extract__is(s, end + j, tail[k][j]);
        if (ok)
            return 1;
    }
    return 0;
}

static void split_uncoordinated(sg_scan *s, int has_conj)
{
    if (s->n_lists == 0 || has_conj)
        return;
    if (s->lists[s->n_lists - 1].first != s->lists[s->n_lists - 1].last &&
        open_list_end(s, s->lists[s->n_lists - 1].end))
        return;
    sg_list *l = &s->lists[s->n_lists - 1];
    size_t first = l->first, last = l->last;
    if (first == last) /* one mention: split, it would be made again as it is */
        return;
    s->n_lists--;
    for (size_t k = first; k <= last; k++)
        new_list(s, k);
}

/* Coordinated lists: "A, B and C", "A as well as B". Commas alone do not coordinate
 * ("Echoing the White House, NATO's chief said"): a list without a conjunction is split
 * back into single mentions. */
static sg_status build_lists(sg_scan *s)
{
    s->lists = malloc((s->n_men + 1) * sizeof(sg_list));
    if (s->lists == NULL)
        return SG_ENOMEM;
    s->n_lists = 0;
    int has_conj = 0;
    for (size_t i = 0; i < s->n_men; i++) {
        sg_mention *m = &s->men[i];
        int join = 0, conj = 0;
        if (i > 0 && s->n_lists > 0) {
            const sg_mention *p = &s->men[i - 1];
            join = s->sent_of[p->start] == s->sent_of[m->start] && !p->poss_follows &&
                   p->kind == m->kind && m->kind != SG_MEN_PRONOUN && m->start > p->end;
            int comma = 0;
            for (size_t t = p->end; join && t < m->start; t++) {
                join = is_list_glue(s, t);
                conj |= is_conjunction(s, t);
                comma |= s->tok.tok[t].kind == SG_TOK_PUNCT && strcmp(s->tok.tok[t].norm, ",") == 0;
            }
            /* "Apart from A and B, C, D and E abstained": a list that has had its
             * conjunction ends at the next comma */
            if (join && has_conj && comma && !conj)
                join = 0;
        }
        if (join) {
            sg_list *l = &s->lists[s->n_lists - 1];
            l->last = i;
            l->end = m->end;
            m->list = s->n_lists - 1;
            has_conj |= conj;
            continue;
        }
        split_uncoordinated(s, has_conj);
        new_list(s, i);
        has_conj = 0;
    }
    split_uncoordinated(s, has_conj);
    return SG_OK;
}

/* ---- people learned from the text -------------------------------------------------- */

/* Names the document binds to an actor: "Brazilian President Luiz Inácio Lula da Silva",
 * "Mauro Vieira, Brazil's foreign minister": each capitalised part of the name, for the
 * rest of the document. */
#define SG_MAX_LEARNED 256
typedef struct learned_names {
    size_t tok[SG_MAX_LEARNED]; /* a token whose norm is the name part */
    sg_actor_set actors[SG_MAX_LEARNED];
    size_t n;
} learned_names;

/* An unknown capitalised word (no lexicon match) that may be part of a name. */
static int name_part(const sg_scan *s, size_t k)
{
    const sg_token *t = &s->tok.tok[k];
    return t->kind == SG_TOK_WORD && t->upper && !t->caps && s->main_at[k] < 0 &&
           strlen(t->norm) >= 3 && s->topic_at[k] < 0;
}

/* A lower-case particle inside a name ("da", "bin", "van"). */
static int name_particle(const sg_scan *s, size_t k)
{
    return sg_extract__in(s, k, SG_WL_NAME_PARTICLES) && !s->tok.tok[k].upper;
}

/* Returns -1 when out of memory; the table is allocated on the first name learned. */
static int learn(learned_names **lnp, const sg_scan *s, size_t a, size_t b,
                 const sg_actor_set *actors)
{
    if (*lnp == NULL) { /* no need to zero 35 KiB: only the first n entries are read */
        if ((*lnp = malloc(sizeof(**lnp))) == NULL)
            return -1;
        (*lnp)->n = 0;
    }
    learned_names *ln = *lnp;
    for (size_t k = a; k < b && ln->n < SG_MAX_LEARNED; k++)
        if (name_part(s, k)) {
            ln->tok[ln->n] = k;
            ln->actors[ln->n++] = *actors;
        }
    return 0;
}

/* The end of a name right after an office mention ("President Lula da Silva"), or i. */
static size_t name_after(const sg_scan *s, size_t i, size_t sent_end)
{
    size_t k = i, end = i;
    while (k < sent_end && k < i + 6 && (name_part(s, k) || (k > i && name_particle(s, k)))) {
        k++;
        if (name_part(s, k - 1))
            end = k;
    }
    return end;
}

/* Bind names found around office mention m; extends m over a name right after it.
 * Returns -1 when out of memory. */
static int learn_around(learned_names **ln, sg_scan *s, sg_mention *m, size_t sent_first,
                        size_t sent_end)
{
    if (m->kind != SG_MEN_ACTOR || !m->has_role || m->person >= 0 || m->actors.n == 0)
        return 0;
    size_t end = name_after(s, m->end, sent_end);
    if (end > m->end) {
        int rc = learn(ln, s, m->end, end, &m->actors);
        m->end = end;
        return rc;
    }
    /* "Mauro Vieira, Brazil's foreign minister": a name, a comma, [the] the office */
    size_t k = m->start;
    if (k > sent_first && sg_extract__is(s, k - 1, "the"))
        k--;
    if (k < sent_first + 2 || !(s->tok.tok[k - 1].kind == SG_TOK_PUNCT &&
                                strcmp(s->tok.tok[k - 1].norm, ",") == 0))
        return 0;
    size_t a = k - 1;
    while (a > sent_first && (name_part(s, a - 1) || name_particle(s, a - 1)))
        a--;
    if (a < k - 1 && name_part(s, a))
        return learn(ln, s, a, k - 1, &m->actors);
    return 0;
}

/* A learned name at token i: the actors it was bound to, or NULL. */
static const sg_actor_set *learned_at(const learned_names *ln, const sg_scan *s, size_t i)
{
    if (ln == NULL || !name_part(s, i))
        return NULL;
    for (size_t k = ln->n; k-- > 0;)
        if (ln->tok[k] != i && strcmp(s->tok.tok[ln->tok[k]].norm, s->tok.tok[i].norm) == 0)
            return &ln->actors[k];
    return NULL;
}

/* Is [a, b) part of a longer topic term ("Paris" in "Paris Agreement")? */
static int inside_term(const sg_scan *s, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (s->topic_at[k] >= 0) {
            const sg_match *t = &s->topic[s->topic_at[k]];
            if (t->start <= a && t->end > b)
                return 1;
        }
    return 0;
}

static sg_status find_mentions(sg_scan *s)
{
    size_t cap = 0;
    learned_names *ln = NULL;
    for (size_t si = 0; si < s->tok.n_sent; si++) {
        const sg_sentence *st = &s->tok.sent[si];
        for (size_t i = st->first; i < st->last_plus1;) {
            if (s->main_at[i] < 0 && ln == NULL) { /* no match, no learned name: most tokens */
                i++;
                continue;
            }
            const sg_phrase_meaning *pm = name_meaning(s, i);
            const sg_actor_set *known = pm ? NULL : learned_at(ln, s, i);
            if (known) {
                /* "Lula said": a name the document bound earlier */
                sg_mention m;
                memset(&m, 0, sizeof(m));
                m.person = m.source = -1;
                m.kind = SG_MEN_ACTOR;
                m.start = i;
                m.end = name_after(s, i, st->last_plus1);
                m.actors = *known;
                m.learned = 1;
                if (add_mention(s, &m, &cap) != SG_OK) {
                    free(ln);
                    return SG_ENOMEM;
                }
                i = m.end;
                continue;
            }
            if (pm == NULL || s->main[s->main_at[i]].start != i) {
                i++;
                continue;
            }
            sg_mention m;
            size_t next = build_mention(s, i, st->last_plus1, &m);
            if (inside_term(s, i, next)) {
                i = next; /* "Paris" in "the Paris Agreement" names no actor */
                continue;
            }
            if (learn_around(&ln, s, &m, st->first, st->last_plus1)) {
                free(ln);
                return SG_ENOMEM;
            }
            next = m.end > next ? m.end : next;
            if (next < st->last_plus1 && s->tok.tok[next].kind == SG_TOK_POSS) {
                m.poss_follows = 1;
                /* "X's opposition" / "X's strong opposition": X holds the cue; any other
                 * noun after 's ("Ukraine's membership") makes X a possessor, not a holder */
                size_t k = next + 1;
                int cue_next = k < st->last_plus1 && is_cue_token(s, k);
                if (!cue_next && k + 1 < st->last_plus1 && s->tok.tok[k].kind == SG_TOK_WORD &&
                    s->main_at[k] < 0 && s->topic_at[k] < 0 && !s->tok.tok[k].upper)
                    cue_next = is_cue_token(s, k + 1);
                m.possessor_of_noun = !cue_next;
            }
            /* "NATO membership", "EU accession": the actor modifies a topic noun */
            /* ... but not a past verb that is also a term ("India banned TikTok") */
            if (!m.poss_follows && next < st->last_plus1 &&
                (s->topic_at[next] >= 0 || s->anaph_at[next] >= 0) &&
                s->tok.tok[next].kind == SG_TOK_WORD && s->men_at[next] < 0 &&
                name_meaning(s, next) == NULL &&
                !(is_cue_token(s, next) && ends_in(s->tok.tok[next].norm, "ed")))
                m.possessor_of_noun = 1;
            /* "NATO countries", "EU member states": the actor modifies a plural noun that
             * names unnamed members */
            size_t h = next;
            if (h < st->last_plus1 && s->tok.tok[h].kind == SG_TOK_WORD && s->main_at[h] < 0 &&
                !s->tok.tok[h].upper && !m.poss_follows && !is_list_glue(s, h) &&
                !sg_extract__in(s, h, SG_WL_PLURAL_HEADS))
                h++; /* one modifier: "member states" */
            /* ... except a forum of governments without institutions of its own ("joint"):
             * "G7 leaders", "the G7 countries" are the forum speaking */
            int forum = m.kind == SG_MEN_ACTOR && m.actors.n == 1 &&
                        s->lex->actors[m.actors.a[0]].joint;
            if (h < st->last_plus1 && !m.poss_follows && s->tok.tok[h].kind == SG_TOK_WORD &&
                sg_extract__in(s, h, SG_WL_PLURAL_HEADS) &&
                (h == next || s->tok.tok[next].kind == SG_TOK_WORD) && !forum)
                m.possessor_of_noun = 1;
            /* a lone demonym adjective ("Ukrainian territories") is not an actor */
            int keep = !(m.kind == SG_MEN_ROLE_ONLY);
            if (keep && add_mention(s, &m, &cap) != SG_OK) {
                free(ln);
                return SG_ENOMEM;
            }
            i = next;
        }
    }
    free(ln);
    for (size_t i = 0; i < s->n_men; i++)
        for (size_t t = s->men[i].start; t < s->men[i].end; t++)
            s->men_at[t] = (int)i;
    return build_lists(s);
}

/* The document's date; without one, the middle of the latest year (1990-2099) the text
 * names ("in the spring of 2023"), so that people resolve to the office they held then.
 * Empty when neither exists (people then resolve to their latest office). */
static void infer_date(sg_scan *s)
{
    s->date[0] = '\0';
    if (s->doc->date && strlen(s->doc->date) == 10) {
        memcpy(s->date, s->doc->date, 11);
        return;
    }
    int best = 0;
    for (size_t i = 0; i < s->tok.n_tok; i++) {
        const char *w = s->tok.tok[i].norm;
        if (strlen(w) == 4 && isdigit((unsigned char)w[0]) && isdigit((unsigned char)w[1]) &&
            isdigit((unsigned char)w[2]) && isdigit((unsigned char)w[3])) {
            int y = atoi(w);
            if (y >= 1990 && y <= 2099 && y > best)
                best = y;
        }
    }
    if (best)
        snprintf(s->date, sizeof(s->date), "%04d-07-01", best);
}

sg_status sg_extract__scan(sg_scan *s, const sg_lexicon *lex, const sg_document *doc,
                           int only_topic, sg_error *err)
{
    memset(s, 0, sizeof(*s));
    s->lex = lex;
    s->doc = doc;
    s->cur_topic = -1;
    s->only_topic = only_topic;
    sg_status rc = sg_tokens_init(&s->tok, doc->text, doc->len, NULL, err);
    if (rc != SG_OK) {
        if (err)
            snprintf(err->file, sizeof(err->file), "%s", doc->id);
        return rc;
    }
    /* the arrays by token in one block: six of 4-byte entries, then the hyphen bytes */
    _Static_assert(sizeof(uint32_t) == sizeof(int), "tid shares the block of ints");
    size_t n1 = s->tok.n_tok + 1;
    if ((s->by_token = malloc(n1 * (6 * sizeof(int) + 1))) == NULL)
        goto oom;
    int *ints = s->by_token;
    s->men_at = ints;
    s->sent_of = ints + n1;
    s->main_at = ints + 2 * n1;
    s->topic_at = ints + 3 * n1;
    s->anaph_at = ints + 4 * n1;
    s->tid = (uint32_t *)(void *)(ints + 5 * n1);
    s->hyphen = (unsigned char *)(ints + 6 * n1);
    /* one vocabulary look-up per token */
    sg_lexicon__token_ids(lex, s->tok.tok, s->tok.n_tok, s->tid, s->hyphen);
    for (size_t i = 0; i < s->tok.n_tok; i++)
        s->men_at[i] = -1;
    for (size_t si = 0; si < s->tok.n_sent; si++)
        for (size_t i = s->tok.sent[si].first; i < s->tok.sent[si].last_plus1; i++)
            s->sent_of[i] = (int)si;
    infer_date(s);
    if (match_layers(s) != SG_OK || find_mentions(s) != SG_OK)
        goto oom;
    return SG_OK;
oom:
    sg_extract__scan_destroy(s);
    return sg_error_set(err, SG_ENOMEM, doc->id, 0, "out of memory");
}

void sg_extract__scan_destroy(sg_scan *s)
{
    sg_tokens_destroy(&s->tok);
    free(s->main);
    free(s->topic);
    free(s->anaph);
    free(s->men);
    free(s->lists);
    free(s->by_token); /* tid, hyphen, main_at, topic_at, anaph_at, men_at, sent_of */
    memset(s, 0, sizeof(*s));
}
