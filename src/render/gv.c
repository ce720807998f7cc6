/* gv.c - the render module's boundary with Graphviz's gvc: plugin checks, in-process
 * layout and rendering to memory, and the capture of Graphviz's messages (agseterrf)
 * so that the library never prints.
 *
 * Graphviz keeps process-global state; the capture buffer is thread-local, but
 * Graphviz itself must be used from one thread at a time (see render.h).
 */
#define _XOPEN_SOURCE 700 /* srand48 */
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/gv_internal.h"

/* The last message Graphviz sent through agerr while a capture was active. */
static _Thread_local char sg_gv_msg[512];

static int sg_gv_capture_fn(char *msg)
{
    /* keep the first error (errors outrank warnings); else the last warning */
    if (strncmp(sg_gv_msg, "Error", 5) == 0)
        return 0;
    snprintf(sg_gv_msg, sizeof(sg_gv_msg), "%s", msg);
    size_t n = strlen(sg_gv_msg);
    while (n > 0 && (sg_gv_msg[n - 1] == '\n' || sg_gv_msg[n - 1] == ' '))
        sg_gv_msg[--n] = '\0';
    return 0;
}

void sg_gv_capture_begin(sg_gv_capture *c)
{
    sg_gv_msg[0] = '\0';
    c->prev = agseterrf(sg_gv_capture_fn);
}

void sg_gv_capture_end(sg_gv_capture *c)
{
    agseterrf(c->prev);
}

const char *sg_gv_last_message(void)
{
    return sg_gv_msg[0] ? sg_gv_msg : "no message from Graphviz";
}

/* The one Graphviz context of the process, made on first use and kept. Graphviz 2.42's
 * pango plugin caches a pointer to the last font name, which lives in the context's
 * font dictionary: freeing a context and making a new one leaves that pointer dangling
 * (AddressSanitizer: heap-use-after-free in textspan_size). Keeping one context avoids
 * it; Graphviz is single-threaded anyway (see render.h). */
static GVC_t *sg_gv_context(void)
{
    static GVC_t *gvc;
    if (gvc == NULL)
        gvc = gvContext();
    return gvc;
}

/* 1 when name is in Graphviz's plugin list of this kind ("layout", "device"). */
static int sg_gv_has(GVC_t *gvc, const char *kind, const char *name)
{
    int n = 0, found = 0;
    char **list = gvPluginList(gvc, kind, &n, NULL);
    for (int i = 0; i < n; i++) {
        if (strcmp(list[i], name) == 0)
            found = 1;
        free(list[i]);
    }
    free(list);
    return found;
}

/* Append the names of a plugin kind to b, space-separated. */
static void sg_gv_list(sg_buf *b, GVC_t *gvc, const char *kind)
{
    int n = 0;
    char **list = gvPluginList(gvc, kind, &n, NULL);
    for (int i = 0; i < n; i++) {
        if (i > 0)
            sg_buf_puts(b, " ");
        sg_buf_puts(b, list[i]);
        free(list[i]);
    }
    free(list);
}

static const char *const sg_gv_layouts[] = {"dot", "neato", "fdp", "sfdp", "nop"};
static const char *const sg_gv_devices[] = {"svg", "png", "pdf"};

sg_status sg_render_check_plugins(sg_error *err)
{
    sg_gv_capture cap;
    sg_gv_capture_begin(&cap);
    GVC_t *gvc = sg_gv_context();
    sg_status rc = SG_OK;
    sg_buf missing;
    sg_buf_init(&missing);
    if (gvc == NULL) {
        rc = sg_error_set(err, SG_EINTERNAL, NULL, 0, "cannot start Graphviz: %s",
                          sg_gv_last_message());
        goto done;
    }
    for (size_t i = 0; i < sizeof(sg_gv_layouts) / sizeof(*sg_gv_layouts); i++)
        if (!sg_gv_has(gvc, "layout", sg_gv_layouts[i]))
            sg_buf_printf(&missing, " layout:%s", sg_gv_layouts[i]);
    for (size_t i = 0; i < sizeof(sg_gv_devices) / sizeof(*sg_gv_devices); i++)
        if (!sg_gv_has(gvc, "device", sg_gv_devices[i]))
            sg_buf_printf(&missing, " format:%s", sg_gv_devices[i]);
    if (missing.len > 0)
        rc = sg_error_set(err, SG_EINTERNAL, NULL, 0,
                          "Graphviz plugins missing:%s (install the Debian package graphviz, "
                          "or run 'dot -c' as root to register the installed plugins)",
                          missing.data);
done:
    sg_buf_free(&missing);
    sg_gv_capture_end(&cap);
    return rc;
}

/* Refuse an engine Graphviz does not have, listing those it has. */
static sg_status sg_gv_check_engine(GVC_t *gvc, const char *engine, sg_error *err)
{
    if (sg_gv_has(gvc, "layout", engine))
        return SG_OK;
    sg_buf have;
    sg_buf_init(&have);
    sg_gv_list(&have, gvc, "layout");
    sg_status rc = sg_error_set(err, SG_EUSAGE, NULL, 0,
                                "unknown layout engine '%s' (Graphviz has: %s)", engine,
                                have.len ? have.data : "none; run 'dot -c' as root");
    sg_buf_free(&have);
    return rc;
}

