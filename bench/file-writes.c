// What the write step's file-system calls cost on this machine, one core, no Swift:
// a 10,000-page site (one folder and one 7 KB index.html each) created in an empty
// folder, written over in place (open without O_TRUNC, write, ftruncate: what a rebuild
// does to the spare site, RecycledSite), listed (opendir/readdir of every folder), and
// deleted (unlink + rmdir: what deleting the replaced site cost before it was kept).
//
//   cc -O2 bench/file-writes.c -o /dev/shm/file-writes && (cd /dev/shm && ./file-writes)
//
// Run it in the folder to measure (tmpfs: /dev/shm); it makes and removes ./file-writes.d.
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { pages = 10000, size = 7000 };
static char page[size];

static double milliseconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

int main(void) {
    char path[256];
    memset(page, 'x', sizeof page);
    mkdir("file-writes.d", 0755);
    for (int round = 0; round < 3; round++) {
        double start = milliseconds();
        for (int i = 0; i < pages; i++) {
            snprintf(path, sizeof path, "file-writes.d/term-%05d", i);
            mkdir(path, 0755);
            strcat(path, "/index.html");
            int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            write(fd, page, sizeof page);
            close(fd);
        }
        double created = milliseconds();
        for (int i = 0; i < pages; i++) {
            snprintf(path, sizeof path, "file-writes.d/term-%05d/index.html", i);
            int fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
            struct stat info;
            fstat(fd, &info);
            write(fd, page, sizeof page);
            ftruncate(fd, sizeof page);
            close(fd);
        }
        double overwritten = milliseconds();
        int entries = 0;
        DIR *top = opendir("file-writes.d");
        for (struct dirent *entry; (entry = readdir(top));) {
            if (entry->d_name[0] == '.') continue;
            snprintf(path, sizeof path, "file-writes.d/%s", entry->d_name);
            DIR *folder = opendir(path);
            while (readdir(folder)) entries++;
            closedir(folder);
        }
        closedir(top);
        double listed = milliseconds();
        for (int i = 0; i < pages; i++) {
            snprintf(path, sizeof path, "file-writes.d/term-%05d/index.html", i);
            unlink(path);
            snprintf(path, sizeof path, "file-writes.d/term-%05d", i);
            rmdir(path);
        }
        double deleted = milliseconds();
        printf("%d pages: create %.0f ms, overwrite %.0f ms, list %.0f ms (%d entries), delete %.0f ms\n", pages,
               created - start, overwritten - created, listed - overwritten, entries, deleted - listed);
    }
    rmdir("file-writes.d");
    return 0;
}
