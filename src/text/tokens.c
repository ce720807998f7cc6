/* tokens.c - tokeniser and sentence splitter over valid UTF-8.
 *
 * Owns: words with byte spans and a normalised form (ASCII lower-cased; accented
 * letters kept as written; curly quotes -> '"' or '\''; en/em dashes -> '-'), possessive
 * "'s" and contracted "n't" as their own tokens, abbreviations (U.S., Gen., Jan.) kept
 * whole with their dots, quotation state, and sentence boundaries (punctuation, or a line
 * break after a headline; a sentence longer than SG_MAX_SENTENCE_TOKENS is cut into pieces).
 * Invariant: tokens are in text order, start < end <= len.
 */
#define _POSIX_C_SOURCE 200809L
#include "stancegraph/text.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Classes of ASCII bytes, looked up once per byte instead of decoding and calling
 * <ctype.h> (the tokeniser's hot path; non-ASCII bytes take the decoding path). */
enum { C_WORD = 1, C_SPACE = 2, C_UPPER = 4, C_DIGIT = 8, C_ALPHA = 16, C_JOIN = 32 };
static const unsigned char ascii_class[128] = {
    ['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\v'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE,
    [' '] = C_SPACE,
    /* may continue a word ("long-range", "U.S.", "1,000", "don't", "Ukraine's") */
    ['-'] = C_JOIN, ['.'] = C_JOIN, [','] = C_JOIN, ['\''] = C_JOIN,
#define D(c) [c] = C_WORD | C_DIGIT
    D('0'), D('1'), D('2'), D('3'), D('4'), D('5'), D('6'), D('7'), D('8'), D('9'),
#undef D
#define U(c) [c] = C_WORD | C_ALPHA | C_UPPER, [c + 32] = C_WORD | C_ALPHA
    U('A'), U('B'), U('C'), U('D'), U('E'), U('F'), U('G'), U('H'), U('I'), U('J'), U('K'),
    U('L'), U('M'), U('N'), U('O'), U('P'), U('Q'), U('R'), U('S'), U('T'), U('U'), U('V'),
    U('W'), U('X'), U('Y'), U('Z'),
#undef U
};

static inline unsigned aclass(unsigned char c)
{
    return c < 0x80 ? ascii_class[c] : 0;
}

#ifdef __SSE2__
/* 16 bytes at a time (x86-64 always has SSE2): bit k of the masks is set when byte k is
 * an ASCII letter (*alpha), a capital (*upper), or a letter or digit (the result). Bytes
 * from 0x80 are negative as signed chars and fall outside every range. */
static inline unsigned classify16(__m128i v, unsigned *alpha, unsigned *upper)
{
    __m128i low = _mm_or_si128(v, _mm_set1_epi8(0x20));
    __m128i a = _mm_and_si128(_mm_cmpgt_epi8(low, _mm_set1_epi8('a' - 1)),
                              _mm_cmplt_epi8(low, _mm_set1_epi8('z' + 1)));
    __m128i u = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                              _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
    __m128i d = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                              _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
    *alpha = (unsigned)_mm_movemask_epi8(a);
    *upper = (unsigned)_mm_movemask_epi8(u);
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(a, d));
}

#endif

/* The end of the run of ASCII letters and digits from s[j]. */
static inline size_t ascii_word_end(const unsigned char *s, size_t j, size_t len)
{
#ifdef __SSE2__
    for (; j + 16 <= len; j += 16) {
        unsigned alpha, upper;
        unsigned w = classify16(_mm_loadu_si128((const __m128i *)(const void *)(s + j)),
                                &alpha, &upper);
        if (w != 0xFFFF)
            return j + (size_t)__builtin_ctz(~w);
    }
#endif
    while (j < len && s[j] < 0x80 && (ascii_class[s[j]] & C_WORD))
        j++;
    return j;
}

/* Words that end with a dot without ending the sentence (lower case, no dot). */
static const char *const default_abbreviations[] = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
    "gov", "sen", "rep", "rev", "prof", "st", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "vs", "etc", "inc", "ltd", "co", "corp",
    "jr", "sr", "approx", "dept", "est", "fig", "cf", "al", "pres", "min", "amb", NULL};

