/* num.c - checked number conversion and the shared numeric limits; see num.h. */
#include "common/num.h"

#include <errno.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int sg_num_in(double v, double lo, double hi)
{
    return isfinite(v) && v >= lo && v <= hi;
}

int sg_num_to_long(double v, long lo, long hi, long *out)
{
    /* compare as doubles before converting: (long)v is undefined when out of range */
    if (!isfinite(v) || v < (double)lo || v > (double)hi || v != floor(v))
        return 0;
    if (fabs(v) > SG_MAX_JSON_INT)
        return 0;
    *out = (long)v;
    return 1;
}

int sg_num_parse_double(const char *s, double lo, double hi, double *out)
{
    if (s == NULL || *s == '\0' || *s == ' ' || *s == '\t')
        return 0;
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || errno == ERANGE || !sg_num_in(v, lo, hi))
        return 0;
    *out = v;
    return 1;
}

int sg_num_parse_long(const char *s, long lo, long hi, long *out)
{
    if (s == NULL || *s == '\0' || *s == ' ' || *s == '\t' || *s == '+')
        return 0;
    char *end = NULL;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end != '\0' || errno == ERANGE || v < lo || v > hi)
        return 0;
    *out = v;
    return 1;
}

/* strtod of a copy, its '.' made the locale's decimal point (as cJSON does), so that a
 * program that set a locale with a decimal comma reads the same numbers. */
static double slow_strtod(const char *s, size_t len)
{
    char buf[400], *copy = len < sizeof(buf) ? buf : malloc(len + 1);
    if (copy == NULL)
        return strtod("nan", NULL); /* refused by every reader's finite check */
    char point = localeconv()->decimal_point[0];
    for (size_t i = 0; i < len; i++)
        copy[i] = s[i] == '.' && point != '\0' ? point : s[i];
    copy[len] = '\0';
    double v = strtod(copy, NULL);
    if (copy != buf)
        free(copy);
    return v;
}

double sg_num_json_strtod(const char *s, size_t len)
{
    /* exact powers of ten: 10^22 < 2^53 * 2^22 is the last one a double holds exactly */
    static const double pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
#if FLT_EVAL_METHOD != 0
    return slow_strtod(s, len); /* the fast path needs plain double arithmetic */
#endif
    size_t i = 0;
    int neg = 0, digits = 0;
    uint64_t m = 0;
    long exp10 = 0;
    if (i < len && s[i] == '-') {
        neg = 1;
        i++;
    }
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
        if (m == 0 && s[i] == '0')
            continue; /* leading zeros are not significant */
        if (++digits > 19)
            return slow_strtod(s, len);
        m = m * 10 + (uint64_t)(s[i] - '0');
    }
    if (i < len && s[i] == '.') {
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            exp10--;
            if (m == 0 && s[i] == '0')
                continue;
            if (++digits > 19)
                return slow_strtod(s, len);
            m = m * 10 + (uint64_t)(s[i] - '0');
        }
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        int eneg = 0;
        long e = 0;
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            if (e > 100000)
                return slow_strtod(s, len);
            e = e * 10 + (s[i] - '0');
        }
        exp10 += eneg ? -e : e;
    }
    if (i != len || m > ((uint64_t)1 << 53))
        return slow_strtod(s, len);
    double v = (double)m;
    if (m != 0) {
        if (exp10 < -22 || exp10 > 22)
            return slow_strtod(s, len);
        v = exp10 < 0 ? v / pow10[-exp10] : v * pow10[exp10];
    }
    return neg ? -v : v;
}
