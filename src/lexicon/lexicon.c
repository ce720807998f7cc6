/* lexicon.c - loading and validating lexicon JSON (cJSON) into entry tables, and the
 * queries on them (actor ids, topics, a person's office on a date). The phrase trie
 * is built in trie.c. A finished lexicon is read-only and thread-safe to share.
 */
#define _POSIX_C_SOURCE 200809L
#include "lexicon/lexicon_internal.h"
#include "lexicon/lexicon_load.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "stancegraph/text.h"
#include "common/json.h"
#include "common/num.h"

/* Grow *arr (of *cap elements of size elem) to hold at least need elements. */
static int grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap * 2 : 16;
    while (n < need)
        n *= 2;
    void *p = realloc(*arr, n * elem);
    if (p == NULL)
        return -1;
    *arr = p;
    *cap = n;
    return 0;
}
#define GROW(lex, field, n_field, cap_field) \
    grow((void **)&(lex)->field, &(lex)->cap_field, (lex)->n_field + 1, sizeof(*(lex)->field))

sg_status sg_lexicon_new(sg_lexicon **out, sg_error *err)
{
    *out = calloc(1, sizeof(sg_lexicon));
    if (*out == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    return SG_OK;
}

static void free_strings(char **s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(s[i]);
    free(s);
}

void sg_lexicon_free(sg_lexicon *lex)
{
    if (lex == NULL)
        return;
    for (size_t i = 0; i < lex->n_actors; i++) {
        free(lex->actors[i].id);
        free(lex->actors[i].type);
        free_strings(lex->actors[i].members, lex->actors[i].n_members);
        free(lex->actors[i].terms);
    }
    free(lex->actors);
    for (size_t i = 0; i < lex->n_people; i++) {
        free(lex->people[i].name);
        for (size_t k = 0; k < lex->people[i].n_offices; k++)
            free(lex->people[i].offices[k].role);
        free(lex->people[i].offices);
    }
    free(lex->people);
    free_strings(lex->roles, lex->n_roles);
    for (size_t i = 0; i < lex->n_groups; i++) {
        free(lex->groups[i].name);
        free(lex->groups[i].members);
    }
    free(lex->groups);
    free_strings(lex->sources, lex->n_sources);
    for (size_t i = 0; i < lex->n_cues; i++)
        free(lex->cues[i].text);
    free(lex->cues);
    free(lex->hedges);
    for (size_t i = 0; i < lex->n_topics; i++) {
        free(lex->topics[i].id);
        free(lex->topics[i].label);
        free(lex->topics[i].body);
        free(lex->topics[i].rule);
        free(lex->topics[i].act_name);
    }
    free(lex->topics);
    free(lex->actor_ix.slots);
    free(lex->topic_ix.slots);
    for (size_t i = 0; i < lex->n_acts; i++) {
        sg_act_entry *a = &lex->acts[i];
        free(a->id);
        free_strings(a->verbs, a->n_verbs);
        free_strings(a->nominal, a->n_nominal);
        free_strings(a->objects, a->n_objects);
        free_strings(a->undo, a->n_undo);
        free_strings(a->undo_verbs, a->n_undo_verbs);
    }
    free(lex->acts);
    for (size_t i = 0; i < lex->n_irregular; i++)
        free_strings(lex->irregular[i].items, lex->irregular[i].n);
    free(lex->irregular);
    for (int i = 0; i < SG_WL_COUNT; i++)
        free_strings(lex->wordlists[i].items, lex->wordlists[i].n);
    for (size_t i = 0; i < lex->n_requires; i++)
        free_strings(lex->requires[i].items, lex->requires[i].n);
    free(lex->requires);
    sg_lexicon__free_decision_data(lex);
    sg_lexicon__free_pending(lex);
    free(lex->nodes);
    free(lex->meanings);
    free(lex->slots);
    free(lex->vslots);
    free(lex->vocab_lists);
    free(lex->vocab_off);
    free(lex->root_child);
    free(lex->tokpool);
    free(lex);
}

/* ---- id lookup: hashed, so that loading N actors costs O(N), not O(N^2) ---------- */

static size_t id_hash(const char *s)
{
    size_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* The index of id among ids(i), or -1. */
static int id_find(const sg_id_index *ix, const char *id, const char *(*key)(const sg_lexicon *, int),
                   const sg_lexicon *lex)
{
    if (ix->cap == 0)
        return -1;
    for (size_t h = id_hash(id) & (ix->cap - 1);; h = (h + 1) & (ix->cap - 1)) {
        int v = ix->slots[h];
        if (v == 0)
            return -1;
        if (strcmp(key(lex, v - 1), id) == 0)
            return v - 1;
    }
}

static void id_put(sg_id_index *ix, const char *id, int idx)
{
    size_t h = id_hash(id) & (ix->cap - 1);
    while (ix->slots[h] != 0)
        h = (h + 1) & (ix->cap - 1);
    ix->slots[h] = idx + 1;
}

/* Record that entry idx has id (not already present); grows at half full. */
static sg_status id_add(sg_id_index *ix, const char *id, int idx,
                        const char *(*key)(const sg_lexicon *, int), const sg_lexicon *lex)
{
    if (2 * (ix->n + 1) > ix->cap) {
        size_t cap = ix->cap ? 2 * ix->cap : 64;
        int *old = ix->slots;
        size_t old_cap = ix->cap;
        ix->slots = calloc(cap, sizeof(int));
        if (ix->slots == NULL) {
            ix->slots = old;
            return SG_ENOMEM;
        }
        ix->cap = cap;
        for (size_t i = 0; i < old_cap; i++)
            if (old[i] != 0)
                id_put(ix, key(lex, old[i] - 1), old[i] - 1);
        free(old);
    }
    id_put(ix, id, idx);
    ix->n++;
    return SG_OK;
}

static const char *actor_key(const sg_lexicon *lex, int i)
{
    return lex->actors[i].id;
}

static const char *topic_key(const sg_lexicon *lex, int i)
{
    return lex->topics[i].id;
}

int sg_lexicon__actor_index(const sg_lexicon *lex, const char *id)
{
    return id_find(&lex->actor_ix, id, actor_key, lex);
}

int sg_lexicon__topic_index(const sg_lexicon *lex, const char *id)
{
    return id_find(&lex->topic_ix, id, topic_key, lex);
}

/* ---- parsing helpers ---------------------------------------------------------- */

typedef struct load_ctx {
    sg_lexicon *lex;
    const char *name;
    sg_error *err;
    const char *json;  /* the document's text, to find the line of a bad entry */
    size_t len;
} load_ctx;

/* Line (1-based) where element `index` of the top-level array `section` starts in json;
 * 0 when it cannot be found. cJSON keeps no positions, so this scans the text once,
 * tracking strings and nesting. */
static long entry_line(const char *json, size_t len, const char *section, size_t index)
{
    size_t klen = strlen(section), count = 0;
    long line = 1;
    int depth = 0, in_str = 0, in_section = 0, at_key = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = json[i];
        if (ch == '\n')
            line++;
        if (in_str) {
            if (ch == '\\')
                i++;
            else if (ch == '"')
                in_str = 0;
            continue;
        }
        if (ch == '"') {
            at_key = depth == 1 && i + klen + 1 < len && memcmp(json + i + 1, section, klen) == 0 &&
                     json[i + klen + 1] == '"';
            in_str = 1;
            if (!(in_section && depth == 2))
                continue;
        }
        if (ch == '[' && depth == 1 && at_key)
            in_section = 1, at_key = 0;
        if (in_section && depth == 2 && ch != ',' && ch != ']' && ch != ' ' && ch != '\n' &&
            ch != '\r' && ch != '\t') {
            if (count == index)
                return line;
            count++;
        }
        if (ch == '{' || ch == '[')
            depth++;
        else if (ch == '}' || ch == ']') {
            depth--;
            if (in_section && depth == 1)
                return 0;
        }
    }
    return 0;
}

static sg_status bad(load_ctx *c, const char *section, size_t index, const char *what)
{
    long line = c->json ? entry_line(c->json, c->len, section, index) : 0;
    return sg_error_set(c->err, SG_EINPUT, c->name, line, "%s[%zu]: %s", section, index, what);
}

static sg_status nomem(load_ctx *c)
{
    return sg_error_set(c->err, SG_ENOMEM, c->name, 0, "out of memory");
}

static const char *get_str(const cJSON *obj, const char *key)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(it) && it->valuestring[0] ? it->valuestring : NULL;
}

