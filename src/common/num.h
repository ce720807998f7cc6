/* num.h - checked number conversion shared by every reader (statements, graph.json,
 * report.json, edge CSV, lexicon, CLI options) and the limits the writers keep, so that
 * whatever one command writes the next one reads: validate once, at the boundary.
 * Converting a double outside an integer type's range is undefined behaviour in C; these
 * helpers range-check first. Private to the library and the CLI (not installed).
 */
#ifndef SG_COMMON_NUM_H
#define SG_COMMON_NUM_H

#include <stddef.h>

/* Numbers are printed rounded to 6 decimals; larger magnitudes would not survive the
 * round trip exactly, so every weight, score and aggregate is at most this. */
#define SG_MAX_WEIGHT 1e12
/* Integers read from JSON (counts, sentence numbers, byte offsets) are at most 2^53,
 * the largest range a JSON double holds exactly. */
#define SG_MAX_JSON_INT 9007199254740992.0

/* 1 when v is finite and lo <= v <= hi. NaN and infinities are never in range. */
int sg_num_in(double v, double lo, double hi);

/* v is a whole number in [lo, hi] (and lo..hi fit a long): store it in *out, return 1;
 * otherwise return 0 and leave *out alone. */
int sg_num_to_long(double v, long lo, long hi, long *out);

/* The whole of s (no leading/trailing junk, not empty) is a decimal number in [lo, hi].
 * Returns 1 and stores it, else 0. */
int sg_num_parse_double(const char *s, double lo, double hi, double *out);

/* The whole of s is a base-10 integer in [lo, hi]: "-1" with lo = 0 is refused instead
 * of wrapping like strtoul. Returns 1 and stores it, else 0. */
int sg_num_parse_long(const char *s, long lo, long hi, long *out);

/* strtod of s[0..len), a number by the JSON grammar (the caller has checked it), without
 * strtod's cost in the common case: at most 19 significant digits forming an integer
 * below 2^53, scaled by 10^-22 .. 10^22, is one exact IEEE operation on two exact
 * doubles and so correctly rounded, the same double strtod gives (Clinger's fast path);
 * anything else goes to strtod. */
double sg_num_json_strtod(const char *s, size_t len);

#endif
