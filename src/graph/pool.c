/* pool.c - the small containers the graph module aggregates with: an interning string
 * pool (strings never move once interned), a 128-bit-key hash map, growable arrays,
 * and date arithmetic. Invariants: pool/map capacities are powers of two and at most
 * half full, so probing always ends. Not thread-safe per object; no globals.
 */
#define _DEFAULT_SOURCE /* madvise */
#include "graph/graph_internal.h"

#include "common/assert.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#define POOL_CHUNK (64u * 1024u)

void sg_graph__huge_hint(void *p, size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const uintptr_t huge = (uintptr_t)2 << 20;
    if (p == NULL || bytes < 4 * huge)
        return;
    uintptr_t lo = ((uintptr_t)p + huge - 1) & ~(huge - 1);
    uintptr_t hi = ((uintptr_t)p + bytes) & ~(huge - 1);
    if (hi > lo)
        (void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE); /* a hint: failure is fine */
#else
    (void)p;
    (void)bytes;
#endif
}

sg_status sg_graph__grow(void **arr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return SG_OK;
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > ((size_t)-1) / 2 / size)
            return SG_ENOMEM;
        n *= 2;
    }
    void *p = realloc(*arr, n * size);
    if (p == NULL)
        return SG_ENOMEM;
    *arr = p; /* no huge-page hint: realloc moves big blocks by mremap, which splits them */
    *cap = n;
    return SG_OK;
}

/* FNV-1a, then a final mix so that low bits are usable as a table index. */
static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

void sg_graph__pool_init(sg_pool *p)
{
    memset(p, 0, sizeof(*p));
}

void sg_graph__pool_destroy(sg_pool *p)
{
    if (p == NULL)
        return;
    for (size_t i = 0; i < p->n_chunks; i++)
        free(p->chunks[i]);
    free(p->chunks);
    free(p->strs);
    free(p->slots);
    memset(p, 0, sizeof(*p));
}

static int pool_equal(const char *a, const char *s, size_t len)
{
    return strncmp(a, s, len) == 0 && a[len] == '\0';
}

static sg_status pool_rehash(sg_pool *p)
{
    size_t n = p->n_slots ? p->n_slots * 2 : 64;
    uint32_t *slots = calloc(n, sizeof(uint32_t));
    if (slots == NULL)
        return SG_ENOMEM;
    for (uint32_t i = 0; i < p->n; i++) {
        size_t at = hash_bytes(p->strs[i], strlen(p->strs[i])) & (n - 1);
        while (slots[at] != 0)
            at = (at + 1) & (n - 1);
        slots[at] = i + 1;
    }
    free(p->slots);
    p->slots = slots;
    p->n_slots = n;
    return SG_OK;
}

/* Copy s into chunk storage; big strings get a chunk of their own. */
static char *pool_store(sg_pool *p, const char *s, size_t len)
{
    size_t need = len + 1;
    if (p->n_chunks == 0 || p->chunk_used + need > p->chunk_size) {
        size_t size = need > POOL_CHUNK ? need : POOL_CHUNK;
        if (sg_graph__grow((void **)&p->chunks, &p->chunks_cap, p->n_chunks + 1,
                           sizeof(char *)) != SG_OK)
            return NULL;
        char *c = malloc(size);
        if (c == NULL)
            return NULL;
        p->chunks[p->n_chunks++] = c;
        p->chunk_used = 0;
        p->chunk_size = size;
    }
    char *dst = p->chunks[p->n_chunks - 1] + p->chunk_used;
    memcpy(dst, s, len);
    dst[len] = '\0';
    p->chunk_used += need;
    return dst;
}

uint64_t sg_graph__pool_hash(const char *s, size_t len)
{
    return hash_bytes(s, len);
}

void sg_graph__pool_prefetch(const sg_pool *p, uint64_t hash)
{
#if defined(__GNUC__)
    if (p->n_slots != 0)
        __builtin_prefetch(&p->slots[hash & (p->n_slots - 1)]);
#else
    (void)p;
    (void)hash;
#endif
}

sg_status sg_graph__pool_intern(sg_pool *p, const char *s, size_t len, uint32_t *idx)
{
    return sg_graph__pool_intern_hashed(p, s, len, hash_bytes(s, len), idx);
}

sg_status sg_graph__pool_intern_hashed(sg_pool *p, const char *s, size_t len, uint64_t hash,
                                       uint32_t *idx)
{
    if (p->n_slots == 0 || (size_t)(p->n + 1) * 2 > p->n_slots) {
        if (pool_rehash(p) != SG_OK)
            return SG_ENOMEM;
    }
    size_t at = hash & (p->n_slots - 1);
    while (p->slots[at] != 0) {
        uint32_t i = p->slots[at] - 1;
        if (pool_equal(p->strs[i], s, len)) {
            *idx = i;
            return SG_OK;
        }
        at = (at + 1) & (p->n_slots - 1);
    }
    if (p->n == UINT32_MAX - 1)
        return SG_ENOMEM;
    size_t cap = p->cap;
    if (sg_graph__grow((void **)&p->strs, &cap, (size_t)p->n + 1, sizeof(char *)) != SG_OK)
        return SG_ENOMEM;
    p->cap = (uint32_t)(cap > UINT32_MAX ? UINT32_MAX : cap);
    char *copy = pool_store(p, s, len);
    if (copy == NULL)
        return SG_ENOMEM;
    p->strs[p->n] = copy;
    p->slots[at] = p->n + 1;
    *idx = p->n++;
    return SG_OK;
}