/* Add each string of array (or a single string) as a phrase with meaning m. Items may be
 * objects {"text":..., "requires":[...]} when allow_requires. */
static sg_status add_phrases(load_ctx *c, const cJSON *arr, sg_phrase_kind kind, int data,
                             int data2, int allow_requires, const char *section, size_t idx)
{
    if (arr == NULL)
        return SG_OK;
    if (cJSON_IsString(arr))
        return sg_lexicon__add_phrase(c->lex, arr->valuestring, kind, data, data2, -1)
                   ? nomem(c) : SG_OK;
    if (!cJSON_IsArray(arr))
        return bad(c, section, idx, "expected an array of strings");
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        const char *text = NULL;
        int req = -1;
        if (cJSON_IsString(it)) {
            text = it->valuestring;
        } else if (allow_requires && cJSON_IsObject(it) && get_str(it, "text")) {
            text = get_str(it, "text");
            const cJSON *r = cJSON_GetObjectItemCaseSensitive(it, "requires");
            if (cJSON_IsArray(r) && cJSON_GetArraySize(r) > 0) {
                if (GROW(c->lex, requires, n_requires, cap_requires))
                    return nomem(c);
                sg_string_list *l = &c->lex->requires[c->lex->n_requires];
                l->n = 0;
                l->items = calloc((size_t)cJSON_GetArraySize(r), sizeof(char *));
                if (l->items == NULL)
                    return nomem(c);
                c->lex->n_requires++;
                const cJSON *q;
                cJSON_ArrayForEach(q, r) {
                    if (!cJSON_IsString(q))
                        return bad(c, section, idx, "\"requires\" must list strings");
                    if ((l->items[l->n++] = strdup(q->valuestring)) == NULL)
                        return nomem(c);
                }
                req = (int)c->lex->n_requires - 1;
            }
        } else {
            return bad(c, section, idx, "aliases must be strings");
        }
        if (text[0] == '\0')
            continue;
        if (sg_lexicon__add_phrase(c->lex, text, kind, data, data2, req))
            return nomem(c);
    }
    return SG_OK;
}

static int valid_date(const char *s);

/* One entry of an organisation's "members": an actor id, or {"id","from","to","veto"}
 * (dates of the membership term, inclusive; veto: its opposition alone stops a decision). */
static sg_status add_member(load_ctx *c, sg_actor_entry *e, const cJSON *m, size_t i)
{
    const char *id = cJSON_IsString(m) ? m->valuestring : get_str(m, "id");
    const char *from = cJSON_IsObject(m) ? get_str(m, "from") : NULL;
    const char *to = cJSON_IsObject(m) ? get_str(m, "to") : NULL;
    const cJSON *veto = cJSON_IsObject(m) ? cJSON_GetObjectItemCaseSensitive(m, "veto") : NULL;
    if (id == NULL)
        return bad(c, "actors", i, "each of \"members\" must be an actor id or {\"id\", "
                                   "\"from\", \"to\", \"veto\"}");
    if ((from && !valid_date(from)) || (to && !valid_date(to)) ||
        (from && to && strcmp(from, to) > 0))
        return bad(c, "actors", i, "a member's \"from\"/\"to\" must be YYYY-MM-DD, from <= to");
    if (veto && !cJSON_IsBool(veto))
        return bad(c, "actors", i, "a member's \"veto\" must be true or false");
    char **p = realloc(e->members, (e->n_members + 1) * sizeof(char *));
    if (p == NULL)
        return nomem(c);
    e->members = p;
    sg_member_term *t = realloc(e->terms, (e->n_members + 1) * sizeof(sg_member_term));
    if (t == NULL)
        return nomem(c);
    e->terms = t;
    memset(&t[e->n_members], 0, sizeof(*t));
    snprintf(t[e->n_members].from, sizeof(t->from), "%s", from ? from : "");
    snprintf(t[e->n_members].to, sizeof(t->to), "%s", to ? to : "");
    t[e->n_members].veto = cJSON_IsTrue(veto);
    if ((e->members[e->n_members] = strdup(id)) == NULL)
        return nomem(c);
    e->n_members++;
    return SG_OK;
}

