/* sg-mangen.c - writes the man pages stancegraph.1 and stancegraph-<command>.1 into a
 * directory, from the same tables (src/cli/cli_options.c) that --help prints. Run by
 * the build; the pages are installed into share/man/man1. */
#include <stdio.h>

#include "cli/cli_options.h"
#include "stancegraph/version.h"

static int write_page(const char *dir, const sg_cli_doc *doc)
{
    char path[4096];
    if (doc)
        snprintf(path, sizeof(path), "%s/stancegraph-%s.1", dir, doc->name);
    else
        snprintf(path, sizeof(path), "%s/stancegraph.1", dir);
    FILE *fp = fopen(path, "w");
    if (fp == NULL) {
        perror(path);
        return 1;
    }
    sg_cli_print_man(fp, doc, SG_VERSION_STRING);
    if (fclose(fp) != 0) {
        perror(path);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: sg-mangen OUTDIR\n");
        return 1;
    }
    int rc = write_page(argv[1], NULL);
    for (size_t i = 0; sg_cli_docs[i]; i++)
        rc |= write_page(argv[1], sg_cli_docs[i]);
    return rc;
}