/* Decode one code point at s[i] (valid UTF-8 assumed); *n gets its byte length. */
static unsigned decode(const unsigned char *s, size_t i, size_t len, size_t *n)
{
    unsigned c = s[i];
    if (c < 0x80 || i + 1 >= len) {
        *n = 1;
        return c;
    }
    if ((c & 0xE0) == 0xC0) {
        *n = 2;
        return ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    }
    if ((c & 0xF0) == 0xE0 && i + 2 < len) {
        *n = 3;
        return ((c & 0x0F) << 12) | ((unsigned)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    }
    if (i + 3 < len) {
        *n = 4;
        return ((c & 0x07) << 18) | ((unsigned)(s[i + 1] & 0x3F) << 12) |
               ((unsigned)(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
    }
    *n = 1;
    return c;
}

static int is_space_cp(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp == 0xFEFF;
}

/* Letters and digits: ASCII alnum, and every non-ASCII code point outside the
 * punctuation and symbol blocks (good enough for names such as Orbán, Zelenskyy). */
static int is_word_cp(unsigned cp)
{
    if (cp < 0x80)
        return (ascii_class[cp] & C_WORD) != 0;
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
        return 0;
    if (cp >= 0x2000 && cp <= 0x2BFF)
        return 0;
    if (cp >= 0x3000 && cp <= 0x303F)
        return 0;
    if (cp >= 0xFE00 && cp <= 0xFE6F)
        return 0;
    if (cp >= 0x1F000)
        return 0;
    return 1;
}

static int is_apostrophe(unsigned cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

static int is_hyphen(unsigned cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* The normalised form of one punctuation code point. */
static const char *punct_norm(unsigned cp)
{
    switch (cp) {
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0xAB: case 0xBB:
    case 0x2033: case '"':
        return "\"";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039: case 0x203A:
    case '\'': case '`':
        return "'";
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case '-':
        return "-";
    case 0x2026:
        return "...";
    default:
        return NULL;
    }
}

/* The abbreviations with what rejects most words at once: the first letters (bit c - 'a';
 * bit 26 for any other first byte) and the longest length, worked out on first use. */
typedef struct abbr_set {
    const char *const *list;
    unsigned first;
    size_t max_len;
    int ready;
} abbr_set;

typedef struct builder {
    sg_tokens *t;
    abbr_set abbr;
    size_t tok_cap, sent_cap;
    size_t len; /* of the text */
    unsigned quote;      /* the quotation state given to the next tokens */
    unsigned line_start; /* the next token is the first on its line */
} builder;

static sg_status pool_add(sg_tokens *t, const char *s, size_t n, size_t *off)
{
    if (t->pool_len + n + 1 > t->pool_cap) {
        size_t cap = t->pool_cap ? t->pool_cap : 256;
        while (cap < t->pool_len + n + 1)
            cap *= 2;
        char *p = realloc(t->pool, cap);
        if (p == NULL)
            return SG_ENOMEM;
        t->pool = p;
        t->pool_cap = cap;
    }
    *off = t->pool_len;
    memcpy(t->pool + t->pool_len, s, n);
    t->pool[t->pool_len + n] = '\0';
    t->pool_len += n + 1;
    return SG_OK;
}

/* Append a token whose norm is norm[0..norm_len) (lower-cased here for ASCII). The norm
 * pointer temporarily holds the pool offset; sg_tokens_init fixes it at the end. */
static sg_status push_token(builder *b, size_t start, size_t end, sg_token_kind kind,
                            const char *norm, size_t norm_len)
{
    sg_tokens *t = b->t;
    if (t->n_tok == b->tok_cap) {
        size_t cap = b->tok_cap ? b->tok_cap * 2 : 64;
        sg_token *p = realloc(t->tok, cap * sizeof(*p));
        if (p == NULL)
            return SG_ENOMEM;
        t->tok = p;
        b->tok_cap = cap;
    }
    size_t off;
    if (pool_add(t, norm, norm_len, &off) != SG_OK)
        return SG_ENOMEM;
    sg_token *k = &t->tok[t->n_tok++];
    *k = (sg_token){.start = start, .end = end, .kind = kind, .norm_len = (unsigned)norm_len,
                    .norm = (char *)(uintptr_t)off, .quote = b->quote,
                    .line_start = b->line_start};
    b->line_start = 0;
    char *n = t->pool + off;
    int letters = 0, capitals = 0;
    for (size_t i = 0; i < norm_len; i++) {
        unsigned cl = aclass((unsigned char)n[i]);
        letters += (cl & C_ALPHA) != 0;
        if (cl & C_UPPER) {
            capitals++;
            n[i] = (char)(n[i] + 32);
        }
    }
    k->upper = norm_len > 0 && ((aclass((unsigned char)norm[0]) & C_UPPER) || (unsigned char)norm[0] >= 0xC0);
    if ((unsigned char)norm[0] >= 0xC0) {
        /* Accented capitals (Á, Ž ...): treat a non-ASCII first letter as capital only when
         * it is in an upper-case Latin-1/Latin Extended-A position. */
        size_t nb;
        unsigned cp = decode((const unsigned char *)norm, 0, norm_len, &nb);
        k->upper = (cp >= 0xC0 && cp <= 0xDE) || (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0);
    }
    k->caps = letters >= 2 && letters == capitals;
    return SG_OK;
}

/* push_token for a plain ASCII word text[start..end): copied and lower-cased in one pass. */
static sg_status push_ascii_word(builder *b, const char *text, size_t start, size_t end)
{
    sg_tokens *t = b->t;
    size_t n = end - start;
    if (t->n_tok == b->tok_cap || t->pool_len + n + 1 > t->pool_cap)
        return push_token(b, start, end, SG_TOK_WORD, text + start, n);
    char *dst = t->pool + t->pool_len;
    int caps;
#ifdef __SSE2__
    if (n <= 16 && start + 16 <= b->len && t->pool_len + 16 <= t->pool_cap) {
        /* the word lower-cased in one 16-byte store (the bytes after its NUL are free pool
         * space, written again by the next norm), letters and capitals from the masks */
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + start));
        __m128i up = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                   _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
        _mm_storeu_si128((__m128i *)(void *)dst,
                         _mm_add_epi8(v, _mm_and_si128(up, _mm_set1_epi8(0x20))));
        unsigned alpha, upper, keep = (1u << n) - 1;
        classify16(v, &alpha, &upper);
        alpha &= keep;
        upper &= keep; /* capitals are letters: all letters capitals when the masks agree */
        caps = (alpha & (alpha - 1)) != 0 && alpha == upper; /* 2+ letters */
    } else
#endif
    {
        int letters = 0, capitals = 0;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)text[start + i];
            unsigned cl = ascii_class[c];
            letters += (cl & C_ALPHA) != 0;
            capitals += (cl & C_UPPER) != 0;
            dst[i] = (char)((cl & C_UPPER) ? c + 32 : c);
        }
        caps = letters >= 2 && letters == capitals;
    }
    dst[n] = '\0';
    sg_token *k = &t->tok[t->n_tok++];
    *k = (sg_token){.start = start, .end = end, .kind = SG_TOK_WORD, .norm_len = (unsigned)n,
                    .norm = (char *)(uintptr_t)t->pool_len, .quote = b->quote,
                    .line_start = b->line_start};
    b->line_start = 0;
    k->upper = (ascii_class[(unsigned char)text[start]] & C_UPPER) != 0;
    k->caps = (unsigned)caps;
    t->pool_len += n + 1;
    return SG_OK;
}

static unsigned first_bit(int c)
{
    return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 1u << 26;
}

static void abbr_prepare(abbr_set *set)
{
    for (size_t i = 0; set->list[i]; i++) {
        size_t m = strlen(set->list[i]);
        set->max_len = m > set->max_len ? m : set->max_len;
        set->first |= first_bit((unsigned char)set->list[i][0]);
    }
    set->ready = 1;
}

/* The built-in abbreviations' set, prepared once for every thread. */
static abbr_set default_set = {default_abbreviations, 0, 0, 0};
static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static void default_prepare(void)
{
    abbr_prepare(&default_set);
}

static int is_abbreviation(abbr_set *set, const char *word, size_t n)
{
    if (n == 0 || n >= 16)
        return 0;
    if (!set->ready)
        abbr_prepare(set);
    int first = tolower((unsigned char)word[0]);
    if (n > set->max_len || !(set->first & first_bit(first)))
        return 0;
    for (size_t i = 0; set->list[i]; i++) {
        const char *a = set->list[i];
        if (a[0] != first)
            continue;
        size_t k = 1; /* the text holds no NUL: a shorter abbreviation stops the loop */
        while (k < n && a[k] == tolower((unsigned char)word[k]))
            k++;
        if (k == n && a[n] == '\0')
            return 1;
    }
    return 0;
}

/* Scan one word starting at i; returns its end. Handles inner hyphens ("long-range"),
 * dotted abbreviations ("U.S."), decimals ("3.5") and a following "n't". */
static size_t scan_word(const unsigned char *s, size_t i, size_t len)
{
    size_t n;
    for (;;) {
        for (;;) {
            while (i < len && (aclass(s[i]) & C_WORD))
                i++;
            if (i < len && s[i] >= 0x80 && is_word_cp(decode(s, i, len, &n)))
                i += n;
            else
                break;
        }
        if (i + 1 < len) {
            unsigned cp = decode(s, i, len, &n);
            size_t n2;
            if ((is_hyphen(cp) || cp == '.' || cp == ',') && i + n < len &&
                is_word_cp(decode(s, i + n, len, &n2))) {
                /* "," only inside numbers ("1,000"); "." inside numbers or U.S.-style */
                if (cp == ',' && !(isdigit(s[i - 1]) && isdigit(s[i + n])))
                    return i;
                if (cp == '.' && !(isdigit(s[i - 1]) && isdigit(s[i + n])) &&
                    !(isalpha(s[i - 1]) && (i < 2 || !is_word_cp(s[i - 2]) || s[i - 2] == '.') &&
                      isalpha(s[i + n])))
                    return i;
                i += n;
                continue;
            }
        }
        return i;
    }
}

/* "n't" at i, followed by a non-letter: returns the byte after it, or 0. */
static size_t nt_at(const unsigned char *s, size_t i, size_t len)
{
    size_t a1;
    if (i + 1 >= len || (s[i] != 'n' && s[i] != 'N') || !is_apostrophe(decode(s, i + 1, len, &a1)))
        return 0;
    size_t t = i + 1 + a1;
    if (t < len && (s[t] == 't' || s[t] == 'T') && (t + 1 >= len || !is_word_cp(s[t + 1])))
        return t + 1;
    return 0;
}

/* One word at i (with its dot, "n't" or possessive); returns the byte after it. */
static sg_status word_tokens(builder *b, const char *text, size_t len, size_t i,
                             size_t *next)
{
    const unsigned char *s = (const unsigned char *)text;
    sg_status rc;
    size_t n, end = scan_word(s, i, len), word_end = end;
    /* dotted abbreviation U.S. / U.K. keeps its final dot */
    int dotted = memchr(text + i, '.', end - i) != NULL && !isdigit(s[i]);
    if (end < len && s[end] == '.' && (dotted || is_abbreviation(&b->abbr, text + i, end - i)))
        end++;
    /* contraction: "don't" -> "do" + "n't" */
    size_t nt = end == word_end && end >= i + 2 ? nt_at(s, end - 1, len) : 0;
    if (nt) {
        if ((rc = push_token(b, i, end - 1, SG_TOK_WORD, text + i, end - 1 - i)) != SG_OK)
            return rc;
        *next = nt;
        return push_token(b, end - 1, nt, SG_TOK_WORD, "n't", 3);
    }
    if ((rc = push_token(b, i, end, SG_TOK_WORD, text + i, end - i)) != SG_OK)
        return rc;
    *next = end;
    /* possessive 's or plural possessive ' */
    if (end < len && is_apostrophe(decode(s, end, len, &n))) {
        size_t a = end + n;
        if (a < len && (s[a] == 's' || s[a] == 'S') && (a + 1 >= len || !is_word_cp(s[a + 1]))) {
            *next = a + 1;
            return push_token(b, end, a + 1, SG_TOK_POSS, "'s", 2);
        }
        if (s[end - 1] == 's' && (a >= len || !is_word_cp(decode(s, a, len, &n)))) {
            *next = a;
            return push_token(b, end, a, SG_TOK_POSS, "'s", 2);
        }
    }
    return SG_OK;
}

/* One punctuation mark at i (normalised; "--" and "..." whole); tracks quotation state. */
static sg_status punct_token(builder *b, const char *text, size_t len, size_t i,
                             int *in_quote, size_t *next)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n;
    unsigned cp = decode(s, i, len, &n);
    const char *norm = punct_norm(cp);
    size_t end = i + n;
    if (cp == '-' && end < len && s[end] == '-')
        end++;
    if (norm == NULL && cp == '.' && end + 1 < len && s[end] == '.' && s[end + 1] == '.') {
        norm = "...";
        end += 2;
    }
    sg_status rc = norm ? push_token(b, i, end, SG_TOK_PUNCT, norm, strlen(norm))
                        : push_token(b, i, end, SG_TOK_PUNCT, text + i, n);
    if (cp == 0x201C || cp == 0xAB || cp == 0x201E)
        *in_quote = 1;
    else if (cp == 0x201D || cp == 0xBB)
        *in_quote = 0;
    else if (cp == '"')
        *in_quote = !*in_quote;
    *next = end;
    return rc;
}

