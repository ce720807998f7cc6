/* trie.c - compiles queued lexicon phrases into one token trie (children in an open-
 * addressing hash table keyed by (node, normalised token)), resolves actor references,
 * and answers child lookups for the extractor. Phrases are tokenised by the same
 * tokeniser as documents, so "U.S." or "Ukraine's" match the way text is split.
 */
#define _POSIX_C_SOURCE 200809L
#include "lexicon/lexicon_load.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stancegraph/text.h"

typedef struct sg_pending_ref {
    int is_group;
    int owner, index;
    char *actor_id;
    char *file;      /* the lexicon file that made the reference, for errors */
} sg_pending_ref;

int sg_lexicon__add_phrase(sg_lexicon *lex, const char *text, sg_phrase_kind kind, int data,
                           int data2, int requires)
{
    if (lex->n_pending == lex->cap_pending) {
        size_t cap = lex->cap_pending ? lex->cap_pending * 2 : 1024;
        sg_pending_phrase *p = realloc(lex->pending, cap * sizeof(*p));
        if (p == NULL)
            return -1;
        lex->pending = p;
        lex->cap_pending = cap;
    }
    sg_pending_phrase *p = &lex->pending[lex->n_pending];
    memset(p, 0, sizeof(*p));
    if ((p->text = strdup(text)) == NULL)
        return -1;
    p->meaning.kind = kind;
    p->meaning.data = data;
    p->meaning.data2 = data2;
    p->meaning.requires = requires;
    lex->n_pending++;
    return 0;
}

static int add_ref(sg_lexicon *lex, int is_group, int owner, int index, const char *actor_id,
                   const char *file)
{
    if (lex->n_refs == lex->cap_refs) {
        size_t cap = lex->cap_refs ? lex->cap_refs * 2 : 256;
        sg_pending_ref *p = realloc(lex->refs, cap * sizeof(*p));
        if (p == NULL)
            return -1;
        lex->refs = p;
        lex->cap_refs = cap;
    }
    sg_pending_ref *r = &lex->refs[lex->n_refs];
    r->file = NULL;
    if ((r->actor_id = strdup(actor_id)) == NULL)
        return -1;
    if ((r->file = strdup(file ? file : "lexicon")) == NULL) {
        free(r->actor_id);
        return -1;
    }
    r->is_group = is_group;
    r->owner = owner;
    r->index = index;
    lex->n_refs++;
    return 0;
}

int sg_lexicon__add_actor_ref(sg_lexicon *lex, int person, int office, const char *actor_id,
                              const char *file)
{
    return add_ref(lex, 0, person, office, actor_id, file);
}

int sg_lexicon__add_group_ref(sg_lexicon *lex, int group, int member, const char *actor_id,
                              const char *file)
{
    return add_ref(lex, 1, group, member, actor_id, file);
}

void sg_lexicon__drop_topic_phrases(sg_lexicon *lex, int t)
{
    size_t keep = 0;
    for (size_t i = 0; i < lex->n_pending; i++) {
        const sg_phrase_meaning *m = &lex->pending[i].meaning;
        if ((m->kind == SG_P_TOPIC_TERM || m->kind == SG_P_ANAPHOR) && m->data == t) {
            free(lex->pending[i].text);
            continue;
        }
        lex->pending[keep++] = lex->pending[i];
    }
    lex->n_pending = keep;
}

void sg_lexicon__free_pending(sg_lexicon *lex)
{
    for (size_t i = 0; i < lex->n_pending; i++)
        free(lex->pending[i].text);
    free(lex->pending);
    lex->pending = NULL;
    lex->n_pending = lex->cap_pending = 0;
    for (size_t i = 0; i < lex->n_refs; i++) {
        free(lex->refs[i].actor_id);
        free(lex->refs[i].file);
    }
    free(lex->refs);
    lex->refs = NULL;
    lex->n_refs = lex->cap_refs = 0;
}

/* What a vocabulary look-up compares, from one pass over the token's bytes: its hash,
 * its length, its first 8 bytes and whether it holds a hyphen. The hash mixes 8-byte
 * words (the splitmix64 finaliser), not one byte at a time. */
