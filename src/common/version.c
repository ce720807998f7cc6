/* version.c - sg_version(): the version this library was built as (PROJECT_VERSION). */
#include "stancegraph/version.h"

const char *sg_version(void)
{
    return SG_VERSION_STRING;
}
