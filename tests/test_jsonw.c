/* test_jsonw.c - the streaming JSON writer (src/common/jsonw.c): shortest round-trip
 * numbers against strtod, RFC 8259 escaping, invalid UTF-8, structure and separators,
 * the FILE sink, sticky errors; statements written through it; and the reader's exact
 * fast strtod (common/num.c) against strtod.
 * (scripts/check-numbers checks millions of numbers against Python's repr.)
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "common/jsonw.h"
#include "common/num.h"
#include "sg_test.h"
#include "stancegraph/statements.h"

static double of_bits(uint64_t b)
{
    double v;
    memcpy(&v, &b, sizeof(v));
    return v;
}

static uint64_t bits_of(double v)
{
    uint64_t b;
    memcpy(&b, &v, sizeof(b));
    return b;
}

static uint64_t lcg(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return *s;
}

/* The significant digits of a formatted number (sign, point, exponent dropped). */
static int sig_digits(const char *s)
{
    int n = 0, started = 0, zeros = 0;
    for (; *s && *s != 'e'; s++) {
        if (*s < '0' || *s > '9')
            continue;
        if (*s == '0' && !started)
            continue;
        started = 1;
        if (*s == '0') {
            zeros++;
        } else {
            n += zeros + 1;
            zeros = 0;
        }
    }
    return n ? n : 1;
}

/* Some decimal of p digits reads back to v: the rounded one or its neighbours. */
static int some_decimal_reads_back(double v, int p)
{
    char s[64];
    snprintf(s, sizeof(s), "%.*e", p - 1, v);
    if (strtod(s, NULL) == v)
        return 1;
    char *e = strchr(s, 'e');
    for (int dir = -1; dir <= 1; dir += 2) {
        char t[64];
        memcpy(t, s, sizeof(t));
        char *d = t + (e - s) - 1;
        /* +/- one unit in the last place, with carry or borrow */
        while (d >= t && (*d == '.' || *d == '-' || *d == (dir > 0 ? '9' : '0'))) {
            if (*d != '.' && *d != '-')
                *d = dir > 0 ? '0' : '9';
            d--;
        }
        if (d < t)
            continue; /* past the first digit: a different length, checked elsewhere */
        *d = (char)(*d + dir);
        if (strtod(t, NULL) == v)
            return 1;
    }
    return 0;
}

static void expect_shortest(double v)
{
    char out[SG_JSONW_NUM_MAX];
    size_t n = sg_jsonw_format_double(v, out);
    CU_ASSERT_FATAL(n > 0 && n == strlen(out));
    double back = strtod(out, NULL);
    CU_ASSERT_EQUAL(bits_of(back), bits_of(v));
    int k = sig_digits(out);
    if (k > 1 && some_decimal_reads_back(fabs(v), k - 1)) {
        CU_FAIL("not the shortest decimal");
        fprintf(stderr, "\n  %.17g -> %s\n", v, out);
    }
    if (bits_of(back) != bits_of(v))
        fprintf(stderr, "\n  %.17g -> %s -> %.17g\n", v, out, back);
}

static void test_random_doubles_read_back_and_are_shortest(void)
{
    uint64_t seed = 20261201;
    for (int i = 0; i < 4000; i++) {
        uint64_t b = lcg(&seed);
        double v;
        switch (i % 4) {
        case 0: /* any finite bit pattern */
            v = of_bits(b);
            if (!isfinite(v))
                continue;
            break;
        case 1: /* rounded to 6 decimals, as the library prints weights */
            v = round(((double)(b >> 11) / 9007199254740992.0 - 0.5) * pow(10, (int)(b % 13)) *
                      1e6) / 1e6;
            break;
        case 2: /* subnormal */
            v = of_bits(b & 0x800FFFFFFFFFFFFFull);
            break;
        default: /* whole numbers up to 2^53 */
            v = (double)(b >> (11 + b % 50));
        }
        expect_shortest(v);
    }
}

static void expect_text(double v, const char *want)
{
    char out[SG_JSONW_NUM_MAX];
    sg_jsonw_format_double(v, out);
    CU_ASSERT_STRING_EQUAL(out, want);
}