/* A plain ASCII word s[i..j) followed by "," or "." that neither joins it to more word
 * ("1,000", "3.5", "U.S.") nor is an abbreviation's dot ("Gen."): the word ends at j. */
static int plain_end(const unsigned char *s, size_t i, size_t j, size_t len, abbr_set *abbr)
{
    if ((s[j] != ',' && s[j] != '.') || (j + 1 < len && (s[j + 1] >= 0x80 ||
                                                          (ascii_class[s[j + 1]] & C_WORD))))
        return 0;
    return s[j] == ',' || !is_abbreviation(abbr, (const char *)s + i, j - i);
}

static sg_status tokenize(builder *b, const char *text, size_t len, const char *const *abbr)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, n;
    int in_quote = 0;
    if (abbr == default_abbreviations) {
        pthread_once(&default_once, default_prepare);
        b->abbr = default_set;
    } else {
        b->abbr = (abbr_set){abbr, 0, 0, 0}; /* prepared on first use */
    }
    b->quote = 0;
    b->line_start = 1;
    while (i < len) {
        unsigned cp;
        if (s[i] < 0x80) {
            cp = s[i];
            n = 1;
            if (ascii_class[cp] & C_SPACE) {
                b->line_start |= cp == '\n';
                i++;
                continue;
            }
        } else {
            cp = decode(s, i, len, &n);
            if (is_space_cp(cp)) { /* no-break and other Unicode spaces */
                i += n;
                continue;
            }
        }
        size_t next = i + n, nt, j = i;
        sg_status rc;
        if (cp < 0x80 && (ascii_class[cp] & C_WORD)) /* fast path: a plain ASCII word */
            j = ascii_word_end(s, j, len);
        if (j > i && (j == len || (s[j] < 0x80 && !(ascii_class[s[j]] & C_JOIN)) ||
                      plain_end(s, i, j, len, &b->abbr))) {
            /* nothing that could extend it follows (no hyphen, dot, comma, apostrophe or
             * non-ASCII letter): the general path would give this one token */
            rc = push_ascii_word(b, text, i, j);
            next = j;
        } else if ((nt = nt_at(s, i, len)) != 0) {
            /* a lone "n't" (as lexicon phrases write it) is the same token as in "doesn't" */
            rc = push_token(b, i, nt, SG_TOK_WORD, "n't", 3);
            next = nt;
        } else if (is_word_cp(cp)) {
            rc = word_tokens(b, text, len, i, &next);
        } else {
            rc = punct_token(b, text, len, i, &in_quote, &next);
            /* a quotation mark is inside the quotation it opens, outside one it closes */
            if (rc == SG_OK)
                b->t->tok[b->t->n_tok - 1].quote = b->quote = (unsigned)in_quote;
        }
        if (rc != SG_OK) /* the group's first token took line_start (push_token ...) */
            return rc;
        i = next;
    }
    return SG_OK;
}