static sg_status load_actors(load_ctx *c, const cJSON *arr)
{
    const cJSON *a;
    size_t i = 0;
    cJSON_ArrayForEach(a, arr) {
        const char *id = get_str(a, "id");
        if (!cJSON_IsObject(a) || id == NULL)
            return bad(c, "actors", i, "an actor needs a string \"id\"");
        int idx = sg_lexicon__actor_index(c->lex, id);
        if (idx < 0) {
            if (GROW(c->lex, actors, n_actors, cap_actors))
                return nomem(c);
            sg_actor_entry *e = &c->lex->actors[c->lex->n_actors];
            memset(e, 0, sizeof(*e));
            idx = (int)c->lex->n_actors++; /* counted first: sg_lexicon_free frees it */
            e->id = strdup(id);
            const char *type = get_str(a, "type");
            e->type = strdup(type ? type : "country");
            if (e->id == NULL || e->type == NULL)
                return nomem(c);
            if (id_add(&c->lex->actor_ix, e->id, idx, actor_key, c->lex) != SG_OK ||
                sg_lexicon__add_phrase(c->lex, id, SG_P_ACTOR, idx, 0, -1))
                return nomem(c);
        }
        sg_actor_entry *e = &c->lex->actors[idx];
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(a, "joint")))
            e->joint = 1;
        const cJSON *members = cJSON_GetObjectItemCaseSensitive(a, "members");
        if (members != NULL) {
            if (!cJSON_IsArray(members))
                return bad(c, "actors", i, "\"members\" must be an array of actor ids");
            const cJSON *m;
            cJSON_ArrayForEach(m, members) {
                sg_status mrc = add_member(c, e, m, i);
                if (mrc != SG_OK)
                    return mrc;
            }
        }
        sg_status rc;
        if ((rc = add_phrases(c, cJSON_GetObjectItemCaseSensitive(a, "aliases"), SG_P_ACTOR,
                              idx, 0, 1, "actors", i)) != SG_OK ||
            (rc = add_phrases(c, cJSON_GetObjectItemCaseSensitive(a, "metonyms"), SG_P_ACTOR,
                              idx, 0, 1, "actors", i)) != SG_OK ||
            (rc = add_phrases(c, cJSON_GetObjectItemCaseSensitive(a, "demonyms"), SG_P_DEMONYM,
                              idx, 0, 0, "actors", i)) != SG_OK)
            return rc;
        i++;
    }
    return SG_OK;
}

static int valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    return 1;
}

/* Offices refer to actors by id; they are resolved to indexes in finish (actor_ref). */
static sg_status load_people(load_ctx *c, const cJSON *arr)
{
    const cJSON *p;
    size_t i = 0;
    cJSON_ArrayForEach(p, arr) {
        const char *name = get_str(p, "name");
        const cJSON *offices = cJSON_GetObjectItemCaseSensitive(p, "offices");
        if (!cJSON_IsObject(p) || name == NULL)
            return bad(c, "people", i, "a person needs a string \"name\"");
        if (!cJSON_IsArray(offices) || cJSON_GetArraySize(offices) == 0)
            return bad(c, "people", i, "a person needs a non-empty \"offices\" array");
        if (GROW(c->lex, people, n_people, cap_people))
            return nomem(c);
        sg_person_entry *e = &c->lex->people[c->lex->n_people];
        memset(e, 0, sizeof(*e));
        e->name = strdup(name);
        const char *g = get_str(p, "gender");
        e->gender = g ? g[0] : '?';
        e->offices = calloc((size_t)cJSON_GetArraySize(offices), sizeof(sg_office));
        if (e->name == NULL || e->offices == NULL) {
            free(e->name);
            free(e->offices);
            return nomem(c);
        }
        int idx = (int)c->lex->n_people++;
        const cJSON *o;
        cJSON_ArrayForEach(o, offices) {
            const char *actor = get_str(o, "actor");
            const char *from = get_str(o, "from"), *to = get_str(o, "to");
            if (actor == NULL)
                return bad(c, "people", i, "an office needs an \"actor\"");
            if ((from && !valid_date(from)) || (to && !valid_date(to)))
                return bad(c, "people", i, "office dates must be YYYY-MM-DD");
            sg_office *of = &e->offices[e->n_offices++];
            of->actor = -1;
            const char *role = get_str(o, "role");
            of->role = strdup(role ? role : "");
            if (of->role == NULL)
                return nomem(c);
            snprintf(of->from, sizeof(of->from), "%s", from ? from : "");
            snprintf(of->to, sizeof(of->to), "%s", to ? to : "");
            if (sg_lexicon__add_actor_ref(c->lex, idx, (int)e->n_offices - 1, actor, c->name))
                return nomem(c);
        }
        sg_status rc;
        if (sg_lexicon__add_phrase(c->lex, name, SG_P_PERSON, idx, 0, -1))
            return nomem(c);
        if ((rc = add_phrases(c, cJSON_GetObjectItemCaseSensitive(p, "aliases"), SG_P_PERSON,
                              idx, 0, 0, "people", i)) != SG_OK)
            return rc;
        i++;
    }
    return SG_OK;
}

static sg_status load_named_list(load_ctx *c, const cJSON *arr, const char *section,
                                 sg_phrase_kind kind)
{
    const cJSON *e;
    size_t i = 0;
    cJSON_ArrayForEach(e, arr) {
        const cJSON *names = cJSON_GetObjectItemCaseSensitive(e, kind == SG_P_ROLE ? "titles" : "aliases");
        const char *id = get_str(e, kind == SG_P_ROLE ? "role" : "id");
        /* without an id the first alias or title names the entry: it must exist */
        if (!cJSON_IsObject(e) || (id == NULL && !cJSON_IsString(cJSON_GetArrayItem(names, 0))))
            return bad(c, section, i, kind == SG_P_ROLE ? "a role needs \"role\" and \"titles\""
                                                        : "a source needs \"id\" and \"aliases\"");
        char ***arrp = kind == SG_P_ROLE ? &c->lex->roles : &c->lex->sources;
        size_t *np = kind == SG_P_ROLE ? &c->lex->n_roles : &c->lex->n_sources;
        size_t *capp = kind == SG_P_ROLE ? &c->lex->cap_roles : &c->lex->cap_sources;
        if (grow((void **)arrp, capp, *np + 1, sizeof(char *)))
            return nomem(c);
        const char *label = id ? id : cJSON_GetArrayItem(names, 0)->valuestring;
        if (((*arrp)[*np] = strdup(label ? label : "")) == NULL)
            return nomem(c);
        int idx = (int)(*np)++;
        sg_status rc;
        if (id && kind == SG_P_SOURCE && sg_lexicon__add_phrase(c->lex, id, kind, idx, 0, -1))
            return nomem(c);
        if ((rc = add_phrases(c, names, kind, idx, 0, 0, section, i)) != SG_OK)
            return rc;
        i++;
    }
    return SG_OK;
}

