/* acts.c - topic acts. A topic is a proposition about an act (recognise a state, ban a
 * vendor, join an alliance, sign a deal). This file generates the inflections of an act's
 * verbs, derives each topic's act when its file names none (from a term or a label word
 * that is one of an act's verbs or nouns), and queues the act's phrases before the trie
 * is compiled: its verbs as cues bound to the topic (performing the act is support), its
 * undo phrases as opposing cues, its nouns as the topic's anaphors ("the ban") and, for
 * acts anyone can perform, its nominalisations as cues held by a possessor ("Spain's
 * recognition"). The act classes themselves live in data/lexicon/acts.json.
 */
#define _POSIX_C_SOURCE 200809L
#include "lexicon/lexicon_load.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SG_ACT_VERB_STRENGTH 0.8
#define SG_ACT_NOUN_STRENGTH 0.6
#define SG_FORM_MAX 96

/* ---- inflection -------------------------------------------------------------------- */

static int is_vowel(char ch)
{
    return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u';
}

/* One syllable ending consonant-vowel-consonant ("ban", "bar", "stop"): the final
 * consonant doubles before -ed and -ing. */
static int doubles(const char *w)
{
    size_t n = strlen(w);
    if (n < 3 || is_vowel(w[n - 1]) || strchr("wxy", w[n - 1]) || !is_vowel(w[n - 2]) ||
        is_vowel(w[n - 3]))
        return 0;
    int groups = 0;
    for (size_t i = 0; i < n; i++)
        if (is_vowel(w[i]) && (i == 0 || !is_vowel(w[i - 1])))
            groups++;
    return groups == 1;
}

static const sg_string_list *irregular_of(const sg_lexicon *lex, const char *w)
{
    for (size_t i = 0; i < lex->n_irregular; i++)
        if (lex->irregular[i].n >= 3 && strcmp(lex->irregular[i].items[0], w) == 0)
            return &lex->irregular[i];
    return NULL;
}

typedef struct form_list {
    char (*f)[SG_FORM_MAX];
    size_t n, cap;
} form_list;

/* Is w one of the forms in fl? */
static int in_forms(const form_list *fl, const char *w)
{
    for (size_t k = 0; k < fl->n; k++)
        if (strcmp(fl->f[k], w) == 0)
            return 1;
    return 0;
}

static int push_form(form_list *fl, const char *head, const char *rest)
{
    char buf[SG_FORM_MAX];
    int len = snprintf(buf, sizeof(buf), "%s%s", head, rest);
    if (len < 0 || (size_t)len >= sizeof(buf))
        return 0; /* longer than any verb phrase: not a form */
    if (in_forms(fl, buf))
        return 0;
    if (fl->n == fl->cap) {
        size_t cap = fl->cap ? fl->cap * 2 : 16;
        void *p = realloc(fl->f, cap * sizeof(*fl->f));
        if (p == NULL)
            return -1;
        fl->f = p;
        fl->cap = cap;
    }
    memcpy(fl->f[fl->n++], buf, (size_t)len + 1);
    return 0;
}

/* Several syllables ending consonant-vowel-consonant ("expel", "admit", "cancel",
 * "offer"): whether the consonant doubles depends on stress and spelling, which the
 * letters do not tell, so both forms are generated ("expelled", "cancelled" and
 * "canceled"); the form that is no word never occurs in text. */
static int may_double(const char *w)
{
    size_t n = strlen(w);
    return n >= 4 && !doubles(w) && !is_vowel(w[n - 1]) && !strchr("wxyh", w[n - 1]) &&
           is_vowel(w[n - 2]) && !is_vowel(w[n - 3]);
}