static sg_status push_piece(builder *b, size_t first, size_t last_plus1, int headline,
                             int para, int cut)
{
    sg_tokens *t = b->t;
    if (t->n_sent == b->sent_cap) {
        size_t cap = b->sent_cap ? b->sent_cap * 2 : 16;
        sg_sentence *p = realloc(t->sent, cap * sizeof(*p));
        if (p == NULL)
            return SG_ENOMEM;
        t->sent = p;
        b->sent_cap = cap;
    }
    sg_sentence *s = &t->sent[t->n_sent++];
    s->first = first;
    s->last_plus1 = last_plus1;
    s->start = t->tok[first].start;
    s->end = t->tok[last_plus1 - 1].end;
    s->headline = headline;
    s->paragraph_start = para;
    s->cut = cut;
    return SG_OK;
}

/* Where to cut a sentence that goes on past SG_MAX_SENTENCE_TOKENS tokens from first:
 * after the last ";", ":", "," or dash in the second half of the allowance, else at the
 * allowance itself. */
static size_t cut_point(const sg_tokens *t, size_t first)
{
    size_t lim = first + SG_MAX_SENTENCE_TOKENS;
    for (size_t k = lim; k-- > first + SG_MAX_SENTENCE_TOKENS / 2;) {
        const sg_token *x = &t->tok[k];
        if (x->kind == SG_TOK_PUNCT && (strcmp(x->norm, ";") == 0 || strcmp(x->norm, ":") == 0 ||
                                        strcmp(x->norm, ",") == 0 || strcmp(x->norm, "-") == 0))
            return k + 1;
    }
    return lim;
}

