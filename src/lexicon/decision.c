/* decision.c - who decides a topic, and by which rule: the decision rules the tool knows,
 * an organisation's members on a date (membership terms, vetoes), the "population"
 * section (figures for qualified majority), and the checks run when the lexicon is
 * finished. docs/lexicon.md has the format, docs/render.md the rules.
 */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon/lexicon_internal.h"

static const char *const rules[] = {"unanimity", "majority", "two-thirds", "qualified-majority",
                                    "security-council", NULL};

int sg_lexicon_rule_known(const char *rule)
{
    for (size_t i = 0; rule && rules[i]; i++)
        if (strcmp(rule, rules[i]) == 0)
            return 1;
    return 0;
}

const char *sg_lexicon_rule_names(void)
{
    return "unanimity, majority, two-thirds, qualified-majority, security-council";
}

void sg_lexicon__free_decision_data(sg_lexicon *lex)
{
    for (size_t i = 0; i < lex->n_pop; i++)
        free(lex->pop[i].actor);
    free(lex->pop);
    for (size_t i = 0; i < lex->n_pop_sources; i++)
        free(lex->pop_sources[i]);
    free(lex->pop_sources);
    for (size_t i = 0; i < lex->n_overridden; i++)
        free(lex->overridden[i]);
    free(lex->overridden);
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap * 2 : 8;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (q == NULL)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

/* "population": [{"year": 2025, "source": "...", "figures": {"Germany": 18.49, ...}}]. */
sg_status sg_lexicon__load_population(sg_lexicon *lex, const cJSON *arr, const char *file,
                                      sg_error *err)
{
    const cJSON *set;
    size_t i = 0;
    cJSON_ArrayForEach(set, arr) {
        const cJSON *year = cJSON_GetObjectItemCaseSensitive(set, "year");
        const cJSON *src = cJSON_GetObjectItemCaseSensitive(set, "source");
        const cJSON *fig = cJSON_GetObjectItemCaseSensitive(set, "figures");
        if (!cJSON_IsObject(set) || !cJSON_IsNumber(year) || !cJSON_IsString(src) ||
            src->valuestring[0] == '\0' || !cJSON_IsObject(fig))
            return sg_error_set(err, SG_EINPUT, file, 0,
                                "population[%zu]: needs \"year\", a \"source\" and \"figures\" "
                                "{actor: number}", i);
        if (grow((void **)&lex->pop_sources, &lex->cap_pop_sources, lex->n_pop_sources + 1,
                 sizeof(char *)))
            return sg_error_set(err, SG_ENOMEM, file, 0, "out of memory");
        size_t n = strlen(src->valuestring) + 16;
        char *label = malloc(n);
        if (label == NULL)
            return sg_error_set(err, SG_ENOMEM, file, 0, "out of memory");
        snprintf(label, n, "%s", src->valuestring);
        int dataset = (int)lex->n_pop_sources;
        lex->pop_sources[lex->n_pop_sources++] = label;
        const cJSON *f;
        cJSON_ArrayForEach(f, fig) {
            if (!cJSON_IsNumber(f) || f->valuedouble <= 0)
                return sg_error_set(err, SG_EINPUT, file, 0,
                                    "population[%zu]: figure of \"%s\" must be a positive number",
                                    i, f->string);
            if (grow((void **)&lex->pop, &lex->cap_pop, lex->n_pop + 1, sizeof(sg_pop_entry)))
                return sg_error_set(err, SG_ENOMEM, file, 0, "out of memory");
            sg_pop_entry *e = &lex->pop[lex->n_pop];
            e->actor = strdup(f->string);
            if (e->actor == NULL)
                return sg_error_set(err, SG_ENOMEM, file, 0, "out of memory");
            e->value = f->valuedouble;
            e->year = year->valueint;
            e->dataset = dataset;
            lex->n_pop++;
        }
        i++;
    }
    return SG_OK;
}

/* The population figure of actor for year: the latest data set not after year, else the
 * earliest one. -1 when there is none. */
static long pop_find(const sg_lexicon *lex, const char *actor, int year)
{
    long best = -1;
    for (size_t i = 0; i < lex->n_pop; i++) {
        const sg_pop_entry *e = &lex->pop[i];
        if (strcmp(e->actor, actor) != 0)
            continue;
        if (best < 0) {
            best = (long)i;
            continue;
        }
        const sg_pop_entry *b = &lex->pop[best];
        int e_ok = e->year <= year, b_ok = b->year <= year;
        if ((e_ok && (!b_ok || e->year > b->year)) || (!e_ok && !b_ok && e->year < b->year))
            best = (long)i;
    }
    return best;
}

/* Was term t in force on date ("" or NULL: terms without an end)? */
static int term_covers(const sg_member_term *t, const char *date)
{
    if (date == NULL || date[0] == '\0')
        return t->to[0] == '\0';
    return (t->from[0] == '\0' || strcmp(t->from, date) <= 0) &&
           (t->to[0] == '\0' || strcmp(date, t->to) <= 0);
}

sg_status sg_lexicon__check_decisions(const sg_lexicon *lex, sg_error *err)
{
    for (size_t i = 0; i < lex->n_topics; i++) {
        const sg_topic_entry *t = &lex->topics[i];
        if (t->body == NULL)
            continue;
        if (!sg_lexicon_rule_known(t->rule))
            return sg_error_set(err, SG_EINPUT, "lexicon", 0,
                                "topic \"%s\": unknown decision rule \"%s\" (known: %s)", t->id,
                                t->rule, sg_lexicon_rule_names());
        int a = sg_lexicon__actor_index(lex, t->body);
        if (a < 0)
            continue; /* reported by the reference check */
        const sg_actor_entry *body = &lex->actors[a];
        if (body->n_members == 0)
            return sg_error_set(err, SG_EINPUT, "lexicon", 0,
                                "topic \"%s\": deciding body \"%s\" has no \"members\" in the "
                                "lexicon (list them, with dates, under its actor entry)",
                                t->id, t->body);
        if (strcmp(t->rule, "qualified-majority") != 0)
            continue;
        for (size_t m = 0; m < body->n_members; m++)
            if (body->terms[m].to[0] == '\0' && pop_find(lex, body->members[m], 9999) < 0)
                return sg_error_set(err, SG_EINPUT, "lexicon", 0,
                                    "topic \"%s\": qualified majority needs a population "
                                    "figure for \"%s\" (section \"population\")",
                                    t->id, body->members[m]);
    }
    return SG_OK;
}

void sg_lexicon_decision_destroy(sg_lexicon_decision *d)
{
    if (d == NULL)
        return;
    free(d->members);
    free(d->weights);
    free(d->veto);
    memset(d, 0, sizeof(*d));
}

sg_status sg_lexicon_decision_get(const sg_lexicon *lex, const char *topic_id,
                                  const char *date, sg_lexicon_decision *out, sg_error *err)
{
    memset(out, 0, sizeof(*out));
    int t = sg_lexicon__topic_index(lex, topic_id);
    if (t < 0 || lex->topics[t].body == NULL)
        return SG_OK;
    int a = sg_lexicon__actor_index(lex, lex->topics[t].body);
    if (a < 0)
        return SG_OK;
    const sg_actor_entry *body = &lex->actors[a];
    out->body = lex->topics[t].body;
    out->rule = lex->topics[t].rule;
    int qmv = strcmp(out->rule, "qualified-majority") == 0;
    out->members = calloc(body->n_members + 1, sizeof(char *));
    out->veto = calloc(body->n_members + 1, sizeof(int));
    out->weights = qmv ? calloc(body->n_members + 1, sizeof(double)) : NULL;
    if (out->members == NULL || out->veto == NULL || (qmv && out->weights == NULL)) {
        sg_lexicon_decision_destroy(out);
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    int year = date && date[0] ? atoi(date) : 9999;
    int any_veto = 0;
    for (size_t m = 0; m < body->n_members; m++) {
        if (!term_covers(&body->terms[m], date))
            continue;
        int dup = 0; /* an id listed for two terms that both cover the date counts once */
        for (size_t k = 0; k < out->n_members && !dup; k++)
            dup = strcmp(out->members[k], body->members[m]) == 0;
        if (dup)
            continue;
        if (qmv) {
            long p = pop_find(lex, body->members[m], year);
            if (p < 0) {
                sg_status rc = sg_error_set(err, SG_EINPUT, "lexicon", 0,
                                            "qualified majority of \"%s\": no population "
                                            "figure for member \"%s\"",
                                            out->body, body->members[m]);
                sg_lexicon_decision_destroy(out);
                return rc;
            }
            out->weights[out->n_members] = lex->pop[p].value;
            out->weight_source = lex->pop_sources[lex->pop[p].dataset];
        }
        out->veto[out->n_members] = body->terms[m].veto;
        any_veto |= body->terms[m].veto;
        out->members[out->n_members++] = body->members[m];
    }
    if (!any_veto) {
        free(out->veto);
        out->veto = NULL;
    }
    return SG_OK;
}

size_t sg_lexicon_overridden_count(const sg_lexicon *lex)
{
    return lex->n_overridden;
}

const char *sg_lexicon_overridden_topic(const sg_lexicon *lex, size_t i)
{
    return i < lex->n_overridden ? lex->overridden[i] : NULL;
}
