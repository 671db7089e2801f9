// The floor for a build: "merely writing the same files and bytes" (issue #5, goal 1).
//
//   write-baseline SITE DEST [THREADS]
//
// Reads every file under SITE into memory first (not timed), then times creating DEST and
// writing all of them into it with open/write/close, folders made once, files split over
// THREADS threads (default 2, the cores of the bench machine). Prints the wall seconds, the files,
// the bytes, and the user and system CPU seconds of the writing alone (getrusage), which a loaded
// machine disturbs less than wall time. scripts/bench.sh compiles and runs it against the site a
// build just made.
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct { char *path; char *data; size_t size; int isDir; } Entry;
static Entry *entries; static size_t count, capacity;
static const char *dest;

static void add(const char *path, int isDir, char *data, size_t size) {
    if (count == capacity) { capacity = capacity ? capacity * 2 : 1024; entries = realloc(entries, capacity * sizeof *entries); }
    entries[count++] = (Entry){ strdup(path), data, size, isDir };
}

static void scan(const char *root, const char *rel) {
    char full[4096]; snprintf(full, sizeof full, "%s/%s", root, rel);
    DIR *dir = opendir(full); if (!dir) { perror(full); exit(1); }
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char childRel[4096]; snprintf(childRel, sizeof childRel, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        char child[4096]; snprintf(child, sizeof child, "%s/%s", root, childRel);
        struct stat st; if (lstat(child, &st)) { perror(child); exit(1); }
        if (S_ISDIR(st.st_mode)) { add(childRel, 1, NULL, 0); scan(root, childRel); continue; }
        int fd = open(child, O_RDONLY); if (fd < 0) { perror(child); exit(1); }
        char *data = malloc(st.st_size ? st.st_size : 1); size_t got = 0;
        while (got < (size_t)st.st_size) { ssize_t n = read(fd, data + got, st.st_size - got); if (n <= 0) { perror(child); exit(1); } got += n; }
        close(fd); add(childRel, 0, data, st.st_size);
    }
    closedir(dir);
}

typedef struct { int dirfd; size_t first, step; } Job;
static void *writeFiles(void *arg) {
    Job *job = arg;
    for (size_t i = job->first; i < count; i += job->step) {
        if (entries[i].isDir) continue;
        int fd = openat(job->dirfd, entries[i].path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) { perror(entries[i].path); exit(1); }
        size_t done = 0;
        while (done < entries[i].size) { ssize_t n = write(fd, entries[i].data + done, entries[i].size - done); if (n < 0) { perror("write"); exit(1); } done += n; }
        close(fd);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: write-baseline SITE DEST [THREADS]\n"); return 2; }
    int threads = argc > 3 ? atoi(argv[3]) : 2; if (threads < 1) threads = 1;
    dest = argv[2];
    scan(argv[1], "");
    size_t bytes = 0, files = 0;
    for (size_t i = 0; i < count; i++) if (!entries[i].isDir) { bytes += entries[i].size; files++; }
    struct rusage r0, r1; getrusage(RUSAGE_SELF, &r0);
    struct timespec t0, t1; clock_gettime(CLOCK_MONOTONIC, &t0);
    if (mkdir(dest, 0755) && errno != EEXIST) { perror(dest); return 1; }
    int dirfd = open(dest, O_RDONLY | O_DIRECTORY);
    for (size_t i = 0; i < count; i++) if (entries[i].isDir && mkdirat(dirfd, entries[i].path, 0755) && errno != EEXIST) { perror(entries[i].path); return 1; }
    pthread_t tid[64]; Job jobs[64]; if (threads > 64) threads = 64;
    for (int t = 0; t < threads; t++) { jobs[t] = (Job){ dirfd, (size_t)t, (size_t)threads }; pthread_create(&tid[t], NULL, writeFiles, &jobs[t]); }
    for (int t = 0; t < threads; t++) pthread_join(tid[t], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    getrusage(RUSAGE_SELF, &r1);
    double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    double user = (r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) + (r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1e6;
    double sys = (r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) + (r1.ru_stime.tv_usec - r0.ru_stime.tv_usec) / 1e6;
    printf("%.2f s to write %zu files, %.0f MB, %d threads; CPU %.2f s user %.2f s sys\n", seconds, files, bytes / 1e6, threads, user, sys);
    return 0;
}