/* Base, -s, past, participle and -ing of one word, followed by rest (" from"). */
static int inflect_word(const sg_lexicon *lex, const char *w, const char *rest, form_list *fl)
{
    size_t n = strlen(w);
    char s[SG_FORM_MAX], ed[SG_FORM_MAX], ing[SG_FORM_MAX];
    if (n == 0 || n + 4 >= SG_FORM_MAX)
        return 0;
    char last = w[n - 1], prev = n > 1 ? w[n - 2] : 0;
    if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
        (n > 1 && (strcmp(w + n - 2, "ch") == 0 || strcmp(w + n - 2, "sh") == 0)))
        snprintf(s, sizeof(s), "%ses", w);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(s, sizeof(s), "%.*sies", (int)(n - 1), w);
    else
        snprintf(s, sizeof(s), "%ss", w);
    if (last == 'e')
        snprintf(ed, sizeof(ed), "%sd", w);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(ed, sizeof(ed), "%.*sied", (int)(n - 1), w);
    else if (doubles(w))
        snprintf(ed, sizeof(ed), "%s%ced", w, last);
    else
        snprintf(ed, sizeof(ed), "%sed", w);
    if (n > 2 && strcmp(w + n - 2, "ie") == 0)
        snprintf(ing, sizeof(ing), "%.*sying", (int)(n - 2), w);
    else if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o' && n > 2)
        snprintf(ing, sizeof(ing), "%.*sing", (int)(n - 1), w);
    else if (doubles(w))
        snprintf(ing, sizeof(ing), "%s%cing", w, last);
    else
        snprintf(ing, sizeof(ing), "%sing", w);
    const sg_string_list *irr = irregular_of(lex, w);
    if (push_form(fl, w, rest) || push_form(fl, s, rest) || push_form(fl, ing, rest))
        return -1;
    if (irr)
        return push_form(fl, irr->items[1], rest) || push_form(fl, irr->items[2], rest) ? -1 : 0;
    if (may_double(w)) {
        char ded[SG_FORM_MAX], ding[SG_FORM_MAX];
        snprintf(ded, sizeof(ded), "%s%ced", w, last);
        snprintf(ding, sizeof(ding), "%s%cing", w, last);
        if (push_form(fl, ded, rest) || push_form(fl, ding, rest))
            return -1;
    }
    return push_form(fl, ed, rest) ? -1 : 0;
}

/* Every form of a verb or verb phrase ("recognise", "withdraw from", "lift the ban"): the
 * first word inflected, British and American spellings of -ise/-ize and -yse/-yze. */
static int inflect(const sg_lexicon *lex, const char *base, form_list *fl)
{
    char head[SG_FORM_MAX];
    const char *sp = strchr(base, ' ');
    size_t hn = sp ? (size_t)(sp - base) : strlen(base);
    if (hn == 0 || hn >= sizeof(head))
        return 0;
    memcpy(head, base, hn);
    head[hn] = '\0';
    const char *rest = sp ? sp : "";
    if (inflect_word(lex, head, rest, fl))
        return -1;
    if (hn >= 6 && (strcmp(head + hn - 3, "ise") == 0 || strcmp(head + hn - 3, "ize") == 0 ||
                    strcmp(head + hn - 3, "yse") == 0 || strcmp(head + hn - 3, "yze") == 0)) {
        head[hn - 2] = head[hn - 2] == 's' ? 'z' : 's';
        if (inflect_word(lex, head, rest, fl))
            return -1;
    }
    return 0;
}

static int in_list(char *const *list, size_t n, const char *p);

/* The forms of an undo phrase's head word: its first word, or the next one when the
 * first is one of the act's objects ("sanctions relief"). */
static int undo_head(const sg_lexicon *lex, const sg_act_entry *a, const char *undo, form_list *fl)
{
    char w[SG_FORM_MAX];
    const char *p = undo;
    for (int k = 0; k < 2 && *p; k++) {
        size_t n = strcspn(p, " ");
        if (n >= sizeof(w))
            return 0;
        memcpy(w, p, n);
        w[n] = '\0';
        if (!in_list(a->objects, a->n_objects, w))
            return inflect(lex, w, fl);
        p += n;
        while (*p == ' ')
            p++;
    }
    return 0;
}

/* ---- deriving a topic's act ---------------------------------------------------------- */

