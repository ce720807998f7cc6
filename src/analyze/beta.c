/* beta.c - the Beta distribution's CDF (regularized incomplete beta) and quantile, for
 * the credible intervals of stance classes. No state; libm only.
 *
 * I_x(a,b) = x^a (1-x)^b / (a B(a,b)) * 1/(1+ d1/(1+ d2/(1+ ...))) with
 *   d(2m+1) = -(a+m)(a+b+m) x / ((a+2m)(a+2m+1)),  d(2m) = m(b-m) x / ((a+2m-1)(a+2m)),
 * evaluated by the modified Lentz method; it converges fast for x < (a+1)/(a+b+2), and
 * the symmetry I_x(a,b) = 1 - I_(1-x)(b,a) covers the rest. The quantile inverts the
 * monotone CDF by bisection.
 */
#include "analyze/analyze_internal.h"

#include <float.h>
#include <math.h>

#define CF_EPS 1e-15
#define CF_TINY 1e-300
#define CF_MAX_ITER 1000

static double lentz_step(double d_coef, double *c, double *d)
{
    *d = 1.0 + d_coef * *d;
    if (fabs(*d) < CF_TINY)
        *d = CF_TINY;
    *c = 1.0 + d_coef / *c;
    if (fabs(*c) < CF_TINY)
        *c = CF_TINY;
    *d = 1.0 / *d;
    return *d * *c;
}

/* The continued fraction part of I_x(a,b); valid for x < (a+1)/(a+b+2). */
static double beta_cf(double x, double a, double b)
{
    double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
    if (fabs(d) < CF_TINY)
        d = CF_TINY;
    d = 1.0 / d;
    double f = d;
    for (int m = 1; m <= CF_MAX_ITER; m++) {
        double m2 = 2.0 * m;
        double even = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
        f *= lentz_step(even, &c, &d);
        double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
        double delta = lentz_step(odd, &c, &d);
        f *= delta;
        if (fabs(delta - 1.0) < CF_EPS)
            break;
    }
    return f;
}

/* I_x(a,b) given lg = lgamma(a + b) - lgamma(a) - lgamma(b), which the quantile's
 * search computes once instead of at every step (same operations, same bits). */
static double cdf_lg(double x, double a, double b, double lg)
{
    if (x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    double log_front = lg + a * log(x) + b * log1p(-x);
    if (x < (a + 1.0) / (a + b + 2.0))
        return exp(log_front) * beta_cf(x, a, b) / a;
    return 1.0 - exp(log_front) * beta_cf(1.0 - x, b, a) / b;
}

static double log_beta_front(double a, double b)
{
    return lgamma(a + b) - lgamma(a) - lgamma(b);
}

double sg_beta_cdf(double x, double a, double b)
{
    if (!(a > 0) || !(b > 0) || isnan(x))
        return NAN;
    return cdf_lg(x, a, b, log_beta_front(a, b));
}

double sg_beta_quantile(double p, double a, double b)
{
    if (!(a > 0) || !(b > 0) || isnan(p))
        return NAN;
    if (p <= 0.0)
        return 0.0;
    if (p >= 1.0)
        return 1.0;
    double lo = 0.0, hi = 1.0, lg = log_beta_front(a, b);
    for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
        double mid = 0.5 * (lo + hi);
        if (cdf_lg(mid, a, b, lg) < p)
            lo = mid;
        else
            hi = mid;
    }
    return 0.5 * (lo + hi);
}
