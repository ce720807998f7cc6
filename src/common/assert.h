/* assert.h - SG_ASSERT, the library's invariant check (private, not installed).
 *
 * SG_ASSERT(cond, err) in a function returning sg_status: in a debug build (NDEBUG not
 * defined: the sanitizer builds) a broken invariant aborts at once, loudly, like
 * assert(); in a release build it never aborts the caller's process (the library never
 * exits): it records "internal error: COND (FILE:LINE)" in err (NULL allowed) and
 * returns SG_EINTERNAL, which the CLI reports as exit code 3.
 */
#ifndef SG_COMMON_ASSERT_H
#define SG_COMMON_ASSERT_H

#include <assert.h>
#include "stancegraph/error.h"

#ifdef NDEBUG
#define SG_ASSERT(cond, err)                                                            \
    do {                                                                                \
        if (!(cond))                                                                    \
            return sg_error_set((err), SG_EINTERNAL, NULL, 0,                           \
                                "internal error: %s (%s:%d)", #cond, __FILE__, __LINE__); \
    } while (0)
#else
#define SG_ASSERT(cond, err) \
    do {                     \
        (void)(err);         \
        assert(cond);        \
    } while (0)
#endif

#endif