static sg_status load_groups(load_ctx *c, const cJSON *arr)
{
    const cJSON *g;
    size_t i = 0;
    cJSON_ArrayForEach(g, arr) {
        const cJSON *aliases = cJSON_GetObjectItemCaseSensitive(g, "aliases");
        const cJSON *members = cJSON_GetObjectItemCaseSensitive(g, "members");
        if (!cJSON_IsArray(aliases) || !cJSON_IsArray(members) || cJSON_GetArraySize(members) == 0 ||
            !cJSON_IsString(cJSON_GetArrayItem(aliases, 0)))
            return bad(c, "groups", i, "a group needs \"aliases\" and non-empty \"members\"");
        if (cJSON_GetArraySize(members) > SG_MAX_GROUP_MEMBERS)
            return bad(c, "groups", i, "a group has at most 32 \"members\"");
        if (GROW(c->lex, groups, n_groups, cap_groups))
            return nomem(c);
        sg_group_entry *e = &c->lex->groups[c->lex->n_groups];
        memset(e, 0, sizeof(*e));
        e->name = strdup(cJSON_GetArrayItem(aliases, 0)->valuestring);
        e->members = malloc((size_t)cJSON_GetArraySize(members) * sizeof(int));
        if (e->name == NULL || e->members == NULL) {
            free(e->name);
            free(e->members);
            return nomem(c);
        }
        int idx = (int)c->lex->n_groups++;
        const cJSON *m;
        cJSON_ArrayForEach(m, members) {
            if (!cJSON_IsString(m))
                return bad(c, "groups", i, "members must be actor ids");
            e->members[e->n_members] = -1;
            if (sg_lexicon__add_group_ref(c->lex, idx, (int)e->n_members, m->valuestring, c->name))
                return nomem(c);
            e->n_members++;
        }
        sg_status rc = add_phrases(c, aliases, SG_P_GROUP, idx, 0, 0, "groups", i);
        if (rc != SG_OK)
            return rc;
        i++;
    }
    return SG_OK;
}

static sg_status load_cues(load_ctx *c, const cJSON *arr)
{
    const cJSON *q;
    size_t i = 0;
    cJSON_ArrayForEach(q, arr) {
        const cJSON *forms = cJSON_GetObjectItemCaseSensitive(q, "forms");
        const cJSON *pol = cJSON_GetObjectItemCaseSensitive(q, "polarity");
        const cJSON *str = cJSON_GetObjectItemCaseSensitive(q, "strength");
        const char *kind = get_str(q, "kind");
        if (!cJSON_IsArray(forms) || cJSON_GetArraySize(forms) == 0 ||
            !cJSON_IsString(cJSON_GetArrayItem(forms, 0)))
            return bad(c, "cues", i, "a cue needs a non-empty \"forms\" array");
        long polarity = 2;
        if (!cJSON_IsNumber(pol) || !sg_num_to_long(pol->valuedouble, -1, 1, &polarity))
            return bad(c, "cues", i, "\"polarity\" must be 1, -1 or 0");
        if (str != NULL && (!cJSON_IsNumber(str) || str->valuedouble <= 0 || str->valuedouble > 1))
            return bad(c, "cues", i, "\"strength\" must be a number in (0,1]");
        if (GROW(c->lex, cues, n_cues, cap_cues))
            return nomem(c);
        sg_cue_entry *e = &c->lex->cues[c->lex->n_cues];
        memset(e, 0, sizeof(*e));
        e->text = strdup(cJSON_GetArrayItem(forms, 0)->valuestring);
        if (e->text == NULL)
            return nomem(c);
        e->polarity = (int)polarity;
        e->strength = str ? str->valuedouble : 1.0;
        e->kind = 'v';
        if (kind) {
            if (strcmp(kind, "noun") == 0) e->kind = 'n';
            else if (strcmp(kind, "adj") == 0) e->kind = 'a';
            else if (strcmp(kind, "phrase") == 0) e->kind = 'p';
            else if (strcmp(kind, "agent") == 0) e->kind = 'g';
            else if (strcmp(kind, "effect") == 0) e->kind = 'e';
            else if (strcmp(kind, "proform") == 0) e->kind = 'r';
            else if (strcmp(kind, "verb") != 0) {
                free(e->text);
                return bad(c, "cues", i, "\"kind\" must be verb, noun, adj, phrase, agent, effect or proform");
            }
        }
        e->block = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(q, "block"));
        e->aligns = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(q, "aligns"));
        e->of_text = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(q, "of_text"));
        e->self = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(q, "self"));
        e->topic = -1;
        int idx = (int)c->lex->n_cues++;
        sg_status rc = add_phrases(c, forms, SG_P_CUE, idx, 0, 0, "cues", i);
        if (rc != SG_OK)
            return rc;
        i++;
    }
    return SG_OK;
}

static sg_status load_hedges(load_ctx *c, const cJSON *arr)
{
    const cJSON *h;
    size_t i = 0;
    cJSON_ArrayForEach(h, arr) {
        const cJSON *forms = cJSON_GetObjectItemCaseSensitive(h, "forms");
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(h, "factor");
        if (!cJSON_IsArray(forms) || !cJSON_IsNumber(f) || f->valuedouble <= 0 || f->valuedouble > 1)
            return bad(c, "hedges", i, "a hedge needs \"forms\" and a \"factor\" in (0,1]");
        if (GROW(c->lex, hedges, n_hedges, cap_hedges))
            return nomem(c);
        c->lex->hedges[c->lex->n_hedges] = f->valuedouble;
        int idx = (int)c->lex->n_hedges++;
        sg_status rc = add_phrases(c, forms, SG_P_HEDGE, idx, 0, 0, "hedges", i);
        if (rc != SG_OK)
            return rc;
        i++;
    }
    return SG_OK;
}

static sg_status load_pronouns(load_ctx *c, const cJSON *arr)
{
    static const char *const classes[] = {"person_m", "person_f", "actor", "plural", "speaker",
                                          "named_plural"};
    const cJSON *p;
    size_t i = 0;
    cJSON_ArrayForEach(p, arr) {
        const char *refers = get_str(p, "refers");
        int cls = -1;
        for (int k = 0; refers && k < 6; k++)
            if (strcmp(refers, classes[k]) == 0)
                cls = k;
        if (cls < 0)
            return bad(c, "pronouns", i, "\"refers\" must be person_m, person_f, actor, plural, named_plural or speaker");
        sg_status rc = add_phrases(c, cJSON_GetObjectItemCaseSensitive(p, "forms"), SG_P_PRONOUN,
                                   cls, 0, 0, "pronouns", i);
        if (rc != SG_OK)
            return rc;
        i++;
    }
    return SG_OK;
}

