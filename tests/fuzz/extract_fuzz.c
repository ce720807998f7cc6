/* extract_fuzz.c - fuzz target: arbitrary bytes as an article through the extractor, and
 * as a JSONL statements line through the statement parser. Built with clang's libFuzzer
 * by scripts/fuzz; with SG_FUZZ_REPLAY a plain main() replays a corpus under ctest. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stancegraph/extract.h"
#include "stancegraph/statements.h"

static sg_lexicon *lex;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (lex == NULL && sg_lexicon_load(&lex, SG_SOURCE_DIR "/data/lexicon", NULL, NULL) != SG_OK)
        abort();
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    sg_statement_list out;
    sg_statement_list_init(&out);
    sg_document doc = {"fuzz", "2024-11-23", NULL, text, size};
    sg_extract_options o = SG_EXTRACT_OPTIONS_INIT;
    sg_error err;
    if (sg_extract_document(&out, lex, &doc, &o, &err) != SG_OK && err.code == SG_ENOMEM)
        abort();
    for (size_t i = 0; i < out.n; i++) {
        char *json = NULL;
        if (sg_statement_to_json(&json, &out.items[i]) == SG_OK) {
            sg_statement back;
            if (sg_statement_parse(&back, json, strlen(json), "fuzz", 1, &err) != SG_OK)
                abort(); /* what we write we must read */
            sg_statement_destroy(&back);
        }
        free(json);
    }
    sg_statement_list_destroy(&out);
    sg_statement s;
    if (sg_statement_parse(&s, text, size, "fuzz", 1, &err) == SG_OK)
        sg_statement_destroy(&s);
    free(text);
    return 0;
}

#ifdef SG_FUZZ_REPLAY
/* Replay every file named on the command line (the corpus) once. */
int main(int argc, char **argv)
{
    int n = 0;
    for (int i = 1; i < argc; i++) {
        FILE *fp = fopen(argv[i], "rb");
        if (fp == NULL) {
            fprintf(stderr, "cannot open %s\n", argv[i]);
            return 1;
        }
        static uint8_t buf[1 << 20];
        size_t len = fread(buf, 1, sizeof(buf), fp);
        fclose(fp);
        LLVMFuzzerTestOneInput(buf, len);
        n++;
    }
    sg_lexicon_free(lex);
    printf("replayed %d inputs\n", n);
    return n > 0 ? 0 : 1;
}
#endif
