/* num.c - checked number conversion and the shared numeric limits; see num.h. */
#include "common/num.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>

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