/* A JSON array of non-empty strings as a lower-case string array (NULL: none). */
static sg_status string_array(load_ctx *c, const cJSON *arr, char ***out, size_t *n,
                              const char *section, size_t idx)
{
    *out = NULL;
    *n = 0;
    if (arr == NULL)
        return SG_OK;
    if (!cJSON_IsArray(arr))
        return bad(c, section, idx, "expected an array of strings");
    *out = calloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(char *));
    if (*out == NULL)
        return nomem(c);
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        if (!cJSON_IsString(it) || it->valuestring[0] == '\0')
            return bad(c, section, idx, "expected an array of non-empty strings");
        char *w = strdup(it->valuestring);
        if (w == NULL)
            return nomem(c);
        for (char *q = w; *q; q++)
            *q = (char)tolower((unsigned char)*q);
        (*out)[(*n)++] = w;
    }
    return SG_OK;
}

/* One act class: {"id","verbs","nominalisations","objects","undo","undo_verbs","self"}. */
static sg_status load_act(load_ctx *c, const cJSON *a, const char *id, const char *section,
                          size_t i, int *index)
{
    if (GROW(c->lex, acts, n_acts, cap_acts))
        return nomem(c);
    sg_act_entry *e = &c->lex->acts[c->lex->n_acts++];
    memset(e, 0, sizeof(*e));
    if ((e->id = strdup(id)) == NULL)
        return nomem(c);
    sg_status rc;
    if ((rc = string_array(c, cJSON_GetObjectItemCaseSensitive(a, "verbs"), &e->verbs,
                           &e->n_verbs, section, i)) != SG_OK ||
        (rc = string_array(c, cJSON_GetObjectItemCaseSensitive(a, "nominalisations"),
                           &e->nominal, &e->n_nominal, section, i)) != SG_OK ||
        (rc = string_array(c, cJSON_GetObjectItemCaseSensitive(a, "objects"), &e->objects,
                           &e->n_objects, section, i)) != SG_OK ||
        (rc = string_array(c, cJSON_GetObjectItemCaseSensitive(a, "undo"), &e->undo,
                           &e->n_undo, section, i)) != SG_OK ||
        (rc = string_array(c, cJSON_GetObjectItemCaseSensitive(a, "undo_verbs"), &e->undo_verbs,
                           &e->n_undo_verbs, section, i)) != SG_OK)
        return rc;
    if (e->n_verbs + e->n_nominal + e->n_objects + e->n_undo == 0)
        return bad(c, section, i, "an act needs \"verbs\", \"nominalisations\", \"objects\" or \"undo\"");
    e->self = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(a, "self"));
    e->fallback = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(a, "fallback"));
    e->inverse = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(a, "inverse"));
    *index = (int)c->lex->n_acts - 1;
    return SG_OK;
}

static sg_status load_acts(load_ctx *c, const cJSON *arr)
{
    const cJSON *a;
    size_t i = 0;
    cJSON_ArrayForEach(a, arr) {
        const char *id = get_str(a, "id");
        if (!cJSON_IsObject(a) || id == NULL)
            return bad(c, "acts", i, "an act needs a string \"id\"");
        if (sg_lexicon__act_index(c->lex, id) >= 0)
            return bad(c, "acts", i, "duplicate act id");
        int idx;
        sg_status rc = load_act(c, a, id, "acts", i, &idx);
        if (rc != SG_OK)
            return rc;
        i++;
    }
    return SG_OK;
}

static const char *const wordlist_names[SG_WL_COUNT] = {
    "act_carriers", "plural_heads", "member_markers", "determiners", "list_glue", "prepositions", "list_conjunctions", "name_particles", "relative_pronouns", "passive_auxiliaries", "noun_prepositions", "agent_copulas", "auxiliaries", "subject_conjunctions", "inverted_copulas", "nominal_determiners", "attitude_verbs", "subordinators", "clause_conjunctions", "conditional_conjunctions", "concessive_adverbs", "concessive_partners", "exclusive_adverbs", "object_prepositions", "object_pronouns", "adverbial_conjunctions", "noun_complements", "modals", "passive_forms", "be_forms", "performer_determiners", "relation_prepositions", "adjective_complements", "object_determiners", "vehicle_nouns", "member_verbs", "relative_heads", "companion_verbs", "complement_prepositions", "governed_fillers", "function_words", "possessive_determiners", "phrase_continuations", "experiencer_adjectives", "people_heads", "concessive_prepositions", "votes_for", "votes_against", "votes_abstain", "deontic_modals", "event_nouns", "prohibition_nouns", "collective_heads", "credit_verbs", "ditransitive_verbs", "discussion_prepositions", "leader_participles", "performing_verbs"};

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "wordlists": [{"id":"act_carriers","words":[...]}, ...]; a later file adds words. */
static sg_status load_wordlists(load_ctx *c, const cJSON *arr)
{
    const cJSON *w;
    size_t i = 0;
    cJSON_ArrayForEach(w, arr) {
        const char *id = get_str(w, "id");
        int l = -1;
        for (int k = 0; id && k < SG_WL_COUNT; k++)
            if (strcmp(id, wordlist_names[k]) == 0)
                l = k;
        if (l < 0)
            return bad(c, "wordlists", i, "unknown word list (see docs/lexicon.md)");
        char **words;
        size_t n;
        sg_status rc = string_array(c, cJSON_GetObjectItemCaseSensitive(w, "words"), &words, &n,
                                    "wordlists", i);
        if (rc != SG_OK) {
            free_strings(words, n);
            return rc;
        }
        sg_string_list *dst = &c->lex->wordlists[l];
        char **all = realloc(dst->items, (dst->n + n + 1) * sizeof(char *));
        if (all == NULL) {
            free_strings(words, n);
            return nomem(c);
        }
        memcpy(all + dst->n, words, n * sizeof(char *));
        free(words);
        dst->items = all;
        dst->n += n;
        qsort(dst->items, dst->n, sizeof(char *), cmp_cstr);
        i++;
    }
    return SG_OK;
}