static void test_fixed_numbers_and_their_layout(void)
{
    expect_text(0.0, "0");
    expect_text(-0.0, "-0");
    expect_text(1.0, "1");
    expect_text(-42.0, "-42");
    expect_text(0.1, "0.1");
    expect_text(0.333333, "0.333333");
    expect_text(123456.789, "123456.789");
    expect_text(0.0001, "0.0001");
    expect_text(0.00001, "1e-05");
    expect_text(5e-324, "5e-324");
    expect_text(1e300, "1e+300");
    expect_text(1e15, "1e+15");
    expect_text(123456789012345.0, "123456789012345");
    expect_text(9007199254740992.0, "9007199254740992"); /* 2^53: 16 digits, %.17g layout */
    expect_text(9007199254740991.0, "9007199254740991");
    expect_text(1.7976931348623157e308, "1.7976931348623157e+308");
    expect_text(2.2250738585072014e-308, "2.2250738585072014e-308");
    expect_text(1.0 / 3.0, "0.3333333333333333"); /* 16 digits where cJSON printed 17 */
    expect_text(0.1 + 0.2, "0.30000000000000004");
    char out[SG_JSONW_NUM_MAX];
    CU_ASSERT_EQUAL(sg_jsonw_format_double(NAN, out), 0);
    CU_ASSERT_EQUAL(sg_jsonw_format_double(INFINITY, out), 0);
    CU_ASSERT_EQUAL(sg_jsonw_format_double(-INFINITY, out), 0);
    /* every whole number up to 2^53 is itself */
    for (uint64_t u = 1; u < (1ull << 53); u = u * 3 + 1) {
        char want[32];
        snprintf(want, sizeof(want), "%llu", (unsigned long long)u);
        sg_jsonw_format_double((double)u, out);
        if (u < 1000000000000000ull)
            CU_ASSERT_STRING_EQUAL(out, want);
        CU_ASSERT_EQUAL(strtod(out, NULL), (double)u);
    }
}

