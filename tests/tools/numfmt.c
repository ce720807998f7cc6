/* numfmt.c - the number formatter of src/common/jsonw.c as a filter, for
 * scripts/check-numbers: reads one double per line as 16 hex digits (its IEEE bits) and
 * writes sg_jsonw_format_double's text for it, one per line. Not installed.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "common/jsonw.h"

int main(void)
{
    char line[64];
    while (fgets(line, sizeof(line), stdin)) {
        uint64_t bits;
        if (sscanf(line, "%" SCNx64, &bits) != 1) {
            fprintf(stderr, "numfmt: bad line: %s", line);
            return 2;
        }
        double v;
        memcpy(&v, &bits, sizeof(v));
        char out[SG_JSONW_NUM_MAX];
        if (sg_jsonw_format_double(v, out) == 0)
            strcpy(out, "nonfinite");
        puts(out);
    }
    return ferror(stdout) ? 1 : 0;
}
