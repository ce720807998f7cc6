/* cli_util.c - error lines, exit codes, whole-file reads, the output-file layer (temp
 * file + rename for regular files, in place for devices and FIFOs, inputs never
 * overwritten, temp files removed on signals) and the terminal sanitiser. */
#define _XOPEN_SOURCE 700 /* POSIX 2008 with realpath */
#define _DEFAULT_SOURCE    /* madvise */
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "stancegraph/text.h"

/* ---- text for the terminal -------------------------------------------------------- */

/* Length of the character at s (n bytes left) if it may reach a terminal, else 0:
 * C0 controls (tab allowed), DEL, C1 controls (U+0080..U+009F) and invalid UTF-8 are
 * refused. */
static size_t printable_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return (c >= 0x20 && c != 0x7F) || c == '\t' ? 1 : 0;
    size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || len > n || !sg_utf8_valid((const char *)s, len, NULL))
        return 0;
    if (c == 0xC2 && s[1] < 0xA0) /* U+0080..U+009F: C1 controls, CSI among them */
        return 0;
    return len;
}

void sg_cli_sanitize(char *buf, size_t buf_len, const char *s)
{
    if (buf_len == 0)
        return;
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), o = 0;
    while (n > 0) {
        size_t k = printable_len(p, n);
        size_t w = k ? k : 1;
        if (o + (k ? k : 1) >= buf_len)
            break;
        if (k)
            memcpy(buf + o, p, k);
        else
            buf[o] = '?';
        o += k ? k : 1;
        p += w;
        n -= w;
    }
    buf[o] = '\0';
}

void sg_cli_put_clean(FILE *fp, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    while (n > 0) {
        size_t k = printable_len(p, n);
        if (k)
            fwrite(p, 1, k, fp);
        else
            fputc('?', fp);
        p += k ? k : 1;
        n -= k ? k : 1;
    }
}

/* Every diagnostic goes through here: formatted, then sanitised, so that a file name,
 * actor or sentence quoted in a message cannot carry escape sequences or line breaks. */
static void vline(const char *prefix, const char *fmt, va_list ap)
{
    char raw[2048], clean[2048];
    vsnprintf(raw, sizeof(raw), fmt, ap);
    sg_cli_sanitize(clean, sizeof(clean), raw);
    fprintf(stderr, "%s%s\n", prefix, clean);
}

void sg_cli_errorf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vline("stancegraph: ", fmt, ap);
    va_end(ap);
}

int sg_cli_usage_error(const char *cmd, const char *fmt, ...)
{
    char prefix[64];
    snprintf(prefix, sizeof(prefix), "stancegraph %s: ", cmd);
    va_list ap;
    va_start(ap, fmt);
    vline(prefix, fmt, ap);
    va_end(ap);
    fprintf(stderr, "Try 'stancegraph %s --help'.\n", cmd);
    return SG_EXIT_USAGE;
}

int sg_cli_exit_code(sg_status status)
{
    switch (status) {
    case SG_OK: return SG_EXIT_OK;
    case SG_EUSAGE: return SG_EXIT_USAGE;
    case SG_EINPUT:
    case SG_EIO: return SG_EXIT_INPUT;
    default: return SG_EXIT_INTERNAL;
    }
}