typedef struct word_key {
    uint64_t hash, head;
    size_t len;
    int hyphen;
} word_key;

static inline uint64_t mix64(uint64_t h)
{
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
    h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
    return h ^ (h >> 31);
}

/* 1 when one of the 8 bytes of w is '-' (the zero bytes that pad a short word are not). */
static inline int has_hyphen8(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ULL;
    uint64_t x = w ^ (ones * '-');
    return ((x - ones) & ~x & (ones * 0x80)) != 0;
}

/* The bytes p[0..n) (n <= 8) as a little-endian word, zero-padded: byte i in bits 8i..;
 * read with at most two overlapping loads inside the string, whatever n. */
static inline uint64_t load_le(const unsigned char *p, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n == 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        return w;
    }
    if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, p, 4);
        memcpy(&hi, p + n - 4, 4); /* overlaps lo on the same bytes at the same places */
        return (uint64_t)lo | (uint64_t)hi << (8 * (n - 4));
    }
    if (n >= 2) {
        uint16_t lo, hi;
        memcpy(&lo, p, 2);
        memcpy(&hi, p + n - 2, 2);
        return (uint64_t)lo | (uint64_t)hi << (8 * (n - 2));
    }
    return n ? p[0] : 0;
#else
    uint64_t w = 0;
    for (size_t i = 0; i < n; i++)
        w |= (uint64_t)p[i] << (8 * i);
    return w;
#endif
}

/* The key of the token tok[0..len): its 8-byte words (the last one zero-padded) mixed in
 * turn, then the last with the length. */
static inline word_key key_of_n(const char *tok, size_t len)
{
    const unsigned char *p = (const unsigned char *)tok;
    size_t full = len & ~(size_t)7;
    word_key k = {0, 0, len, 0};
    uint64_t h = 0x9E3779B97F4A7C15ULL, w;
    for (size_t i = 0; i < full; i += 8) {
        w = load_le(p + i, 8);
        if (i == 0)
            k.head = w;
        k.hyphen |= has_hyphen8(w);
        h = mix64(h ^ w);
    }
    w = load_le(p + full, len - full);
    if (len < 8)
        k.head = w;
    k.hyphen |= has_hyphen8(w);
    k.hash = mix64(h ^ w ^ ((uint64_t)len << 56));
    return k;
}

/* The key of the NUL-terminated token tok. */
static word_key key_of(const char *tok)
{
    return key_of_n(tok, strlen(tok));
}

/* The vocabulary slot of the word with key k (string tok): the one that holds it, or the
 * empty slot where it would go. The table is never full (it grows at half). */
static inline size_t vocab_slot(const sg_lexicon *lex, const char *tok, const word_key *k)
{
    size_t mask = lex->n_vslots - 1, i = (size_t)k->hash & mask;
    uint16_t h16 = (uint16_t)(k->hash >> 48);
    for (;; i = (i + 1) & mask) {
        const sg_vocab_slot *v = &lex->vslots[i];
        if (v->id == 0)
            return i;
        if (v->hash == h16 && v->head == k->head && v->len == k->len &&
            (k->len <= 8 ||
             memcmp(lex->tokpool + lex->vocab_off[v->id] + 8, tok + 8, k->len - 8) == 0))
            return i;
    }
}

uint32_t sg_lexicon__token_id(const sg_lexicon *lex, const char *token, int *hyphen)
{
    word_key k = key_of(token);
    *hyphen = k.hyphen;
    if (lex->n_vslots == 0 || k.len > UINT16_MAX)
        return 0;
    return lex->vslots[vocab_slot(lex, token, &k)].id;
}