/* One sentence [first, last_plus1), cut into pieces of at most SG_MAX_SENTENCE_TOKENS
 * tokens so that no later stage works on an unbounded sentence. */
static sg_status push_sentence(builder *b, size_t first, size_t last_plus1, int headline,
                               int para)
{
    while (first < last_plus1 && last_plus1 - first > SG_MAX_SENTENCE_TOKENS) {
        size_t cut = cut_point(b->t, first);
        if (push_piece(b, first, cut, 0, para, 1) != SG_OK)
            return SG_ENOMEM;
        first = cut;
        para = 0;
    }
    if (first >= last_plus1)
        return SG_OK;
    return push_piece(b, first, last_plus1, headline, para, 0);
}

/* Small function words after which a line break does not end a sentence (hard wraps). */
static int continues_line(const sg_token *k)
{
    static const char *const cont[] = {"the", "a", "an", "of", "and", "or", "to", "in", "on",
                                       "for", "with", "by", "at", "from", "that", "as", NULL};
    if (k->kind == SG_TOK_PUNCT)
        return strcmp(k->norm, ",") == 0 || strcmp(k->norm, "-") == 0;
    for (size_t i = 0; cont[i]; i++)
        if (strcmp(k->norm, cont[i]) == 0)
            return 1;
    return 0;
}