static char *written(void (*fn)(sg_jsonw *))
{
    sg_jsonw w;
    sg_jsonw_init(&w, NULL);
    fn(&w);
    char *out = NULL;
    size_t len = 0;
    CU_ASSERT_EQUAL(sg_jsonw_finish(&w, &out, &len), SG_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_EQUAL(len, strlen(out));
    return out;
}

static void strings_doc(sg_jsonw *w)
{
    sg_jsonw_arr(w);
    sg_jsonw_str(w, "plain");
    sg_jsonw_str(w, "q\"b\\s/");
    sg_jsonw_str(w, "\b\f\n\r\t\x01\x1f\x7f");
    sg_jsonw_str(w, "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
    sg_jsonw_str(w, NULL);
    sg_jsonw_str(w, "");
    sg_jsonw_arr_end(w);
}

static void test_strings_are_escaped_as_rfc8259_and_cjson(void)
{
    char *out = written(strings_doc);
    CU_ASSERT_STRING_EQUAL(out, "[\"plain\",\"q\\\"b\\\\s/\",\"\\b\\f\\n\\r\\t\\u0001\\u001f\x7f\","
                                "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\",null,\"\"]");
    /* cJSON prints the same strings byte for byte */
    cJSON *a = cJSON_Parse(out);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    char *again = cJSON_PrintUnformatted(a);
    CU_ASSERT_STRING_EQUAL(again, out);
    cJSON_free(again);
    cJSON_Delete(a);
    free(out);
}

static void bad_utf8_doc(sg_jsonw *w)
{
    sg_jsonw_arr(w);
    sg_jsonw_str(w, "a\xC0\x80" "b");       /* overlong */
    sg_jsonw_str(w, "\xED\xA0\x80");        /* a surrogate */
    sg_jsonw_str(w, "\xE2\x82");            /* truncated */
    sg_jsonw_str(w, "\xF5\x80\x80\x80x");   /* above U+10FFFF */
    sg_jsonw_str(w, "\x80");                /* a lone continuation byte */
    sg_jsonw_arr_end(w);
}

static void test_invalid_utf8_is_written_as_replacement_characters(void)
{
    char *out = written(bad_utf8_doc);
    const char *r = "\xEF\xBF\xBD";
    char want[256];
    snprintf(want, sizeof(want), "[\"a%s%sb\",\"%s%s%s\",\"%s%s\",\"%s%s%s%sx\",\"%s\"]", r, r, r,
             r, r, r, r, r, r, r, r, r);
    CU_ASSERT_STRING_EQUAL(out, want);
    free(out);
}

static void nested_doc(sg_jsonw *w)
{
    sg_jsonw_obj(w);
    sg_jsonw_kstr(w, "a", "x");
    sg_jsonw_kint(w, "b", -7);
    sg_jsonw_knum(w, "c", 0.5);
    sg_jsonw_kbool(w, "d", 1);
    sg_jsonw_kbool(w, "e", 0);
    sg_jsonw_key(w, "f");
    sg_jsonw_null(w);
    sg_jsonw_key(w, "g");
    sg_jsonw_arr(w);
    sg_jsonw_arr_end(w);
    sg_jsonw_key(w, "h");
    sg_jsonw_obj(w);
    sg_jsonw_obj_end(w);
    sg_jsonw_key(w, "i");
    sg_jsonw_arr(w);
    for (int k = 0; k < 3; k++) {
        sg_jsonw_nl(w);
        sg_jsonw_obj(w);
        sg_jsonw_kint(w, "k", k);
        sg_jsonw_key(w, "l");
        sg_jsonw_arr(w);
        sg_jsonw_int(w, k);
        sg_jsonw_num(w, 1e-7);
        sg_jsonw_arr_end(w);
        sg_jsonw_obj_end(w);
    }
    sg_jsonw_arr_end(w);
    sg_jsonw_nl(w);
    sg_jsonw_kstr(w, "j", "end");
    sg_jsonw_obj_end(w);
}

static void test_separators_nesting_and_line_breaks(void)
{
    char *out = written(nested_doc);
    CU_ASSERT_STRING_EQUAL(out, "{\"a\":\"x\",\"b\":-7,\"c\":0.5,\"d\":true,\"e\":false,\"f\":null,"
                                "\"g\":[],\"h\":{},\"i\":[\n{\"k\":0,\"l\":[0,1e-07]},\n"
                                "{\"k\":1,\"l\":[1,1e-07]},\n{\"k\":2,\"l\":[2,1e-07]}],\n"
                                "\"j\":\"end\"}");
    cJSON *doc = cJSON_Parse(out);
    CU_ASSERT_PTR_NOT_NULL(doc);
    cJSON_Delete(doc);
    free(out);
}

/* Many elements: the FILE sink flushes in blocks and writes what the buffer holds. */
static void big_doc(sg_jsonw *w)
{
    sg_jsonw_arr(w);
    for (int i = 0; i < 30000; i++) {
        sg_jsonw_nl(w);
        sg_jsonw_obj(w);
        sg_jsonw_kint(w, "i", i);
        sg_jsonw_knum(w, "w", i / 7.0);
        sg_jsonw_kstr(w, "s", "text \"quoted\" \xC3\xA9");
        sg_jsonw_obj_end(w);
    }
    sg_jsonw_arr_end(w);
}

static void test_file_sink_writes_what_the_buffer_holds(void)
{
    char *want = written(big_doc);
    FILE *fp = tmpfile();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    sg_jsonw w;
    sg_jsonw_init(&w, fp);
    big_doc(&w);
    CU_ASSERT_EQUAL(sg_jsonw_finish(&w, NULL, NULL), SG_OK);
    long n = ftell(fp);
    CU_ASSERT_EQUAL_FATAL((size_t)n, strlen(want));
    CU_ASSERT(n > 1 << 20); /* several flushes */
    rewind(fp);
    char *got = malloc((size_t)n + 1);
    CU_ASSERT_EQUAL_FATAL(fread(got, 1, (size_t)n, fp), (size_t)n);
    got[n] = '\0';
    CU_ASSERT_STRING_EQUAL(got, want);
    free(got);
    free(want);
    fclose(fp);
}

static void test_non_finite_numbers_fail_and_errors_stick(void)
{
    sg_jsonw w;
    sg_jsonw_init(&w, NULL);
    sg_jsonw_arr(&w);
    sg_jsonw_num(&w, 1.0);
    sg_jsonw_num(&w, NAN);
    sg_jsonw_str(&w, "after");
    sg_jsonw_arr_end(&w);
    char *out = (char *)1;
    CU_ASSERT_EQUAL(sg_jsonw_finish(&w, &out, NULL), SG_EINPUT);
    CU_ASSERT_PTR_NULL(out);
    sg_jsonw_init(&w, NULL);
    sg_jsonw_num(&w, INFINITY);
    CU_ASSERT_EQUAL(w.status, SG_EINPUT);
    sg_jsonw_discard(&w);
}

static void test_statements_append_as_they_print(void)
{
    const char *line =
        "{\"id\":\"d1:s3:1\",\"doc\":\"d1\",\"actor\":\"A \\\"B\\\"\",\"topic\":\"t\","
        "\"target\":null,\"stance\":1,\"weight\":0.333333,\"flags\":[\"hedged\"],"
        "\"sentence\":3,\"span\":[4,9],\"text\":\"tab\\there\"}";
    sg_statement s;
    CU_ASSERT_EQUAL_FATAL(sg_statement_parse(&s, line, strlen(line), "t", 1, NULL), SG_OK);
    char *one = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_statement_to_json(&one, &s), SG_OK);
    CU_ASSERT_STRING_EQUAL(one, line);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (int i = 0; i < 3; i++)
        CU_ASSERT_EQUAL(sg_statement_append_json(&buf, &len, &cap, &s), SG_OK);
    CU_ASSERT_EQUAL(len, 3 * (strlen(one) + 1));
    CU_ASSERT_EQUAL(strlen(buf), len);
    CU_ASSERT_EQUAL(strncmp(buf, one, strlen(one)), 0);
    CU_ASSERT_EQUAL(buf[strlen(one)], '\n');
    free(buf);
    free(one);
    sg_statement_destroy(&s);
}

static void expect_read(const char *text)
{
    double want = strtod(text, NULL), got = sg_num_json_strtod(text, strlen(text));
    CU_ASSERT_EQUAL(bits_of(got), bits_of(want));
    if (bits_of(got) != bits_of(want))
        fprintf(stderr, "\n  %s: %.17g, strtod %.17g\n", text, got, want);
}

/* JSON numbers of every shape the fast path takes or leaves to strtod: the shortest
 * forms the writer prints, 1..25 digits with the point anywhere, exponents -30..30,
 * leading zeros, 2^53 and its neighbours, and the edge cases. */
static void test_json_numbers_read_as_strtod_reads_them(void)
{
    static const char *const fixed[] = {
        "0", "-0", "0.0", "-0.0", "0e5", "-0E-5", "1", "-1", "0.1", "0.000001", "1e22",
        "1e23", "1e-22", "1e-23", "9007199254740992", "9007199254740993", "9007199254740991",
        "-9007199254740993", "123456789012345678", "1234567890123456789",
        "12345678901234567890", "0.30000000000000004", "2.2250738585072014e-308",
        "5e-324", "1.7976931348623157e308", "1e309", "-1e400", "4.9406564584124654e-324",
        "0.0000000000000000000000000001", "1E+2", "1e+0", "00.5e1", "100000000000000000000000",
        "1.00000000000000011102230246251565404236316680908203125"};
    for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
        expect_read(fixed[i]);
    uint64_t seed = 4242;
    char text[64];
    for (int i = 0; i < 20000; i++) {
        uint64_t b = lcg(&seed);
        if (i % 2 == 0) { /* what the writer prints */
            double v = i % 4 == 0 ? of_bits(b)
                                  : round(((double)(b >> 11) / 9007199254740992.0 - 0.5) *
                                          pow(10, (int)(b % 13)) * 1e6) / 1e6;
            if (!isfinite(v))
                continue;
            sg_jsonw_format_double(v, text);
        } else { /* digits, a point and an exponent anywhere */
            int n = 1 + (int)(b % 25), point = (int)((b >> 5) % (uint64_t)(n + 1));
            size_t k = 0;
            if (b >> 63)
                text[k++] = '-';
            uint64_t d = lcg(&seed);
            for (int j = 0; j < n; j++) {
                if (j == point && j > 0)
                    text[k++] = '.';
                if (j % 16 == 15)
                    d = lcg(&seed);
                text[k++] = (char)('0' + (d >> (4 * (j % 16))) % 10);
            }
            if ((b >> 10) % 3 == 0)
                k += (size_t)sprintf(text + k, "e%d", (int)((b >> 12) % 61) - 30);
            text[k] = '\0';
        }
        expect_read(text);
    }
}

static CU_TestInfo tests[] = {
    {"JSON numbers read as strtod reads them", test_json_numbers_read_as_strtod_reads_them},
    {"random doubles read back and are shortest", test_random_doubles_read_back_and_are_shortest},
    {"fixed numbers and their layout", test_fixed_numbers_and_their_layout},
    {"strings are escaped as RFC 8259 and cJSON", test_strings_are_escaped_as_rfc8259_and_cjson},
    {"invalid UTF-8 is written as U+FFFD", test_invalid_utf8_is_written_as_replacement_characters},
    {"separators, nesting and line breaks", test_separators_nesting_and_line_breaks},
    {"FILE sink writes what the buffer holds", test_file_sink_writes_what_the_buffer_holds},
    {"non-finite numbers fail and errors stick", test_non_finite_numbers_fail_and_errors_stick},
    {"statements append as they print", test_statements_append_as_they_print},
    CU_TEST_INFO_NULL};

static CU_SuiteInfo suites[] = {{"jsonw", NULL, NULL, NULL, NULL, tests}, CU_SUITE_INFO_NULL};

SG_TEST_MAIN(suites)