void sg_lexicon__token_ids(const sg_lexicon *lex, const sg_token *tok, size_t n,
                           uint32_t *id, unsigned char *hyphen)
{
    /* the keys are computed AHEAD tokens before their look-up and their slots prefetched
     * then, so that the cache misses of several look-ups overlap instead of queueing */
    enum { AHEAD = 8 };
    word_key ring[AHEAD];
    size_t mask = lex->n_vslots ? lex->n_vslots - 1 : 0;
    for (size_t i = 0; i < n + AHEAD; i++) {
        if (i >= AHEAD) {
            size_t k = i - AHEAD;
            const word_key *wk = &ring[k % AHEAD];
            hyphen[k] = (unsigned char)wk->hyphen;
            id[k] = lex->n_vslots == 0 || wk->len > UINT16_MAX
                        ? 0 : lex->vslots[vocab_slot(lex, tok[k].norm, wk)].id;
        }
        if (i < n) {
            ring[i % AHEAD] = key_of_n(tok[i].norm, tok[i].norm_len);
            if (lex->n_vslots)
                __builtin_prefetch(&lex->vslots[ring[i % AHEAD].hash & mask]);
        }
    }
}

uint32_t sg_lexicon__word_id(const sg_lexicon *lex, const char *token)
{
    int hyphen;
    return sg_lexicon__token_id(lex, token, &hyphen);
}

size_t sg_lexicon__child(const sg_lexicon *lex, size_t node, const char *token)
{
    return sg_lexicon__child_id(lex, node, sg_lexicon__word_id(lex, token));
}


/* Double the vocabulary table (and the arrays by id), rehashing every entry. */
static int vocab_grow(sg_lexicon *lex)
{
    size_t n = lex->n_vslots ? lex->n_vslots * 2 : 4096;
    sg_vocab_slot *t = calloc(n, sizeof(*t));
    uint64_t *lists = realloc(lex->vocab_lists, (n / 2 + 1) * sizeof(uint64_t));
    if (lists)
        lex->vocab_lists = lists;
    uint32_t *off = realloc(lex->vocab_off, (n / 2 + 1) * sizeof(uint32_t));
    if (off)
        lex->vocab_off = off;
    if (t == NULL || lists == NULL || off == NULL) {
        free(t);
        return -1;
    }
    for (size_t i = 0; i < lex->n_vslots; i++) {
        const sg_vocab_slot *v = &lex->vslots[i];
        if (v->id == 0)
            continue;
        size_t k = (size_t)key_of(lex->tokpool + lex->vocab_off[v->id]).hash & (n - 1);
        while (t[k].id != 0)
            k = (k + 1) & (n - 1);
        t[k] = *v;
    }
    free(lex->vslots);
    lex->vslots = t;
    lex->n_vslots = n;
    return 0;
}

/* The id of tok in the vocabulary, added when missing (ids start at 1). */
static int vocab_intern(sg_lexicon *lex, const char *tok, uint32_t *id)
{
    if ((lex->n_vocab_ids + 1) * 2 > lex->n_vslots && vocab_grow(lex))
        return -1;
    word_key wk = key_of(tok);
    if (wk.len > UINT16_MAX || lex->tokpool_len + wk.len + 8 >= UINT32_MAX)
        return -1; /* no lexicon word is that long, nor a vocabulary that large */
    size_t k = vocab_slot(lex, tok, &wk);
    if ((*id = lex->vslots[k].id) != 0)
        return 0;
    size_t n = wk.len + 1;
    if (lex->tokpool_len + n > lex->tokpool_cap) {
        size_t cap = lex->tokpool_cap ? lex->tokpool_cap * 2 : 65536;
        while (cap < lex->tokpool_len + n)
            cap *= 2;
        char *p = realloc(lex->tokpool, cap);
        if (p == NULL)
            return -1;
        lex->tokpool = p;
        lex->tokpool_cap = cap;
    }
    memcpy(lex->tokpool + lex->tokpool_len, tok, n);
    if (lex->n_vocab_ids == 0)
        lex->n_vocab_ids = 1; /* id 0 is "not in the vocabulary" */
    *id = (uint32_t)lex->n_vocab_ids++;
    lex->vslots[k] = (sg_vocab_slot){*id, (uint16_t)wk.len, (uint16_t)(wk.hash >> 48), wk.head};
    lex->vocab_lists[*id] = 0;
    lex->vocab_off[*id] = (uint32_t)lex->tokpool_len;
    lex->tokpool_len += n;
    return 0;
}

