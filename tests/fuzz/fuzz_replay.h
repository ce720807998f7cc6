/* fuzz_replay.h - the plain main() every fuzz target gets under ctest (SG_FUZZ_REPLAY):
 * it runs LLVMFuzzerTestOneInput once on each corpus file named on the command line.
 * scripts/fuzz builds the same sources with clang's libFuzzer instead. */
#ifndef SG_FUZZ_REPLAY_H
#define SG_FUZZ_REPLAY_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifdef SG_FUZZ_REPLAY
static void sg_fuzz_cleanup(void);
int main(int argc, char **argv)
{
    int n = 0;
    static uint8_t buf[1 << 20];
    for (int i = 1; i < argc; i++) {
        FILE *fp = fopen(argv[i], "rb");
        if (fp == NULL) {
            fprintf(stderr, "cannot open %s\n", argv[i]);
            return 1;
        }
        size_t len = fread(buf, 1, sizeof(buf), fp);
        fclose(fp);
        LLVMFuzzerTestOneInput(buf, len);
        n++;
    }
    sg_fuzz_cleanup();
    printf("replayed %d inputs\n", n);
    return n > 0 ? 0 : 1;
}
#define SG_FUZZ_CLEANUP(body) static void sg_fuzz_cleanup(void) { body; }
#else
#define SG_FUZZ_CLEANUP(body)
#endif

#endif