int sg_lexicon__word_in(const sg_lexicon *lex, sg_wordlist l, const char *w)
{
    if (lex->finished) /* every word-list word is in the vocabulary with its lists */
        return (int)(sg_lexicon__word_lists(lex, sg_lexicon__word_id(lex, w)) >> l & 1);
    const sg_string_list *s = &lex->wordlists[l];
    return s->n > 0 && bsearch(&w, s->items, s->n, sizeof(char *), cmp_cstr) != NULL;
}

/* "irregular_verbs": [["withdraw","withdrew","withdrawn"], ...] */
static sg_status load_irregular(load_ctx *c, const cJSON *arr)
{
    const cJSON *v;
    size_t i = 0;
    cJSON_ArrayForEach(v, arr) {
        if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) != 3)
            return bad(c, "irregular_verbs", i, "an irregular verb is [base, past, participle]");
        if (GROW(c->lex, irregular, n_irregular, cap_irregular))
            return nomem(c);
        sg_string_list *l = &c->lex->irregular[c->lex->n_irregular++];
        sg_status rc = string_array(c, v, &l->items, &l->n, "irregular_verbs", i);
        if (rc != SG_OK)
            return rc;
        i++;
    }
    return SG_OK;
}

static sg_status load_topics(load_ctx *c, const cJSON *arr)
{
    const cJSON *t;
    size_t i = 0;
    cJSON_ArrayForEach(t, arr) {
        const char *id = get_str(t, "id");
        const cJSON *terms = cJSON_GetObjectItemCaseSensitive(t, "terms");
        if (!cJSON_IsObject(t) || id == NULL)
            return bad(c, "topics", i, "a topic needs a string \"id\"");
        if (!cJSON_IsArray(terms) || cJSON_GetArraySize(terms) == 0)
            return bad(c, "topics", i, "\"terms\" must be a non-empty list of term groups");
        int prev = sg_lexicon__topic_index(c->lex, id);
        if (prev >= 0 && !(c->lex->overlay && !c->lex->topics[prev].overlay))
            return bad(c, "topics", i, "duplicate topic id");
        sg_topic_entry *e;
        if (prev >= 0) { /* a --topics file redefines a built-in topic: its entry wins */
            if (GROW(c->lex, overridden, n_overridden, cap_overridden) ||
                (c->lex->overridden[c->lex->n_overridden] = strdup(id)) == NULL)
                return nomem(c);
            c->lex->n_overridden++;
            sg_lexicon__drop_topic_phrases(c->lex, prev);
            e = &c->lex->topics[prev];
            free(e->id);
            free(e->label);
            free(e->body);
            free(e->rule);
            free(e->act_name);
        } else {
            if (GROW(c->lex, topics, n_topics, cap_topics))
                return nomem(c);
            e = &c->lex->topics[c->lex->n_topics];
        }
        memset(e, 0, sizeof(*e));
        e->overlay = c->lex->overlay;
        const char *label = get_str(t, "label");
        e->id = strdup(id);
        e->label = strdup(label ? label : id);
        const cJSON *dec = cJSON_GetObjectItemCaseSensitive(t, "decision");
        if (dec != NULL && (!cJSON_IsObject(dec) || get_str(dec, "body") == NULL)) {
            free(e->id);
            free(e->label);
            e->id = e->label = NULL;
            if (prev >= 0)
                e->id = strdup(id), e->label = strdup(id);
            return bad(c, "topics", i, "\"decision\" needs a \"body\" actor id");
        }
        if (dec) {
            const char *rule = get_str(dec, "rule");
            if (rule && !sg_lexicon_rule_known(rule)) {
                char msg[256];
                snprintf(msg, sizeof(msg), "unknown decision rule \"%.40s\" (known: %s)", rule,
                         sg_lexicon_rule_names());
                free(e->id);
                free(e->label);
                e->id = e->label = NULL;
                if (prev >= 0) /* keep the table consistent for sg_lexicon_free */
                    e->id = strdup(id), e->label = strdup(id);
                return bad(c, "topics", i, msg);
            }
            e->body = strdup(get_str(dec, "body"));
            e->rule = strdup(rule ? rule : "unanimity");
        }
        int idx = prev >= 0 ? prev : (int)c->lex->n_topics++;
        if (e->id == NULL || e->label == NULL || (dec && (e->body == NULL || e->rule == NULL)) ||
            (prev < 0 && id_add(&c->lex->topic_ix, e->id, idx, topic_key, c->lex) != SG_OK))
            return nomem(c);
        const cJSON *g;
        int gi = 0;
        cJSON_ArrayForEach(g, terms) {
            /* the extractor keeps one bit per group in a 32-bit mask (bit 31: anaphor) */
            if (gi == SG_MAX_TERM_GROUPS)
                return bad(c, "topics", i, "a topic has at most 31 groups of \"terms\"");
            if (!cJSON_IsArray(g) || cJSON_GetArraySize(g) == 0)
                return bad(c, "topics", i, "each group of \"terms\" must be a non-empty array of strings");
            sg_status rc = add_phrases(c, g, SG_P_TOPIC_TERM, idx, gi, 0, "topics", i);
            if (rc != SG_OK)
                return rc;
            gi++;
        }
        e->n_groups = (size_t)gi;
        e->act = -1;
        e->act_group = -1;
        e->act_object_group = -1;
        const cJSON *act = cJSON_GetObjectItemCaseSensitive(t, "act");
        const cJSON *undone = cJSON_GetObjectItemCaseSensitive(t, "act_undone");
        if (undone != NULL && !cJSON_IsBool(undone))
            return bad(c, "topics", i, "\"act_undone\" must be true or false");
        if (undone != NULL && act == NULL)
            return bad(c, "topics", i, "\"act_undone\" needs an \"act\"");
        e->act_undone = cJSON_IsTrue(undone);
        if (cJSON_IsString(act)) {
            if ((e->act_name = strdup(act->valuestring)) == NULL)
                return nomem(c);
        } else if (cJSON_IsObject(act)) {
            int a;
            sg_status rc = load_act(c, act, id, "topics", i, &a);
            if (rc != SG_OK)
                return rc;
            c->lex->topics[idx].act = a;
        } else if (act != NULL) {
            return bad(c, "topics", i, "\"act\" must be an act id or an object");
        }
        sg_status rc = add_phrases(c, cJSON_GetObjectItemCaseSensitive(t, "anaphors"), SG_P_ANAPHOR,
                                   idx, 0, 0, "topics", i);
        if (rc != SG_OK)
            return rc;
        i++;
    }
    return SG_OK;
}

typedef struct simple_section {
    const char *name;
    sg_phrase_kind kind;
} simple_section;

