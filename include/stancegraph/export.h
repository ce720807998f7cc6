/* export.h - SG_API, the mark of the public API. The library is compiled with
 * -fvisibility=hidden, so a function is exported from libstancegraph.so only when its
 * declaration in include/stancegraph/ starts with SG_API; everything else, including
 * the internal sg_<module>__* helpers, stays private to the library.
 * tests/install/check-exports fails when the two lists differ.
 */
#ifndef SG_EXPORT_H
#define SG_EXPORT_H

#if defined(__GNUC__)
#define SG_API __attribute__((visibility("default")))
#else
#define SG_API
#endif

#endif