/* What derivation needs, computed once: every verb form of every act, and each topic's
 * term phrases (indexes into lex->pending), so that the work is linear in the lexicon. */
typedef struct derive_ctx {
    form_list *forms;      /* per act: the forms of all its verbs */
    form_list *undo_heads; /* per act: the forms of the head word of each undo phrase
                              ("lift" of "lift sanctions", "relief" of "sanctions relief") */
    size_t *term_first;    /* per topic: its terms are term_idx[term_first[t] .. +term_n[t]) */
    size_t *term_n;
    size_t *term_idx;
} derive_ctx;

static void derive_ctx_free(derive_ctx *d, size_t n_acts)
{
    for (size_t a = 0; d->forms && a < n_acts; a++)
        free(d->forms[a].f);
    for (size_t a = 0; d->undo_heads && a < n_acts; a++)
        free(d->undo_heads[a].f);
    free(d->forms);
    free(d->undo_heads);
    free(d->term_first);
    free(d->term_n);
    free(d->term_idx);
}

static int derive_ctx_init(derive_ctx *d, const sg_lexicon *lex)
{
    memset(d, 0, sizeof(*d));
    d->forms = calloc(lex->n_acts + 1, sizeof(form_list));
    d->undo_heads = calloc(lex->n_acts + 1, sizeof(form_list));
    d->term_first = calloc(lex->n_topics + 1, sizeof(size_t));
    d->term_n = calloc(lex->n_topics + 1, sizeof(size_t));
    d->term_idx = malloc((lex->n_pending + 1) * sizeof(size_t));
    if (!d->forms || !d->undo_heads || !d->term_first || !d->term_n || !d->term_idx)
        return -1;
    for (size_t a = 0; a < lex->n_acts; a++) {
        for (size_t i = 0; i < lex->acts[a].n_verbs; i++)
            if (inflect(lex, lex->acts[a].verbs[i], &d->forms[a]))
                return -1;
        for (size_t i = 0; i < lex->acts[a].n_undo; i++)
            if (undo_head(lex, &lex->acts[a], lex->acts[a].undo[i], &d->undo_heads[a]))
                return -1;
        for (size_t i = 0; i < lex->acts[a].n_undo_verbs; i++)
            if (inflect(lex, lex->acts[a].undo_verbs[i], &d->undo_heads[a]))
                return -1;
    }
    /* counting sort of the topic terms by topic, in file order */
    for (size_t i = 0; i < lex->n_pending; i++) {
        const sg_phrase_meaning *m = &lex->pending[i].meaning;
        if (m->kind == SG_P_TOPIC_TERM && m->data >= 0 && (size_t)m->data < lex->n_topics)
            d->term_n[m->data]++;
    }
    for (size_t t = 1; t < lex->n_topics; t++)
        d->term_first[t] = d->term_first[t - 1] + d->term_n[t - 1];
    size_t *fill = calloc(lex->n_topics + 1, sizeof(size_t));
    if (fill == NULL)
        return -1;
    for (size_t i = 0; i < lex->n_pending; i++) {
        const sg_phrase_meaning *m = &lex->pending[i].meaning;
        if (m->kind == SG_P_TOPIC_TERM && m->data >= 0 && (size_t)m->data < lex->n_topics)
            d->term_idx[d->term_first[m->data] + fill[m->data]++] = i;
    }
    free(fill);
    return 0;
}

static int in_list(char *const *list, size_t n, const char *p)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], p) == 0)
            return 1;
    return 0;
}

/* Is the lower-case phrase p one of act a's verb forms or nominalisations (which 0), or
 * one of its objects (which 1)? */
static int act_names(const sg_lexicon *lex, const derive_ctx *d, size_t a, const char *p,
                     int which)
{
    const sg_act_entry *e = &lex->acts[a];
    if (which == 1)
        return in_list(e->objects, e->n_objects, p);
    return in_list(e->nominal, e->n_nominal, p) || in_forms(&d->forms[a], p);
}

/* Lower-case copy of text's words, capitalised words (names: "Paris Agreement") left out
 * except the first word of a label; possessive 's dropped. */