int sg_cli_fail(const sg_error *err)
{
    char buf[1024];
    sg_error_format(err, buf, sizeof(buf));
    /* keep it one line whatever the message holds (other controls: sg_cli_errorf) */
    for (char *p = buf; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    sg_cli_errorf("%s", buf);
    return sg_cli_exit_code(err ? err->code : SG_EINTERNAL);
}

const char *sg_cli_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

sg_status sg_cli_read_file(const char *path, char **out, size_t *out_len, sg_error *err)
{
    *out = NULL;
    if (out_len)
        *out_len = 0;
    int is_stdin = strcmp(path, "-") == 0;
    struct stat st;
    int have_st = !is_stdin && stat(path, &st) == 0;
    if (have_st && S_ISDIR(st.st_mode))
        return sg_error_set(err, SG_EUSAGE, path, 0, "is a directory: give the files in it "
                                                     "(%s/*.txt, %s/*.jsonl)", path, path);
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (fp == NULL)
        return sg_error_set(err, SG_EIO, path, 0, "cannot open: %s", strerror(errno));
    size_t cap = 1 << 16, len = 0;
    /* a regular file is read into a buffer of its size (+ the NUL and one byte to see
     * the end), in huge pages where the system gives them on request: a 300 MB
     * graph.json faulted in 4 KiB pages costs more than reading it */
    if (have_st && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (unsigned long long)st.st_size < ((size_t)-1) / 2)
        cap = (size_t)st.st_size + 2;
    char *buf = malloc(cap);
    sg_status rc = SG_OK;
    if (buf == NULL) {
        rc = sg_error_set(err, SG_ENOMEM, path, 0, "out of memory");
        goto done;
    }
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (cap >= ((size_t)8 << 20)) {
        uintptr_t huge = (uintptr_t)2 << 20, lo = ((uintptr_t)buf + huge - 1) & ~(huge - 1);
        uintptr_t hi = ((uintptr_t)buf + cap) & ~(huge - 1);
        if (hi > lo)
            (void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE); /* a hint: failure is fine */
    }
#endif
    for (;;) {
        if (cap - len < 2) {
            if (cap > ((size_t)-1) / 2) {
                rc = sg_error_set(err, SG_ENOMEM, path, 0, "file too large");
                goto done;
            }
            char *nb = realloc(buf, cap * 2);
            if (nb == NULL) {
                rc = sg_error_set(err, SG_ENOMEM, path, 0, "out of memory");
                goto done;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len - 1, fp);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        rc = sg_error_set(err, SG_EIO, sg_cli_name(path), 0, "read error: %s", strerror(errno));
        goto done;
    }
    buf[len] = '\0';
    *out = buf;
    if (out_len)
        *out_len = len;
    buf = NULL;
done:
    free(buf);
    if (!is_stdin)
        fclose(fp);
    return rc;
}

/* ---- signals: temp files never outlive the process ------------------------------ */

#define SG_MAX_REMEMBERED 64
static const char *volatile remembered[SG_MAX_REMEMBERED];
static volatile sig_atomic_t remembered_dir[SG_MAX_REMEMBERED];

int sg_cli_remember(const char *path, int is_dir)
{
    for (int i = 0; i < SG_MAX_REMEMBERED; i++)
        if (remembered[i] == NULL) {
            remembered_dir[i] = is_dir;
            remembered[i] = path; /* last: the handler sees a complete entry */
            return i;
        }
    return -1;
}

void sg_cli_forget(int slot)
{
    if (slot >= 0 && slot < SG_MAX_REMEMBERED)
        remembered[slot] = NULL;
}

/* While a step must not be cut in half (report's swap of its folder), a fatal signal is
 * only noted here and acted on when the step ends (sg_cli_signals_resume). A flag, not a
 * blocked signal mask, because a signal sent to the process may be delivered to any
 * thread whose mask lets it through (Graphviz's font libraries may start threads). */
static volatile sig_atomic_t deferring, pending_signal;

static void on_fatal_signal(int sig)
{
    if (deferring) {
        if (pending_signal == 0)
            pending_signal = sig;
        return;
    }
    /* unlink, rmdir, signal and raise are async-signal-safe; files before directories */
    for (int pass = 0; pass < 2; pass++)
        for (int i = SG_MAX_REMEMBERED - 1; i >= 0; i--) {
            const char *p = remembered[i];
            if (p != NULL && remembered_dir[i] == pass)
                (void)(pass ? rmdir(p) : unlink(p));
        }
    signal(sig, SIG_DFL);
    raise(sig);
}

void sg_cli_signals_defer(void)
{
    deferring = 1;
}

void sg_cli_signals_resume(void)
{
    deferring = 0;
    /* a signal that came after the flag was cleared ran the handler itself; one that came
     * before is pending: act on it now (the cleanup then sees the table as it is now) */
    int sig = pending_signal;
    if (sig != 0) {
        pending_signal = 0;
        on_fatal_signal(sig);
    }
}

static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGXFSZ, SIGPIPE};

void sg_cli_signals_default(void)
{
    for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++) {
        struct sigaction old;
        if (sigaction(fatal_signals[i], NULL, &old) == 0 && old.sa_handler == on_fatal_signal)
            signal(fatal_signals[i], SIG_DFL);
    }
    deferring = 0;
    pending_signal = 0;
}

void sg_cli_install_signals(void)
{
    const int *sigs = fatal_signals;
    const size_t n_sigs = sizeof(fatal_signals) / sizeof(fatal_signals[0]);
    for (size_t i = 0; i < n_sigs; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = on_fatal_signal;
        sigemptyset(&sa.sa_mask);
        for (size_t k = 0; k < n_sigs; k++)
            sigaddset(&sa.sa_mask, sigs[k]);
        /* an interactive Ctrl-C while a parent ignores SIGINT (nohup, &) stays ignored */
        struct sigaction old;
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN &&
            sigs[i] != SIGPIPE && sigs[i] != SIGXFSZ)
            continue;
        sigaction(sigs[i], &sa, NULL);
    }
}

/* ---- inputs are never outputs ------------------------------------------------------ */

static const char **inputs;
static size_t n_inputs, cap_inputs;

void sg_cli_add_input(const char *path)
{
    if (path == NULL || strcmp(path, "-") == 0)
        return;
    if (n_inputs == cap_inputs) {
        size_t cap = cap_inputs ? cap_inputs * 2 : 16;
        const char **p = realloc(inputs, cap * sizeof(*p));
        if (p == NULL)
            return; /* the check is a safety net; running out of memory here is harmless */
        inputs = p;
        cap_inputs = cap;
    }
    inputs[n_inputs++] = path;
}