static const simple_section simple_sections[] = {
    {"negators", SG_P_NEGATOR},     {"conditionals", SG_P_CONDITIONAL},
    {"deferrals", SG_P_DEFERRAL},   {"speech", SG_P_SPEECH},
    {"reporting", SG_P_REPORTING},  {"anaphors", SG_P_ANAPHOR},
    {"source_anaphors", SG_P_SOURCE_ANAPHOR}, {"irrealis", SG_P_IRREALIS},
    {"companions", SG_P_COMPANION}};

static const char *const known_sections[] = {
    "actors", "people", "roles", "groups", "sources", "cues", "hedges", "pronouns", "topics",
    "negators", "conditionals", "deferrals", "speech", "reporting", "anaphors",
    "source_anaphors", "irrealis", "companions", "acts", "irregular_verbs", "wordlists", "population",
    "comment", "_comment", "description", "version", NULL};

sg_status sg_lexicon_add_json(sg_lexicon *lex, const char *json, size_t len, const char *name,
                              sg_error *err)
{
    if (lex->finished)
        return sg_error_set(err, SG_EUSAGE, name, 0, "the lexicon is already finished");
    size_t bad_at = 0;
    if (!sg_utf8_valid(json, len, &bad_at)) {
        long line = 1;
        for (size_t i = 0; i < bad_at; i++)
            line += json[i] == '\n';
        return sg_error_set(err, SG_EINPUT, name, line, "invalid UTF-8");
    }
    size_t at = 0;
    const char *problem = NULL;
    cJSON *root = NULL;
    sg_status prc = sg_json_parse_one(&root, json, len, &at, &problem);
    if (prc == SG_ENOMEM)
        return sg_error_set(err, SG_ENOMEM, name, 0, "out of memory");
    if (prc != SG_OK) {
        long line = 1;
        for (size_t i = 0; i < at && i < len; i++)
            line += json[i] == '\n';
        return sg_error_set(err, SG_EINPUT, name, line, "%s", problem);
    }
    load_ctx c = {lex, name, err, json, len};
    sg_status rc = SG_OK;
    if (!cJSON_IsObject(root)) {
        rc = sg_error_set(err, SG_EINPUT, name, 1, "a lexicon file must be a JSON object");
        goto done;
    }
    const cJSON *sec;
    cJSON_ArrayForEach(sec, root) {
        int known = 0;
        for (size_t k = 0; known_sections[k]; k++)
            known |= strcmp(sec->string, known_sections[k]) == 0;
        if (!known) {
            rc = sg_error_set(err, SG_EINPUT, name, 0, "unknown section \"%s\"", sec->string);
            goto done;
        }
        if (strcmp(sec->string, "comment") == 0 || strcmp(sec->string, "_comment") == 0 ||
            strcmp(sec->string, "description") == 0 || strcmp(sec->string, "version") == 0)
            continue;
        if (!cJSON_IsArray(sec)) {
            rc = sg_error_set(err, SG_EINPUT, name, 0, "section \"%s\" must be an array", sec->string);
            goto done;
        }
    }
#define SECTION(key) cJSON_GetObjectItemCaseSensitive(root, key)
    if ((rc = load_actors(&c, SECTION("actors"))) != SG_OK ||
        (rc = load_people(&c, SECTION("people"))) != SG_OK ||
        (rc = load_named_list(&c, SECTION("roles"), "roles", SG_P_ROLE)) != SG_OK ||
        (rc = load_named_list(&c, SECTION("sources"), "sources", SG_P_SOURCE)) != SG_OK ||
        (rc = load_groups(&c, SECTION("groups"))) != SG_OK ||
        (rc = load_cues(&c, SECTION("cues"))) != SG_OK ||
        (rc = load_hedges(&c, SECTION("hedges"))) != SG_OK ||
        (rc = load_pronouns(&c, SECTION("pronouns"))) != SG_OK ||
        (rc = load_acts(&c, SECTION("acts"))) != SG_OK ||
        (rc = load_irregular(&c, SECTION("irregular_verbs"))) != SG_OK ||
        (rc = load_wordlists(&c, SECTION("wordlists"))) != SG_OK ||
        (rc = load_topics(&c, SECTION("topics"))) != SG_OK ||
        (rc = sg_lexicon__load_population(lex, SECTION("population"), name, err)) != SG_OK)
        goto done;
    for (size_t k = 0; k < sizeof(simple_sections) / sizeof(simple_sections[0]); k++) {
        const cJSON *arr = SECTION(simple_sections[k].name);
        int data = simple_sections[k].kind == SG_P_ANAPHOR ? -1 : 0;
        if ((rc = add_phrases(&c, arr, simple_sections[k].kind, data, 0, 0,
                              simple_sections[k].name, 0)) != SG_OK)
            goto done;
    }
#undef SECTION
done:
    cJSON_Delete(root);
    return rc;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

sg_status sg_lexicon_add_path(sg_lexicon *lex, const char *path, sg_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return sg_error_set(err, SG_EIO, path, 0, "cannot open: %s", strerror(errno));
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (d == NULL)
            return sg_error_set(err, SG_EIO, path, 0, "cannot open directory: %s", strerror(errno));
        char **names = NULL;
        size_t n = 0, cap = 0;
        sg_status rc = SG_OK;
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (de->d_name[0] == '.' || !ends_with(de->d_name, ".json"))
                continue;
            if (grow((void **)&names, &cap, n + 1, sizeof(char *)) ||
                (names[n] = strdup(de->d_name)) == NULL) {
                rc = sg_error_set(err, SG_ENOMEM, path, 0, "out of memory");
                break;
            }
            n++;
        }
        closedir(d);
        if (rc == SG_OK && n == 0)
            rc = sg_error_set(err, SG_EINPUT, path, 0, "no *.json lexicon files in this directory");
        qsort(names, n, sizeof(char *), cmp_str);
        for (size_t i = 0; rc == SG_OK && i < n; i++) {
            size_t len = strlen(path) + strlen(names[i]) + 2;
            char *full = malloc(len);
            if (full == NULL) {
                rc = sg_error_set(err, SG_ENOMEM, path, 0, "out of memory");
                break;
            }
            snprintf(full, len, "%s/%s", path, names[i]);
            rc = sg_lexicon_add_path(lex, full, err);
            free(full);
        }
        free_strings(names, n);
        return rc;
    }
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return sg_error_set(err, SG_EIO, path, 0, "cannot open: %s", strerror(errno));
    size_t cap = (size_t)st.st_size + 1, len = 0;
    char *buf = malloc(cap);
    if (buf == NULL) {
        fclose(fp);
        return sg_error_set(err, SG_ENOMEM, path, 0, "out of memory");
    }
    len = fread(buf, 1, cap - 1, fp);
    int rerr = ferror(fp);
    fclose(fp);
    sg_status rc;
    if (rerr)
        rc = sg_error_set(err, SG_EIO, path, 0, "read error");
    else if (len == 0)
        rc = sg_error_set(err, SG_EINPUT, path, 0, "empty file");
    else
        rc = sg_lexicon_add_json(lex, buf, len, path, err);
    free(buf);
    return rc;
}