static void plain_words(const char *text, int first_ok, char *out, size_t cap)
{
    size_t n = 0;
    int first = 1;
    for (const char *p = text; *p && n + 1 < cap;) {
        while (*p && !isalnum((unsigned char)*p) && *p != '-')
            p++;
        const char *w = p;
        while (*p && (isalnum((unsigned char)*p) || *p == '-' || (unsigned char)*p >= 0x80))
            p++;
        if (p == w)
            break;
        int name = isupper((unsigned char)w[0]) && !(first && first_ok);
        int all_caps = 1;
        for (const char *q = w; q < p; q++)
            all_caps &= !islower((unsigned char)*q);
        first = 0;
        if (*p == '\'' && p[1] == 's')
            p += 2;
        if (name || all_caps)
            continue; /* names and acronyms are not act words */
        if (n > 0)
            out[n++] = ' ';
        for (const char *q = w; q < p && n + 1 < cap; q++)
            out[n++] = (char)tolower((unsigned char)*q);
    }
    out[n] = '\0';
}

/* The act some word or two-word sequence of `words` names, or -1. */
static int act_in_words(const sg_lexicon *lex, const derive_ctx *d, const char *words, int which)
{
    char w1[SG_FORM_MAX], w2[2 * SG_FORM_MAX];
    for (const char *p = words; *p;) {
        const char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p);
        snprintf(w1, sizeof(w1), "%.*s", (int)n, p);
        w2[0] = '\0';
        if (sp) {
            const char *sp2 = strchr(sp + 1, ' ');
            size_t n2 = sp2 ? (size_t)(sp2 - sp - 1) : strlen(sp + 1);
            snprintf(w2, sizeof(w2), "%s %.*s", w1, (int)n2, sp + 1);
        }
        for (size_t a = 0; a < lex->n_acts; a++)
            if ((w2[0] && act_names(lex, d, a, w2, which)) || act_names(lex, d, a, w1, which))
                return (int)a;
        p = sp ? sp + 1 : p + n;
    }
    return -1;
}

/* Does a term of several words (plain words `words`) name one of an act's objects ("ban
 * treaty", "treaty banning X")? Then it names that thing, and its other words only
 * describe it. */
static int names_object(const sg_lexicon *lex, const derive_ctx *d, const char *words)
{
    return strchr(words, ' ') != NULL && act_in_words(lex, d, words, 1) >= 0;
}

/* The act whose object is the last word of a capitalised name of several words ("Arms
 * Trade Treaty" -> agreement), or -1. */
static int named_object_act(const sg_lexicon *lex, const derive_ctx *d, const char *text)
{
    const char *sp = strrchr(text, ' ');
    if (sp == NULL || !isupper((unsigned char)text[0]) || !isupper((unsigned char)sp[1]))
        return -1;
    char last[SG_FORM_MAX];
    size_t n = 0;
    for (const char *q = sp + 1; *q && n + 1 < sizeof(last); q++)
        last[n++] = (char)tolower((unsigned char)*q);
    last[n] = '\0';
    return act_in_words(lex, d, last, 1);
}

/* Does a term of topic t name an actor by its id ("NATO")? Then a name such as "North
 * Atlantic Treaty" is the actor's, not a treaty's. */
static int names_an_actor(const sg_lexicon *lex, const derive_ctx *d, int t)
{
    for (size_t k = 0; k < d->term_n[t]; k++)
        if (sg_lexicon__actor_index(lex, lex->pending[d->term_idx[d->term_first[t] + k]].text) >= 0)
            return 1;
    return 0;
}

/* The act of topic t from its terms, then its label: verbs and nominalisations first
 * ("recognition", "ban"), then terms that name an object (the object's act: joining or
 * ratifying a "ban treaty", not banning), objects ("deal", "pipeline") only when none
 * names an act. */