sg_status sg_gv_engine_valid(const char *engine, sg_error *err)
{
    GVC_t *gvc = sg_gv_context();
    if (gvc == NULL)
        return sg_error_set(err, SG_EINTERNAL, NULL, 0, "cannot start Graphviz: %s",
                            sg_gv_last_message());
    return sg_gv_check_engine(gvc, engine, err);
}

/* cairo stamps PDFs with the time they were made; overwrite the digits of
 * /CreationDate and /ModDate in place (same length, so the xref offsets stay valid)
 * with a fixed date, so that the same report gives the same PDF. */
static void sg_gv_pdf_fix_dates(char *data, size_t len)
{
    static const char *const keys[] = {"/CreationDate (D:", "/ModDate (D:"};
    static const char fixed[] = "20000101000000";
    for (size_t k = 0; k < 2; k++) {
        size_t kl = strlen(keys[k]);
        for (size_t i = 0; i + kl < len; i++) {
            if (memcmp(data + i, keys[k], kl) != 0)
                continue;
            size_t d = 0;
            for (size_t j = i + kl; j < len && data[j] != ')'; j++)
                if (data[j] >= '0' && data[j] <= '9') {
                    data[j] = d < sizeof(fixed) - 1 ? fixed[d] : '0';
                    d++;
                }
        }
    }
}

/* sfdp (Graphviz 2.42) draws its start positions from the C library's generators without
 * seeding them from the graph's "start", so a second layout in one process differs from
 * the first. Reseed them before every layout: the same graph then gets the same
 * picture. (This resets rand()/drand48() for the whole process; callers relying on
 * those sequences should seed them again after rendering.) */
static void sg_gv_reseed(void)
{
    srand(1);
    srand48(1);
}

sg_status sg_gv_render(sg_buf *b, Agraph_t *g, const char *engine, const char *format,
                       sg_error *err)
{
    sg_status rc = SG_OK;
    char *data = NULL;
    unsigned int len = 0;
    int laid_out = 0;
    GVC_t *gvc = sg_gv_context();
    if (gvc == NULL)
        return sg_error_set(err, SG_EINTERNAL, NULL, 0, "cannot start Graphviz: %s",
                            sg_gv_last_message());
    if ((rc = sg_gv_check_engine(gvc, engine, err)) != SG_OK)
        goto done;
    if (!sg_gv_has(gvc, "device", format)) {
        rc = sg_error_set(err, SG_EINTERNAL, NULL, 0,
                          "Graphviz cannot write %s here (install the Debian package "
                          "graphviz, or run 'dot -c' as root)", format);
        goto done;
    }
    sg_gv_reseed();
    if (gvLayout(gvc, g, engine) != 0) {
        rc = sg_error_set(err, SG_EINTERNAL, NULL, 0, "Graphviz layout (%s) failed: %s",
                          engine, sg_gv_last_message());
        goto done;
    }
    laid_out = 1;
    if (gvRenderData(gvc, g, format, &data, &len) != 0 || data == NULL) {
        rc = sg_error_set(err, SG_EINTERNAL, NULL, 0, "Graphviz could not render %s: %s",
                          format, sg_gv_last_message());
        goto done;
    }
    if (strcmp(format, "pdf") == 0)
        sg_gv_pdf_fix_dates(data, len);
    sg_buf_put(b, data, len);
done:
    if (data != NULL)
        gvFreeRenderData(data);
    if (laid_out)
        gvFreeLayout(gvc, g);
    return rc;
}

#if defined(__SANITIZE_ADDRESS__)
/* LeakSanitizer suppressions for third-party code only, compiled into sanitizer builds
 * (-DSG_SANITIZE=ON), so that every program linking the library (the CLI, the tests)
 * gets them. Each line is a leak inside a dependency, never in our code:
 * - libgvc: Graphviz 2.42's layouts (dot, neato ...), gvRenderData and gvPluginList
 *   keep allocations they never free, and the one context is kept on purpose (above);
 * - libgvplugin_*: the plugins' caches (pango, core);
 * - fontconfig, pango, cairo, glib: font caches filled during text layout.
 * This is the process's only definition of the hook: add other modules' lines here.
 * It keeps default visibility (the library is built with -fvisibility=hidden) so that
 * the sanitizer runtime finds it; tests/install/check-exports allows it. */
__attribute__((visibility("default"))) const char *__lsan_default_suppressions(void);
__attribute__((visibility("default"))) const char *__lsan_default_suppressions(void)
{
    return "leak:libgvc.so\n"
           "leak:libgvplugin_\n"
           "leak:libfontconfig.so\n"
           "leak:libpango\n"
           "leak:libcairo.so\n"
           "leak:libglib-2.0.so\n";
}
#endif
