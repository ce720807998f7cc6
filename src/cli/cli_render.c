/* cli_render.c - diagrams laid out in a child process. Graphviz's layout engines have
 * bugs that crash on some graphs (a SIGSEGV inside the library, which no return code
 * reports); the CLI must never die of them. Every format that runs a Graphviz layout
 * (SVG, PNG, PDF, the HTML page's inline SVG) is rendered by a forked child that sends
 * the bytes back through a pipe; when the child dies of a signal, the diagram is drawn
 * again with the grid layout (SG_RENDER_GRID: no layout engine) and a warning says so.
 * The other formats run in the process. The output is byte-identical either way.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli_render.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_feedback.h"

/* Sanitizer builds report memory errors by aborting: there a child that dies is an
 * error, never a fallback, so that the fallback cannot hide a sanitizer's report. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define SG_CLI_NO_FALLBACK 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SG_CLI_NO_FALLBACK 1
#endif

static int lays_out(sg_render_format fmt)
{
    return fmt == SG_RENDER_SVG || fmt == SG_RENDER_PNG || fmt == SG_RENDER_PDF ||
           fmt == SG_RENDER_HTML;
}

/* What the child sends: its status and error, then len bytes of output. */
typedef struct child_head {
    sg_status rc;
    sg_error err;
    uint64_t len;
} child_head;

static int write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t k = write(fd, p, len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        len -= (size_t)k;
    }
    return 0;
}

/* The child: render, send, and leave without running exit handlers (the parent owns
 * every file and buffer; a signal in the child cleans up nothing of the parent's). */
static void child_run(int fd, const sg_render_doc *doc, sg_render_format fmt,
                      const sg_render_options *opts, pid_t parent)
{
    sg_cli_signals_default();
#ifdef __linux__
    /* a parent killed mid-render takes its layout process with it */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(1);
#else
    (void)parent;
#endif
    child_head h;
    memset(&h, 0, sizeof(h));
    sg_error_clear(&h.err);
    char *out = NULL;
    size_t len = 0;
    h.rc = sg_render_doc_render(&out, &len, doc, fmt, opts, &h.err);
    h.len = h.rc == SG_OK ? (uint64_t)len : 0;
    int bad = write_all(fd, &h, sizeof(h)) != 0 || (h.len && write_all(fd, out, len) != 0);
    _exit(bad ? 1 : 0);
}

