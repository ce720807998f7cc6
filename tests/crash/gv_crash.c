/* gv_crash.c - an LD_PRELOAD shim for tests/crash/render_crash.sh: gvLayout dies of a
 * real SIGSEGV for the engines listed in SG_TEST_CRASH_ENGINES (comma-separated), as
 * Graphviz's own layout bugs do on some graphs; every other engine runs the real gvLayout.
 * Built only for that test, never linked into the library or the command. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

typedef struct GVC_s GVC_t;
typedef struct Agraph_s graph_t;
typedef int (*gv_layout_fn)(GVC_t *, graph_t *, const char *);

/* 1 when engine is one of the comma-separated names in list. */
static int listed(const char *list, const char *engine)
{
    size_t n = strlen(engine);
    for (const char *p = list; *p;) {
        size_t k = strcspn(p, ",");
        if (k == n && strncmp(p, engine, n) == 0)
            return 1;
        p += k;
        if (*p == ',')
            p++;
    }
    return 0;
}

int gvLayout(GVC_t *gvc, graph_t *g, const char *engine)
{
    const char *list = getenv("SG_TEST_CRASH_ENGINES");
    if (list != NULL && engine != NULL && listed(list, engine)) {
        volatile int *nowhere = NULL;
        *nowhere = 1; /* SIGSEGV, as from inside a layout engine */
    }
    gv_layout_fn real = (gv_layout_fn)dlsym(RTLD_NEXT, "gvLayout");
    return real ? real(gvc, g, engine) : -1;
}