/* A punctuation token that is exactly the one character c. */
static int punct_is(const sg_token *k, char c)
{
    return k->kind == SG_TOK_PUNCT && k->norm[0] == c && k->norm[1] == '\0';
}

static inline int is_terminal(const sg_token *k)
{
    return punct_is(k, '.') || punct_is(k, '!') || punct_is(k, '?') ||
           (k->kind == SG_TOK_PUNCT && k->norm[0] == '.' && strcmp(k->norm, "...") == 0);
}

static int is_closing(const sg_token *k)
{
    return punct_is(k, '"') || punct_is(k, '\'') || punct_is(k, ')');
}

static sg_status split_sentences(builder *b, const char *text)
{
    sg_tokens *t = b->t;
    size_t first = 0;
    int para = 1;
    for (size_t i = 0; i < t->n_tok; i++) {
        sg_token *k = &t->tok[i];
        if (i > first && k->line_start) {
            /* blank line before this token: a new paragraph */
            int blank = 0;
            int newlines = 0;
            for (size_t p = t->tok[i - 1].end; p < k->start; p++)
                if (text[p] == '\n' && ++newlines >= 2)
                    blank = 1;
            const sg_token *prev = &t->tok[i - 1];
            /* a line break ends a headline unless the line was hard-wrapped mid-sentence */
            if (blank || (!continues_line(prev) &&
                          (k->upper || k->kind == SG_TOK_PUNCT || isdigit((unsigned char)k->norm[0])))) {
                if (push_sentence(b, first, i, !is_terminal(prev), para) != SG_OK)
                    return SG_ENOMEM;
                para = blank;
                first = i;
            }
        }
        if (is_terminal(k)) {
            size_t end = i + 1;
            while (end < t->n_tok && is_closing(&t->tok[end]) && !t->tok[end].line_start &&
                   t->tok[end].start == t->tok[end - 1].end)
                end++;
            /* a terminal mark ends the sentence when the next token starts a new one */
            if (end >= t->n_tok || t->tok[end].upper || t->tok[end].line_start ||
                t->tok[end].kind == SG_TOK_PUNCT || isdigit((unsigned char)t->tok[end].norm[0])) {
                if (push_sentence(b, first, end, 0, para) != SG_OK)
                    return SG_ENOMEM;
                para = end < t->n_tok && t->tok[end].line_start;
                first = end;
                i = end - 1;
            }
        }
    }
    if (push_sentence(b, first, t->n_tok, 0, para) != SG_OK)
        return SG_ENOMEM;
    return SG_OK;
}