static int derive_act(const sg_lexicon *lex, const derive_ctx *d, int t, int *group)
{
    char words[512];
    *group = -1;
    for (int which = 0; which < 2; which++) {
        for (int pass = 0; pass < 2; pass++)
            for (size_t k = 0; k < d->term_n[t]; k++) {
                const sg_pending_phrase *p = &lex->pending[d->term_idx[d->term_first[t] + k]];
                plain_words(p->text, 0, words, sizeof(words));
                int obj = which == 0 && names_object(lex, d, words);
                if (obj != pass)
                    continue;
                int a = act_in_words(lex, d, words, obj ? 1 : which);
                if (a >= 0) {
                    *group = p->meaning.data2;
                    return a;
                }
            }
        /* a name whose last word is an act's object ("Arms Trade Treaty", "Paris
         * Agreement"): the topic is about that thing, before any word of the label */
        if (which == 0 && !names_an_actor(lex, d, t)) {
            for (size_t k = 0; k < d->term_n[t]; k++) {
                const sg_pending_phrase *p = &lex->pending[d->term_idx[d->term_first[t] + k]];
                int a = named_object_act(lex, d, p->text);
                if (a >= 0) {
                    *group = p->meaning.data2;
                    return a;
                }
            }
        }
        plain_words(lex->topics[t].label, 1, words, sizeof(words));
        int a = act_in_words(lex, d, words, which);
        if (a >= 0)
            return a;
    }
    return -1;
}

/* Does any word of `words` name the head of one of act a's undo phrases? */
static int names_undo(const derive_ctx *d, int a, const char *words)
{
    char w[SG_FORM_MAX];
    for (const char *p = words; *p;) {
        size_t n = strcspn(p, " ");
        if (n < sizeof(w)) {
            memcpy(w, p, n);
            w[n] = '\0';
            /* "move" of "move back" performs the act too: no undoing */
            if (in_forms(&d->undo_heads[a], w) && !in_forms(&d->forms[a], w))
                return 1;
        }
        p += n;
        while (*p == ' ')
            p++;
    }
    return 0;
}

/* Is topic t the undoing of its act a ("lifting sanctions on Syria", terms "sanctions" and
 * "lift")? A term of another group than the act's, or a word of the label, names the head
 * of one of the act's undo phrases. The group that names it becomes the act's group: the
 * act's forms and its undo phrases name it. */
static int derive_undone(const sg_lexicon *lex, const derive_ctx *d, int t, int a, int *group)
{
    char words[512];
    for (size_t k = 0; k < d->term_n[t]; k++) {
        const sg_pending_phrase *p = &lex->pending[d->term_idx[d->term_first[t] + k]];
        if (p->meaning.data2 == *group)
            continue;
        plain_words(p->text, 0, words, sizeof(words));
        if (names_undo(d, a, words)) {
            *group = p->meaning.data2;
            return 1;
        }
    }
    plain_words(lex->topics[t].label, 1, words, sizeof(words));
    return names_undo(d, a, words);
}

/* ---- queueing the act's phrases ----------------------------------------------------- */

/* The plural of a noun phrase's last word ("ban" -> "bans", "delivery" -> "deliveries"),
 * or "" when it already ends in -s. */
static void plural(const char *noun, char *out, size_t cap)
{
    size_t n = strlen(noun);
    out[0] = '\0';
    if (n == 0 || n + 3 >= cap || noun[n - 1] == 's')
        return;
    if (noun[n - 1] == 'y' && n > 1 && !is_vowel(noun[n - 2]))
        snprintf(out, cap, "%.*sies", (int)(n - 1), noun);
    else if (noun[n - 1] == 'x' || noun[n - 1] == 'z' ||
             (n > 1 && (strcmp(noun + n - 2, "ch") == 0 || strcmp(noun + n - 2, "sh") == 0)))
        snprintf(out, cap, "%ses", noun);
    else
        snprintf(out, cap, "%ss", noun);
}