sg_status sg_lexicon_load(sg_lexicon **out, const char *path, const char *topics_path,
                          sg_error *err)
{
    *out = NULL;
    sg_lexicon *lex = NULL;
    sg_status rc = sg_lexicon_new(&lex, err);
    if (rc != SG_OK)
        return rc;
    if (path == NULL)
        path = sg_lexicon_default_path();
    if (path == NULL)
        rc = sg_error_set(err, SG_EIO, "data/lexicon", 0,
                          "default lexicon not found (set STANCEGRAPH_DATA or pass --lexicon)");
    if (rc == SG_OK)
        rc = sg_lexicon_add_path(lex, path, err);
    lex->overlay = 1; /* topics of the user's file replace built-in ones of the same id */
    if (rc == SG_OK && topics_path)
        rc = sg_lexicon_add_path(lex, topics_path, err);
    if (rc == SG_OK)
        rc = sg_lexicon_finish(lex, err);
    if (rc != SG_OK) {
        sg_lexicon_free(lex);
        return rc;
    }
    *out = lex;
    return SG_OK;
}

void sg_lexicon_stats_get(const sg_lexicon *lex, sg_lexicon_stats *out)
{
    out->actors = lex->n_actors;
    out->people = lex->n_people;
    out->roles = lex->n_roles;
    out->groups = lex->n_groups;
    out->sources = lex->n_sources;
    out->cues = lex->n_cues;
    out->topics = lex->n_topics;
    out->phrases = lex->n_meanings;
}

int sg_lexicon_has_topic(const sg_lexicon *lex, const char *topic_id)
{
    return sg_lexicon__topic_index(lex, topic_id) >= 0;
}

size_t sg_lexicon_topic_count(const sg_lexicon *lex)
{
    return lex->n_topics;
}

const char *sg_lexicon_topic_id(const sg_lexicon *lex, size_t i)
{
    return i < lex->n_topics ? lex->topics[i].id : NULL;
}

const char *sg_lexicon_topic_act(const sg_lexicon *lex, const char *topic_id, const char **how)
{
    int t = sg_lexicon__topic_index(lex, topic_id);
    if (how)
        *how = NULL;
    if (t < 0 || lex->topics[t].act < 0)
        return NULL;
    if (how)
        *how = !lex->topics[t].act_derived ? "named"
               : lex->acts[lex->topics[t].act].fallback ? "fallback"
               : lex->topics[t].act_group >= 0 ? "terms" : "label";
    return lex->acts[lex->topics[t].act].id;
}

int sg_lexicon_topic_act_undone(const sg_lexicon *lex, const char *topic_id)
{
    int t = sg_lexicon__topic_index(lex, topic_id);
    return t >= 0 && lex->topics[t].act >= 0 && lex->topics[t].act_undone;
}

const char *sg_lexicon_topic_label(const sg_lexicon *lex, const char *topic_id)
{
    int t = sg_lexicon__topic_index(lex, topic_id);
    return t < 0 ? NULL : lex->topics[t].label;
}

void sg_lexicon_topic_decision(const sg_lexicon *lex, const char *topic_id, const char **body,
                               const char **rule, const char *const **members, size_t *n_members)
{
    *body = *rule = NULL;
    *members = NULL;
    *n_members = 0;
    int t = sg_lexicon__topic_index(lex, topic_id);
    if (t < 0 || lex->topics[t].body == NULL)
        return;
    *body = lex->topics[t].body;
    *rule = lex->topics[t].rule;
    int a = sg_lexicon__actor_index(lex, *body);
    if (a >= 0) {
        *members = (const char *const *)lex->actors[a].members;
        *n_members = lex->actors[a].n_members;
    }
}

int sg_lexicon__person_actor(const sg_lexicon *lex, int person, const char *date,
                             const char **role, int strict)
{
    const sg_person_entry *p = &lex->people[person];
    int best = -1;
    /* an office valid on date; else the latest office that started before date; else the
     * earliest office. Without a date: the office held now (no end), else the latest. */
    for (size_t i = 0; i < p->n_offices; i++) {
        const sg_office *o = &p->offices[i];
        int started = !date || !o->from[0] || strcmp(o->from, date) <= 0;
        int not_ended = !o->to[0] || (date && strcmp(date, o->to) < 0);
        if (started && not_ended) {
            best = (int)i;
            break;
        }
    }
    if (best < 0 && strict && date)
        return -1;
    if (best < 0)
        for (size_t i = 0; i < p->n_offices; i++) {
            const sg_office *o = &p->offices[i];
            if (date && o->from[0] && strcmp(o->from, date) > 0)
                continue;
            if (best < 0 || strcmp(o->from, p->offices[best].from) > 0)
                best = (int)i;
        }
    if (best < 0 && date)
        return -1; /* no office yet on that date */
    if (best < 0)
        best = 0;
    if (role)
        *role = p->offices[best].role;
    return p->offices[best].actor;
}

const char *sg_lexicon_actor_lookup(const sg_lexicon *lex, const char *name)
{
    int a = sg_lexicon__actor_index(lex, name);
    if (a >= 0)
        return lex->actors[a].id;
    sg_tokens t;
    if (sg_tokens_init(&t, name, strlen(name), NULL, NULL) != SG_OK)
        return NULL;
    const char *found = NULL;
    size_t node = 0;
    for (size_t i = 0; i < t.n_tok && (node = sg_lexicon__child(lex, node, t.tok[i].norm)) != 0; i++)
        if (i + 1 == t.n_tok)
            for (size_t m = 0; m < lex->nodes[node].n_meanings; m++) {
                const sg_phrase_meaning *pm = &lex->meanings[lex->nodes[node].first_meaning + m];
                if (pm->kind == SG_P_ACTOR && found == NULL)
                    found = lex->actors[pm->data].id;
            }
    sg_tokens_destroy(&t);
    return found;
}