int sg_graph__pool_find(const sg_pool *p, const char *s, uint32_t *idx)
{
    if (p->n_slots == 0)
        return 0;
    size_t len = strlen(s);
    size_t at = hash_bytes(s, len) & (p->n_slots - 1);
    while (p->slots[at] != 0) {
        uint32_t i = p->slots[at] - 1;
        if (pool_equal(p->strs[i], s, len)) {
            *idx = i;
            return 1;
        }
        at = (at + 1) & (p->n_slots - 1);
    }
    return 0;
}

/* ---- map ---- */

static uint64_t mix64(uint64_t a, uint64_t b)
{
    uint64_t h = a * 0x9e3779b97f4a7c15ull ^ (b + 0x632be59bd9b4e019ull + (a << 6) + (a >> 2));
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 29;
    h *= 0x94d049bb133111ebull;
    h ^= h >> 32;
    return h;
}

void sg_graph__map_init(sg_map *m)
{
    memset(m, 0, sizeof(*m));
}

void sg_graph__map_destroy(sg_map *m)
{
    if (m == NULL)
        return;
    free(m->k1);
    free(m->k2);
    free(m->val);
    memset(m, 0, sizeof(*m));
}

static sg_status map_rehash(sg_map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    if (cap > ((size_t)-1) / sizeof(uint64_t))
        return SG_ENOMEM;
    uint64_t *k1 = malloc(cap * sizeof(uint64_t));
    uint64_t *k2 = malloc(cap * sizeof(uint64_t));
    uint32_t *val = malloc(cap * sizeof(uint32_t));
    if (k1 == NULL || k2 == NULL || val == NULL) {
        free(k1);
        free(k2);
        free(val);
        return SG_ENOMEM;
    }
    memset(val, 0xff, cap * sizeof(uint32_t));
    for (size_t i = 0; i < m->cap; i++) {
        if (m->val[i] == UINT32_MAX)
            continue;
        size_t at = mix64(m->k1[i], m->k2[i]) & (cap - 1);
        while (val[at] != UINT32_MAX)
            at = (at + 1) & (cap - 1);
        k1[at] = m->k1[i];
        k2[at] = m->k2[i];
        val[at] = m->val[i];
    }
    free(m->k1);
    free(m->k2);
    free(m->val);
    m->k1 = k1;
    m->k2 = k2;
    m->val = val;
    m->cap = cap;
    return SG_OK;
}

sg_status sg_graph__map_upsert(sg_map *m, uint64_t k1, uint64_t k2, uint32_t fresh,
                               uint32_t *val, int *found)
{
    SG_ASSERT(fresh != UINT32_MAX, (sg_error *)NULL);
    if (m->cap == 0 || (m->n + 1) * 2 > m->cap) {
        if (map_rehash(m) != SG_OK)
            return SG_ENOMEM;
    }
    size_t at = mix64(k1, k2) & (m->cap - 1);
    while (m->val[at] != UINT32_MAX) {
        if (m->k1[at] == k1 && m->k2[at] == k2) {
            *val = m->val[at];
            *found = 1;
            return SG_OK;
        }
        at = (at + 1) & (m->cap - 1);
    }
    m->k1[at] = k1;
    m->k2[at] = k2;
    m->val[at] = fresh;
    m->n++;
    *val = fresh;
    *found = 0;
    return SG_OK;
}

int sg_graph__map_get(const sg_map *m, uint64_t k1, uint64_t k2, uint32_t *val)
{
    if (m->cap == 0)
        return 0;
    size_t at = mix64(k1, k2) & (m->cap - 1);
    while (m->val[at] != UINT32_MAX) {
        if (m->k1[at] == k1 && m->k2[at] == k2) {
            *val = m->val[at];
            return 1;
        }
        at = (at + 1) & (m->cap - 1);
    }
    return 0;
}

/* ---- dates: proleptic Gregorian calendar, days since 1970-01-01 ---- */

static int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

static void civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int yy = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp + (mp < 10 ? 3 : -9);
    *y = yy + (*m <= 2);
}

int sg_graph__date_parse(const char *s, int32_t *days)
{
    int v[3] = {0, 0, 0};
    const int width[3] = {4, 2, 2};
    const char *p = s;
    for (int part = 0; part < 3; part++) {
        for (int i = 0; i < width[part]; i++, p++) {
            if (*p < '0' || *p > '9')
                return -1;
            v[part] = v[part] * 10 + (*p - '0');
        }
        if (part < 2 && *p++ != '-')
            return -1;
    }
    if (*p != '\0' && *p != 'T' && *p != ' ')
        return -1;
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > mdays[v[1] - 1])
        return -1;
    int leap = (v[0] % 4 == 0 && v[0] % 100 != 0) || v[0] % 400 == 0;
    if (v[1] == 2 && v[2] == 29 && !leap)
        return -1;
    *days = days_from_civil(v[0], v[1], v[2]);
    return 0;
}

void sg_graph__date_format(int32_t days, char buf[11])
{
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    if (y < 0 || y > 9999)
        y = 0;
    char tmp[48];
    snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
    memcpy(buf, tmp, 10);
    buf[10] = '\0';
}

int32_t sg_graph__window_floor(int32_t day, int step)
{
    const int32_t origin = 4; /* 1970-01-05, a Monday */
    int32_t rel = day - origin;
    int32_t k = rel >= 0 ? rel / step : -((-rel + step - 1) / step);
    return origin + k * step;
}

double sg_graph__round6(double v)
{
    double r = round(v * 1e6) / 1e6;
    return r == 0.0 ? 0.0 : r; /* no "-0" */
}