/* Double the edge table when half full. */
static int edges_grow(sg_lexicon *lex)
{
    size_t n = lex->n_slots ? lex->n_slots * 2 : 8192;
    sg_trie_slot *t = calloc(n, sizeof(*t));
    if (t == NULL)
        return -1;
    for (size_t i = 0; i < lex->n_slots; i++) {
        const sg_trie_slot *e = &lex->slots[i];
        if (e->node == 0)
            continue;
        size_t k = sg_lexicon__edge_hash(e->node - 1, e->tok) & (n - 1);
        while (t[k].node != 0)
            k = (k + 1) & (n - 1);
        t[k] = *e;
    }
    free(lex->slots);
    lex->slots = t;
    lex->n_slots = n;
    return 0;
}

static int new_node(sg_lexicon *lex, size_t *id)
{
    if (lex->n_nodes == lex->cap_nodes) {
        size_t cap = lex->cap_nodes ? lex->cap_nodes * 2 : 4096;
        sg_trie_node *p = realloc(lex->nodes, cap * sizeof(*p));
        if (p == NULL)
            return -1;
        lex->nodes = p;
        lex->cap_nodes = cap;
    }
    lex->nodes[lex->n_nodes] = (sg_trie_node){0, 0, 0};
    *id = lex->n_nodes++;
    return 0;
}

/* Child of node for tok, created when missing. */
static int child_or_new(sg_lexicon *lex, size_t node, const char *tok, size_t *out)
{
    uint32_t id;
    if (vocab_intern(lex, tok, &id))
        return -1;
    if ((*out = sg_lexicon__child_id(lex, node, id)) != 0)
        return 0;
    if ((lex->n_edges + 1) * 2 > lex->n_slots && edges_grow(lex))
        return -1;
    size_t child;
    if (new_node(lex, &child) || child > SG_TRIE_NODE_MASK || node >= SG_TRIE_NODE_MASK)
        return -1;
    size_t mask = lex->n_slots - 1, i = sg_lexicon__edge_hash(node, id) & mask;
    while (lex->slots[i].node != 0)
        i = (i + 1) & mask;
    lex->slots[i] = (sg_trie_slot){(uint32_t)(node + 1), id, (uint32_t)child};
    lex->n_edges++;
    if (lex->nodes[node].n_children < UINT16_MAX)
        lex->nodes[node].n_children++;
    *out = child;
    return 0;
}

_Static_assert(SG_WL_COUNT <= 64, "word lists are the bits of a uint64_t");

/* Every word of every word list in the vocabulary, with its lists as bits. */
static int vocab_wordlists(sg_lexicon *lex)
{
    for (int l = 0; l < SG_WL_COUNT; l++)
        for (size_t k = 0; k < lex->wordlists[l].n; k++) {
            uint32_t id;
            if (vocab_intern(lex, lex->wordlists[l].items[k], &id))
                return -1;
            lex->vocab_lists[id] |= (uint64_t)1 << l;
        }
    return 0;
}

/* Names must be written as in the lexicon: capitalised tokens stay capitalised, and short
 * all-capital aliases (US, EU, NATO) match only in capitals. */
static int is_name_kind(sg_phrase_kind k)
{
    return k == SG_P_ACTOR || k == SG_P_PERSON || k == SG_P_GROUP || k == SG_P_SOURCE ||
           k == SG_P_DEMONYM || k == SG_P_TOPIC_TERM;
}

typedef struct node_meaning {
    size_t node, order;
    sg_phrase_meaning m;
} node_meaning;