static int new_cue(sg_lexicon *lex, const char *text, int polarity, double strength, char kind,
                   int t, int self, int nominal_only)
{
    if (lex->n_cues == lex->cap_cues) {
        size_t cap = lex->cap_cues ? lex->cap_cues * 2 : 64;
        sg_cue_entry *p = realloc(lex->cues, cap * sizeof(*p));
        if (p == NULL)
            return -1;
        lex->cues = p;
        lex->cap_cues = cap;
    }
    sg_cue_entry *e = &lex->cues[lex->n_cues];
    memset(e, 0, sizeof(*e));
    if ((e->text = strdup(text)) == NULL)
        return -1;
    e->polarity = polarity;
    e->strength = strength;
    e->kind = kind;
    e->self = self;
    e->topic = t;
    e->act = 1;
    e->nominal_only = nominal_only;
    return (int)lex->n_cues++;
}

/* Is one of the forms in fl a term of topic t's act group (as the user wrote it)? */
static int names_term(const sg_lexicon *lex, const derive_ctx *d, int t, const form_list *fl)
{
    int g = lex->topics[t].act_group;
    for (size_t i = 0; g >= 0 && i < d->term_n[t]; i++) {
        const sg_pending_phrase *p = &lex->pending[d->term_idx[d->term_first[t] + i]];
        if (p->meaning.data2 != g)
            continue;
        for (size_t k = 0; k < fl->n; k++)
            if (strcasecmp(p->text, fl->f[k]) == 0)
                return 1;
    }
    return 0;
}

static int queue_verbs(sg_lexicon *lex, const derive_ctx *d, const sg_act_entry *a,
                       char **verbs, size_t n, int polarity, int t, int self, int needs_object)
{
    form_list fl = {NULL, 0, 0};
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        fl.n = 0;
        int cue = new_cue(lex, verbs[i], polarity, SG_ACT_VERB_STRENGTH, 'v', t, self, 0);
        if (cue < 0 || inflect(lex, verbs[i], &fl)) {
            rc = -1;
            break;
        }
        /* a verb that needs the act's object ("lift") names the act only with it: it
         * names no term group by itself ("suspended contacts" is no sanctions relief) */
        lex->cues[cue].names_group =
            !needs_object && (lex->topics[t].act_undone || polarity < 0 || names_term(lex, d, t, &fl));
        lex->cues[cue].needs_object = needs_object;
        /* a form that is also one of the act's objects ("sanctions") is read as the noun */
        for (size_t k = 0; k < fl.n && rc == 0; k++)
            if (!in_list(a->objects, a->n_objects, fl.f[k]))
                rc = sg_lexicon__add_phrase(lex, fl.f[k], SG_P_CUE, cue, 0, -1);
    }
    free(fl.f);
    return rc;
}

/* "the weapons" as well as "weapons": an anaphor another topic lists with its article
 * ("the weapons") is the longer match and would hide this topic's */
static int add_definite(sg_lexicon *lex, const char *noun, int t)
{
    char def[SG_FORM_MAX];
    if (snprintf(def, sizeof(def), "the %s", noun) >= (int)sizeof(def))
        return 0;
    return sg_lexicon__add_phrase(lex, def, SG_P_ANAPHOR, t, 0, -1);
}