int sg_cli_is_input(const char *path)
{
    struct stat out, in;
    if (stat(path, &out) != 0 || !S_ISREG(out.st_mode))
        return 0; /* absent, or a device/FIFO: reading and writing it loses nothing */
    for (size_t i = 0; i < n_inputs; i++)
        if (stat(inputs[i], &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
            return 1;
    return 0;
}

/* ---- output files ------------------------------------------------------------------ */

/* Where a write to path lands: path itself, or for a symlink (chain) its final target,
 * so that the link survives the rename. A dangling link's target is created. */
static char *resolve_target(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
        return strdup(path);
    char *real = realpath(path, NULL);
    if (real != NULL)
        return real;
    /* dangling: follow one level by hand (relative targets are relative to the link) */
    char target[PATH_MAX];
    ssize_t n = readlink(path, target, sizeof(target) - 1);
    if (n <= 0)
        return strdup(path);
    target[n] = '\0';
    if (target[0] == '/')
        return strdup(target);
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    char *out = malloc(dir + (size_t)n + 1);
    if (out) {
        memcpy(out, path, dir);
        memcpy(out + dir, target, (size_t)n + 1);
    }
    return out;
}

sg_status sg_out_open(sg_outfile *o, const char *path, sg_error *err)
{
    memset(o, 0, sizeof(*o));
    o->slot = -1;
    if (strcmp(path, "-") == 0) {
        o->fp = stdout;
        o->is_stdout = 1;
        return SG_OK;
    }
    if (sg_cli_is_input(path))
        return sg_error_set(err, SG_EUSAGE, path, 0,
                            "the output is also an input: refusing to overwrite it");
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode))
            return sg_error_set(err, SG_EIO, path, 0, "is a directory");
        /* /dev/null, a FIFO, a terminal: write in place, never rename over it */
        o->fp = fopen(path, "wb");
        if (o->fp == NULL)
            return sg_error_set(err, SG_EIO, path, 0, "cannot open: %s", strerror(errno));
        return SG_OK;
    }
    o->path = resolve_target(path);
    size_t n = o->path ? strlen(o->path) + 16 : 0;
    o->tmp = o->path ? malloc(n) : NULL;
    if (o->path == NULL || o->tmp == NULL) {
        sg_out_abort(o);
        return sg_error_set(err, SG_ENOMEM, path, 0, "out of memory");
    }
    snprintf(o->tmp, n, "%s.tmp.XXXXXX", o->path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        sg_status rc = sg_error_set(err, SG_EIO, path, 0, "cannot create: %s", strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        sg_out_abort(o);
        return rc;
    }
    o->slot = sg_cli_remember(o->tmp, 0);
    /* mkstemp creates 0600; give the file the mode of the file it replaces, or the one a
     * plain fopen would have */
    mode_t mode;
    if (stat(o->path, &st) == 0) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    if (fchmod(fd, mode) != 0) {
        close(fd);
        sg_status rc = sg_error_set(err, SG_EIO, path, 0, "cannot set mode: %s", strerror(errno));
        sg_out_abort(o);
        return rc;
    }
    o->fp = fdopen(fd, "wb");
    if (o->fp == NULL) {
        close(fd);
        sg_status rc = sg_error_set(err, SG_EIO, path, 0, "cannot open: %s", strerror(errno));
        sg_out_abort(o);
        return rc;
    }
    return SG_OK;
}

sg_status sg_out_commit(sg_outfile *o, sg_error *err)
{
    sg_status rc = SG_OK;
    if (o->is_stdout) {
        if (fflush(stdout) != 0 || ferror(stdout))
            rc = sg_error_set(err, SG_EIO, "<stdout>", 0, "writing output failed: %s",
                              strerror(errno));
        o->fp = NULL;
        return rc;
    }
    int bad = ferror(o->fp) != 0;
    if (fclose(o->fp) != 0)
        bad = 1;
    o->fp = NULL;
    const char *name = o->path ? o->path : "output";
    if (bad)
        rc = sg_error_set(err, SG_EIO, name, 0, "writing failed: %s", strerror(errno));
    else if (o->tmp && rename(o->tmp, o->path) != 0)
        rc = sg_error_set(err, SG_EIO, name, 0, "cannot rename into place: %s",
                          strerror(errno));
    if (rc != SG_OK && o->tmp)
        unlink(o->tmp);
    sg_cli_forget(o->slot);
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof(*o));
    o->slot = -1;
    return rc;
}

void sg_out_abort(sg_outfile *o)
{
    if (o->fp && !o->is_stdout)
        fclose(o->fp);
    if (o->tmp)
        unlink(o->tmp);
    sg_cli_forget(o->slot);
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof(*o));
    o->slot = -1;
}

sg_status sg_cli_write_file(const char *path, const void *data, size_t len, sg_error *err)
{
    sg_outfile o;
    sg_status rc = sg_out_open(&o, path, err);
    if (rc != SG_OK)
        return rc;
    if (len > 0 && fwrite(data, 1, len, o.fp) != len) {
        sg_out_abort(&o);
        return sg_error_set(err, SG_EIO, path, 0, "write failed: %s", strerror(errno));
    }
    return sg_out_commit(&o, err);
}
