/* datadir.c - where the default lexicon is: $STANCEGRAPH_DATA, else the data directory
 * of the installation this code was loaded from, else (only for an uninstalled build,
 * one running from its own build directory) the source tree. docs/library.md explains
 * the order; --lexicon (an explicit path to sg_lexicon_load) comes before all of them.
 *
 * "Loaded from" is the file holding this code: libstancegraph.so when linked shared
 * (dladdr), else the executable it was linked into (/proc/self/exe). The installed data
 * directory is looked for relative to that file first (PREFIX/lib/.. or PREFIX/bin/..
 * -> PREFIX/share/stancegraph), so a staged or moved installation finds its own data,
 * then at the configured CMAKE_INSTALL_FULL_DATADIR.
 */
#define _GNU_SOURCE
#include "stancegraph/lexicon.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef SG_DATADIR_INSTALLED
#error "SG_DATADIR_INSTALLED must name the installed data directory"
#endif

static pthread_once_t found_once = PTHREAD_ONCE_INIT;
static char found_path[PATH_MAX + 32]; /* set once, read-only afterwards */
static char env_path[PATH_MAX + 32];
static const char anchor = 0; /* an address inside this library, for dladdr */
static pthread_mutex_t env_lock = PTHREAD_MUTEX_INITIALIZER;

/* Absolute, resolved path of the file this function's code was loaded from, and the
 * path from that file's directory to the installed data directory. 0 on failure. */
static int code_file(char *out, const char **to_data)
{
    Dl_info info;
    if (dladdr(&anchor, &info) != 0 && info.dli_fname != NULL) {
        const char *base = strrchr(info.dli_fname, '/');
        if (strstr(base ? base + 1 : info.dli_fname, ".so") != NULL) {
            *to_data = SG_DATADIR_FROM_LIBDIR;
            return realpath(info.dli_fname, out) != NULL;
        }
    }
    /* Linked statically: the executable. dladdr names it by argv[0], which may be
     * relative to a directory the program has left, so ask the kernel instead. */
    *to_data = SG_DATADIR_FROM_BINDIR;
    return realpath("/proc/self/exe", out) != NULL;
}

/* 1 when path lies inside directory dir (both resolved). */
static int inside(const char *path, const char *dir)
{
    char real_dir[PATH_MAX];
    if (realpath(dir, real_dir) == NULL)
        return 0;
    size_t n = strlen(real_dir);
    return strncmp(path, real_dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

static int readable_dir(const char *path)
{
    return access(path, R_OK | X_OK) == 0;
}

static void find_default(void)
{
    char self[PATH_MAX], cand[PATH_MAX + 32];
    found_path[0] = '\0';
    const char *to_data = NULL;
    int have_self = code_file(self, &to_data);
#ifdef SG_BUILD_DIR
    if (have_self && inside(self, SG_BUILD_DIR)) {
        /* An uninstalled build reads the source tree it was built from, never an
         * installed data directory that may belong to another version. */
        snprintf(found_path, sizeof(found_path), "%s/lexicon", SG_DATADIR_SOURCE);
        return;
    }
#endif
    if (have_self) {
        char *slash = strrchr(self, '/');
        if (slash != NULL) {
            *slash = '\0'; /* the directory holding the library or executable */
            snprintf(cand, sizeof(cand), "%s/%s/lexicon", self, to_data);
            if (readable_dir(cand)) {
                char real[PATH_MAX];
                snprintf(found_path, sizeof(found_path), "%s",
                         realpath(cand, real) != NULL ? real : cand);
                return;
            }
        }
    }
    snprintf(cand, sizeof(cand), "%s/lexicon", SG_DATADIR_INSTALLED);
    if (readable_dir(cand))
        snprintf(found_path, sizeof(found_path), "%s", cand);
}

const char *sg_lexicon_default_path(void)
{
    const char *env = getenv("STANCEGRAPH_DATA");
    if (env != NULL && env[0] != '\0') {
        pthread_mutex_lock(&env_lock);
        snprintf(env_path, sizeof(env_path), "%s/lexicon", env);
        pthread_mutex_unlock(&env_lock);
        return env_path;
    }
    pthread_once(&found_once, find_default);
    return found_path[0] != '\0' ? found_path : NULL;
}