static int cmp_node_meaning(const void *a, const void *b)
{
    const node_meaning *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static sg_status resolve_refs(sg_lexicon *lex, sg_error *err)
{
    for (size_t i = 0; i < lex->n_refs; i++) {
        const sg_pending_ref *r = &lex->refs[i];
        int a = sg_lexicon__actor_index(lex, r->actor_id);
        if (a < 0) {
            const char *owner = r->is_group ? lex->groups[r->owner].name : lex->people[r->owner].name;
            return sg_error_set(err, SG_EINPUT, r->file, 0, "%s \"%s\" refers to unknown actor \"%s\"",
                                r->is_group ? "group" : "person", owner, r->actor_id);
        }
        if (r->is_group)
            lex->groups[r->owner].members[r->index] = a;
        else
            lex->people[r->owner].offices[r->index].actor = a;
    }
    for (size_t i = 0; i < lex->n_actors; i++)
        for (size_t k = 0; k < lex->actors[i].n_members; k++)
            if (sg_lexicon__actor_index(lex, lex->actors[i].members[k]) < 0)
                return sg_error_set(err, SG_EINPUT, "lexicon", 0,
                                    "organisation \"%s\" lists unknown member \"%s\"",
                                    lex->actors[i].id, lex->actors[i].members[k]);
    for (size_t i = 0; i < lex->n_topics; i++)
        if (lex->topics[i].body && sg_lexicon__actor_index(lex, lex->topics[i].body) < 0)
            return sg_error_set(err, SG_EINPUT, "lexicon", 0,
                                "topic \"%s\" names unknown deciding body \"%s\"",
                                lex->topics[i].id, lex->topics[i].body);
    return SG_OK;
}

/* Insert pending phrase p into the trie from root. Sets *skip for phrases that are empty
 * or longer than 16 tokens (masks hold 16 bits of a 32-bit field; no lexicon phrase needs
 * more). Returns SG_EINPUT when the phrase cannot be tokenised, SG_ENOMEM. */
static sg_status insert_phrase(sg_lexicon *lex, size_t root, const sg_pending_phrase *p,
                               node_meaning *out, int *skip)
{
    sg_tokens t;
    *skip = 0;
    sg_status trc = sg_tokens_init(&t, p->text, strlen(p->text), NULL, NULL);
    if (trc != SG_OK)
        return trc == SG_ENOMEM ? SG_ENOMEM : SG_EINPUT;
    if (t.n_tok == 0 || t.n_tok > 16) {
        sg_tokens_destroy(&t);
        *skip = 1;
        return SG_OK;
    }
    size_t node = root;
    sg_phrase_meaning m = p->meaning;
    m.n_tokens = (unsigned char)t.n_tok;
    m.caps_mask = m.upper_mask = 0;
    int fail = 0;
    for (size_t k = 0; k < t.n_tok && !fail; k++) {
        const sg_token *tk = &t.tok[k];
        size_t letters = tk->end - tk->start;
        if (tk->caps && letters <= 5 && tk->kind == SG_TOK_WORD)
            m.caps_mask |= 1u << k;
        else if (is_name_kind(m.kind) && m.kind != SG_P_TOPIC_TERM && tk->upper)
            m.upper_mask |= 1u << k;
        fail = child_or_new(lex, node, tk->norm, &node) != 0;
    }
    sg_tokens_destroy(&t);
    if (fail)
        return SG_ENOMEM;
    out->node = node;
    out->m = m;
    return SG_OK;
}

/* Group the meanings by node (in phrase order within a node) into lex->meanings. */
static sg_status store_meanings(sg_lexicon *lex, node_meaning *nm, size_t n_nm)
{
    qsort(nm, n_nm, sizeof(*nm), cmp_node_meaning);
    lex->meanings = malloc((n_nm + 1) * sizeof(sg_phrase_meaning));
    if (lex->meanings == NULL)
        return SG_ENOMEM;
    if (n_nm >= UINT32_MAX)
        return SG_ENOMEM;
    for (size_t i = 0; i < n_nm; i++) {
        sg_trie_node *nd = &lex->nodes[nm[i].node];
        if (nd->n_meanings == UINT16_MAX)
            return SG_ENOMEM; /* no phrase has that many meanings */
        if (nd->n_meanings == 0)
            nd->first_meaning = (uint32_t)i;
        nd->n_meanings++;
        lex->meanings[i] = nm[i].m;
    }
    lex->n_meanings = n_nm;
    return SG_OK;
}

/* A child with the bits that say whether it has meanings and children. */
static uint32_t child_bits(const sg_lexicon *lex, uint32_t child)
{
    if (child == 0)
        return 0;
    const sg_trie_node *nd = &lex->nodes[child];
    return child | (nd->n_meanings ? SG_TRIE_HAS_MEANINGS : 0) |
           (nd->n_children ? SG_TRIE_HAS_CHILDREN : 0);
}

/* The root's child for every vocabulary id, in an array by id (set last: the trie's
 * construction looks children up in the edge table), each beside the filter of its own
 * children's tokens, and every child with its bits. */
static int root_children(sg_lexicon *lex, size_t root)
{
    uint32_t *rc = calloc(2 * (lex->n_vocab_ids + 1), sizeof(uint32_t));
    uint32_t *first_id = calloc(lex->n_nodes + 1, sizeof(uint32_t)); /* node -> its id */
    if (rc == NULL || first_id == NULL) {
        free(rc);
        free(first_id);
        return -1;
    }
    for (size_t i = 0; i < lex->n_slots; i++) { /* the root's edges: one per id at most */
        const sg_trie_slot *e = &lex->slots[i];
        if (e->node == root + 1) {
            rc[2 * (size_t)e->tok] = child_bits(lex, e->child & SG_TRIE_NODE_MASK);
            first_id[e->child & SG_TRIE_NODE_MASK] = e->tok;
        }
    }
    for (size_t i = 0; i < lex->n_slots; i++) { /* the edges from the root's children */
        const sg_trie_slot *e = &lex->slots[i];
        if (e->node != 0 && e->node != root + 1 && first_id[e->node - 1] != 0)
            rc[2 * (size_t)first_id[e->node - 1] + 1] |= sg_lexicon__filter_bit(e->tok);
    }
    free(first_id);
    /* the other edges in a table sized for them alone (at most half full), so that the
     * matcher's second and later steps touch fewer cache lines */
    size_t n_other = 0, n = 16;
    for (size_t i = 0; i < lex->n_slots; i++)
        n_other += lex->slots[i].node != 0 && lex->slots[i].node != root + 1;
    while (n < 2 * n_other + 2)
        n *= 2;
    sg_trie_slot *t = calloc(n, sizeof(*t));
    if (t == NULL) {
        free(rc);
        return -1;
    }
    for (size_t i = 0; i < lex->n_slots; i++) {
        const sg_trie_slot *e = &lex->slots[i];
        if (e->node == 0 || e->node == root + 1)
            continue;
        size_t k = sg_lexicon__edge_hash(e->node - 1, e->tok) & (n - 1);
        while (t[k].node != 0)
            k = (k + 1) & (n - 1);
        t[k] = *e;
        t[k].child = child_bits(lex, e->child & SG_TRIE_NODE_MASK);
    }
    free(lex->slots);
    lex->slots = t;
    lex->n_slots = n;
    lex->n_edges = n_other;
    lex->root_child = rc;
    return 0;
}

sg_status sg_lexicon_finish(sg_lexicon *lex, sg_error *err)
{
    if (lex->finished)
        return SG_OK;
    sg_status rc = sg_lexicon__derive_acts(lex, err);
    if (rc == SG_OK)
        rc = resolve_refs(lex, err);
    if (rc == SG_OK)
        rc = sg_lexicon__check_decisions(lex, err);
    if (rc != SG_OK)
        return rc;
    node_meaning *nm = malloc((lex->n_pending + 1) * sizeof(node_meaning));
    size_t n_nm = 0, root;
    if (nm == NULL || new_node(lex, &root) || vocab_wordlists(lex)) {
        free(nm);
        return sg_error_set(err, SG_ENOMEM, "lexicon", 0, "out of memory");
    }
    for (size_t i = 0; i < lex->n_pending; i++) {
        int skip;
        rc = insert_phrase(lex, root, &lex->pending[i], &nm[n_nm], &skip);
        if (rc != SG_OK) {
            sg_error_set(err, rc, "lexicon", 0, rc == SG_EINPUT ? "cannot tokenise phrase \"%.60s\""
                                                               : "out of memory (phrase \"%.60s\")",
                         lex->pending[i].text);
            free(nm);
            return rc;
        }
        if (!skip)
            nm[n_nm++].order = i;
    }
    rc = store_meanings(lex, nm, n_nm);
    free(nm);
    if (rc == SG_OK && root_children(lex, root) != 0)
        rc = SG_ENOMEM;
    if (rc != SG_OK)
        return sg_error_set(err, rc, "lexicon", 0, "out of memory");
    sg_lexicon__free_pending(lex);
    lex->finished = 1;
    return SG_OK;
}