sg_status sg_tokens_init(sg_tokens *out, const char *text, size_t len,
                         const char *const *abbreviations, sg_error *err)
{
    memset(out, 0, sizeof(*out));
    size_t bad = 0;
    if (!sg_utf8_valid(text, len, &bad))
        return sg_error_set(err, SG_EINPUT, NULL, 0, "invalid UTF-8 at byte %zu", bad);
    builder b = {out, {NULL, 0, 0, 0}, 0, 0, len, 0, 1};
    /* Reserve once: a norm is never longer than its text, so the pool needs at most
     * len + one NUL per token; tokens are about one per 5 bytes of news text (grown when
     * a text is denser). */
    size_t tok_guess = len / 5 + 16, sent_guess = len / 64 + 16; /* ~130 bytes a sentence */
    out->pool = malloc(2 * len + 16);
    out->tok = malloc(tok_guess * sizeof(sg_token));
    out->sent = malloc(sent_guess * sizeof(sg_sentence));
    if (out->pool == NULL || out->tok == NULL || out->sent == NULL) {
        sg_tokens_destroy(out);
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory while tokenising");
    }
    out->pool_cap = 2 * len + 16;
    b.tok_cap = tok_guess;
    b.sent_cap = sent_guess;
    sg_status rc = tokenize(&b, text, len, abbreviations ? abbreviations : default_abbreviations);
    if (rc == SG_OK) {
        for (size_t i = 0; i < out->n_tok; i++)
            out->tok[i].norm = out->pool + (uintptr_t)out->tok[i].norm;
        rc = split_sentences(&b, text);
    }
    if (rc != SG_OK) {
        sg_tokens_destroy(out);
        return sg_error_set(err, rc, NULL, 0, "out of memory while tokenising");
    }
    return SG_OK;
}

void sg_tokens_destroy(sg_tokens *t)
{
    if (t == NULL)
        return;
    free(t->tok);
    free(t->sent);
    free(t->pool);
    memset(t, 0, sizeof(*t));
}