/* Read the child's whole answer from fd into *buf (*n bytes). */
static sg_status read_all(int fd, char **buf, size_t *n, sg_error *err)
{
    size_t cap = 1 << 16, len = 0;
    char *b = malloc(cap);
    if (b == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    for (;;) {
        if (len == cap) {
            char *nb = cap > SIZE_MAX / 2 ? NULL : realloc(b, cap * 2);
            if (nb == NULL) {
                free(b);
                return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
            }
            b = nb;
            cap *= 2;
        }
        ssize_t k = read(fd, b + len, cap - len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            free(b);
            return sg_error_set(err, SG_EIO, NULL, 0, "reading the diagram: %s",
                                strerror(errno));
        }
        if (k == 0)
            break;
        len += (size_t)k;
    }
    *buf = b;
    *n = len;
    return SG_OK;
}

/* One render in a child. SG_OK with *crashed = the signal that killed it (0 when it
 * finished), else the child's own status and error, or a failure to run it. */
static sg_status render_in_child(char **out, size_t *out_len, int *crashed,
                                 const sg_render_doc *doc, sg_render_format fmt,
                                 const sg_render_options *opts, sg_error *err)
{
    *crashed = 0;
    int fds[2];
    if (pipe(fds) != 0)
        return sg_error_set(err, SG_EINTERNAL, NULL, 0, "cannot make a pipe: %s",
                            strerror(errno));
    fflush(NULL); /* nothing buffered is written twice */
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return sg_error_set(err, SG_EINTERNAL, NULL, 0, "cannot start the layout process: %s",
                            strerror(errno));
    }
    if (pid == 0) {
        close(fds[0]);
        child_run(fds[1], doc, fmt, opts, parent);
    }
    close(fds[1]);
    char *buf = NULL;
    size_t n = 0;
    sg_status rc = read_all(fds[0], &buf, &n, err);
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (rc != SG_OK)
        return rc;
    if (WIFSIGNALED(status)) {
        free(buf);
        int sig = WTERMSIG(status);
        if (sig == SIGSEGV || sig == SIGBUS || sig == SIGABRT || sig == SIGFPE ||
            sig == SIGILL || sig == SIGTRAP || sig == SIGSYS) {
            *crashed = sig;
            return SG_OK;
        }
        /* killed from outside (the parent, when the whole group got it, dies too) */
        return sg_error_set(err, SG_EINTERNAL, NULL, 0, "the layout process was killed "
                            "(signal %d: %s)", sig, strsignal(sig));
    }
    child_head h;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || n < sizeof(h)) {
        free(buf);
        return sg_error_set(err, SG_EINTERNAL, NULL, 0, "the layout process ended early");
    }
    memcpy(&h, buf, sizeof(h));
    if (h.rc != SG_OK) {
        free(buf);
        if (err)
            *err = h.err;
        return h.rc;
    }
    if (h.len != n - sizeof(h)) {
        free(buf);
        return sg_error_set(err, SG_EINTERNAL, NULL, 0, "the layout process ended early");
    }
    /* the output moves to the front of the buffer, NUL-terminated as sg_render's is */
    memmove(buf, buf + sizeof(h), (size_t)h.len);
    buf[h.len] = '\0'; /* n >= sizeof(h) > 0: there is room */
    *out = buf;
    *out_len = (size_t)h.len;
    return SG_OK;
}

sg_status sg_cli_render(char **out, size_t *out_len, const sg_render_doc *doc,
                        sg_render_format fmt, const sg_render_options *opts,
                        const char *name, sg_error *err)
{
    *out = NULL;
    *out_len = 0;
    if (!lays_out(fmt))
        return sg_render_doc_render(out, out_len, doc, fmt, opts, err);
    int sig = 0;
    sg_status rc = render_in_child(out, out_len, &sig, doc, fmt, opts, err);
    if (rc != SG_OK || sig == 0)
        return rc;
#ifdef SG_CLI_NO_FALLBACK
    return sg_error_set(err, SG_EINTERNAL, name, 0, "the %s renderer died (signal %d: %s; "
                        "sanitizer build: no fallback)", sg_render_format_name(fmt), sig,
                        strsignal(sig));
#else
    const char *engine = opts && opts->engine ? opts->engine : NULL;
    if (engine != NULL && strcmp(engine, SG_RENDER_GRID) == 0)
        return sg_error_set(err, SG_EINTERNAL, name, 0, "Graphviz crashed drawing the %s "
                            "(signal %d: %s)", sg_render_format_name(fmt), sig,
                            strsignal(sig));
    sg_cli_warn("%s: Graphviz crashed laying out the %s diagram with %s (signal %d: %s); "
                "drawn with --engine grid instead", name ? name : "render",
                sg_render_format_name(fmt), engine ? engine : "the engine chosen by size",
                sig, strsignal(sig));
    sg_render_options grid = opts ? *opts : (sg_render_options)SG_RENDER_OPTIONS_INIT;
    grid.engine = SG_RENDER_GRID;
    rc = render_in_child(out, out_len, &sig, doc, fmt, &grid, err);
    if (rc == SG_OK && sig != 0)
        rc = sg_error_set(err, SG_EINTERNAL, name, 0, "Graphviz crashed drawing the %s "
                          "with the grid layout too (signal %d: %s)",
                          sg_render_format_name(fmt), sig, strsignal(sig));
    return rc;
#endif
}