static int queue_act(sg_lexicon *lex, const derive_ctx *d, int t)
{
    const sg_act_entry *a = &lex->acts[lex->topics[t].act];
    int undone = lex->topics[t].act_undone, generic = a->fallback;
    if (queue_verbs(lex, d, a, a->verbs, a->n_verbs, undone ? -1 : 1, t, a->self && !undone, generic) ||
        queue_verbs(lex, d, a, a->undo, a->n_undo, undone ? 1 : -1, t, 0, generic) ||
        queue_verbs(lex, d, a, a->undo_verbs, a->n_undo_verbs, undone ? 1 : -1, t, 0, 1))
        return -1;
    /* an undone topic's act nouns ("the imposition") name the act it undoes, not the topic */
    for (size_t i = 0; i < a->n_nominal && !undone; i++) {
        char pl[SG_FORM_MAX];
        plural(a->nominal[i], pl, sizeof(pl));
        if (sg_lexicon__add_phrase(lex, a->nominal[i], SG_P_ANAPHOR, t, 0, -1) ||
            (pl[0] && sg_lexicon__add_phrase(lex, pl, SG_P_ANAPHOR, t, 0, -1)) ||
            add_definite(lex, a->nominal[i], t))
            return -1;
        if (a->self)
            continue; /* "Ukraine's membership" is the topic, not Ukraine's position */
        int cue = new_cue(lex, a->nominal[i], 1, SG_ACT_NOUN_STRENGTH, 'n', t, 0, 1);
        if (cue < 0 || sg_lexicon__add_phrase(lex, a->nominal[i], SG_P_CUE, cue, 0, -1) ||
            (pl[0] && sg_lexicon__add_phrase(lex, pl, SG_P_CUE, cue, 0, -1)))
            return -1;
    }
    for (size_t i = 0; i < a->n_objects; i++)
        if (sg_lexicon__add_phrase(lex, a->objects[i], SG_P_ANAPHOR, t, 0, -1) ||
            add_definite(lex, a->objects[i], t))
            return -1;
    return 0;
}

int sg_lexicon__act_index(const sg_lexicon *lex, const char *id)
{
    for (size_t i = 0; i < lex->n_acts; i++)
        if (strcmp(lex->acts[i].id, id) == 0)
            return (int)i;
    return -1;
}

/* "Admitting new members to BRICS": a topic with several term groups of which exactly one
 * holds names (a capitalised term) names the organisation only, not who joins it. Returns
 * that group, or -1 when the terms name the candidates too ("Ukraine", "NATO"). */
static int open_name_group(const sg_lexicon *lex, const derive_ctx *d, size_t t)
{
    unsigned named = 0;
    int group = -1, n = 0;
    if (lex->topics[t].n_groups < 2)
        return -1;
    for (size_t k = 0; k < d->term_n[t]; k++) {
        const sg_pending_phrase *p = &lex->pending[d->term_idx[d->term_first[t] + k]];
        int g = p->meaning.data2;
        if (g < 0 || g >= 31 || !isupper((unsigned char)p->text[0]) || (named & (1u << g)))
            continue;
        named |= 1u << g;
        group = g;
        n++;
    }
    return n == 1 ? group : -1;
}

sg_status sg_lexicon__derive_acts(sg_lexicon *lex, sg_error *err)
{
    derive_ctx d;
    sg_status rc = SG_OK;
    if (derive_ctx_init(&d, lex)) {
        derive_ctx_free(&d, lex->n_acts);
        return sg_error_set(err, SG_ENOMEM, "lexicon", 0, "out of memory");
    }
    for (size_t t = 0; t < lex->n_topics && rc == SG_OK; t++) {
        sg_topic_entry *e = &lex->topics[t];
        e->name_group = open_name_group(lex, &d, t);
        if (e->act < 0 && e->act_name) {
            if (strcmp(e->act_name, "none") == 0)
                continue;
            e->act = sg_lexicon__act_index(lex, e->act_name);
            if (e->act < 0) {
                rc = sg_error_set(err, SG_EINPUT, "lexicon", 0, "topic \"%s\": unknown act \"%s\"",
                                  e->id, e->act_name);
                break;
            }
        } else if (e->act < 0) {
            e->act = derive_act(lex, &d, (int)t, &e->act_group);
            e->act_object_group = e->act_group;
            e->act_undone = e->act >= 0 && derive_undone(lex, &d, (int)t, e->act, &e->act_group);
            for (size_t a = 0; a < lex->n_acts && e->act < 0; a++)
                if (lex->acts[a].fallback)
                    e->act = (int)a; /* the generic act: doing, continuing, stopping */
            e->act_derived = e->act >= 0;
        }
        if (e->act >= 0 && queue_act(lex, &d, (int)t))
            rc = sg_error_set(err, SG_ENOMEM, "lexicon", 0, "out of memory");
    }
    derive_ctx_free(&d, lex->n_acts);
    return rc;
}
