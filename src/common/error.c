/* error.c - sg_status names and sg_error filling; see include/stancegraph/error.h. */
#include "stancegraph/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *sg_status_str(sg_status status)
{
    switch (status) {
    case SG_OK: return "ok";
    case SG_ENOMEM: return "out of memory";
    case SG_EINPUT: return "invalid input";
    case SG_EIO: return "input/output error";
    case SG_EUSAGE: return "invalid usage";
    case SG_EINTERNAL: return "internal error";
    }
    return "unknown error";
}

void sg_error_clear(sg_error *err)
{
    if (err == NULL)
        return;
    memset(err, 0, sizeof(*err));
}

sg_status sg_error_set(sg_error *err, sg_status code, const char *file, long line,
                       const char *fmt, ...)
{
    if (err == NULL)
        return code;
    err->code = code;
    snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
    va_end(ap);
    return code;
}

void sg_error_format(const sg_error *err, char *buf, size_t buf_len)
{
    if (buf_len == 0)
        return;
    if (err == NULL || err->code == SG_OK) {
        snprintf(buf, buf_len, "no error");
        return;
    }
    const char *msg = err->message[0] ? err->message : sg_status_str(err->code);
    if (err->file[0] && err->line > 0)
        snprintf(buf, buf_len, "%s:%ld: %s", err->file, err->line, msg);
    else if (err->file[0])
        snprintf(buf, buf_len, "%s: %s", err->file, msg);
    else
        snprintf(buf, buf_len, "%s", msg);
}
