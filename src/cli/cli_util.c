/* cli_util.c - error lines, exit codes, whole-file reads and atomic writes for the CLI. */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void sg_cli_errorf(const char *fmt, ...)
{
    va_list ap;
    fputs("stancegraph: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int sg_cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "stancegraph %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'stancegraph %s --help'.\n", cmd);
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
    /* keep it one line whatever the message holds */
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
    if (!is_stdin && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return sg_error_set(err, SG_EUSAGE, path, 0, "is a directory: give the files in it "
                                                     "(%s/*.txt, %s/*.jsonl)", path, path);
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (fp == NULL)
        return sg_error_set(err, SG_EIO, path, 0, "cannot open: %s", strerror(errno));
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    sg_status rc = SG_OK;
    if (buf == NULL) {
        rc = sg_error_set(err, SG_ENOMEM, path, 0, "out of memory");
        goto done;
    }
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

sg_status sg_out_open(sg_outfile *o, const char *path, sg_error *err)
{
    memset(o, 0, sizeof(*o));
    if (strcmp(path, "-") == 0) {
        o->fp = stdout;
        o->is_stdout = 1;
        return SG_OK;
    }
    size_t n = strlen(path) + 16;
    o->path = strdup(path);
    o->tmp = malloc(n);
    if (o->path == NULL || o->tmp == NULL) {
        sg_out_abort(o);
        return sg_error_set(err, SG_ENOMEM, path, 0, "out of memory");
    }
    snprintf(o->tmp, n, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        sg_status rc = sg_error_set(err, SG_EIO, path, 0, "cannot create: %s", strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        sg_out_abort(o);
        return rc;
    }
    /* mkstemp creates 0600; give the file the mode a plain fopen would have */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0) {
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
            rc = sg_error_set(err, SG_EIO, "<stdout>", 0, "writing output failed");
        o->fp = NULL;
        return rc;
    }
    int bad = ferror(o->fp) != 0;
    if (fclose(o->fp) != 0)
        bad = 1;
    o->fp = NULL;
    if (bad)
        rc = sg_error_set(err, SG_EIO, o->path, 0, "writing failed: %s", strerror(errno));
    else if (rename(o->tmp, o->path) != 0)
        rc = sg_error_set(err, SG_EIO, o->path, 0, "cannot rename into place: %s",
                          strerror(errno));
    if (rc != SG_OK)
        unlink(o->tmp);
    free(o->tmp);
    free(o->path);
    o->tmp = o->path = NULL;
    return rc;
}

void sg_out_abort(sg_outfile *o)
{
    if (o->fp && !o->is_stdout)
        fclose(o->fp);
    if (o->tmp)
        unlink(o->tmp);
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof(*o));
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
