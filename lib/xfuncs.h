/* Small wrappers: memory that never returns NULL, whole-file reads and writes. */
#ifndef NSBOX_XFUNCS_H
#define NSBOX_XFUNCS_H

#include <stddef.h>
#include <sys/types.h>

/*
 * LARGE marks a static buffer of a kilobyte or more.  With GCC on x86-64 it
 * goes to .lbss, which the linker places after all other .bss, libc's too:
 * the small variables that every run touches then share the page or two
 * after .data instead of being spread between the buffers.  Each page a run
 * touches costs it a page fault, about 3 us on the 2-vCPU test VM.
 */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define LARGE __attribute__((section(".lbss")))
#else
#define LARGE
#endif

void *xmalloc(size_t n);
void *xzalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/*
 * openat(2) with O_CLOEXEC added; dies with "cannot open PATH: strerror".
 * nsbox opens files with openat(AT_FDCWD, ...), never open(): musl's open
 * follows an O_CLOEXEC open with an fcntl(F_SETFD) for kernels older than
 * 2.6.23, one system call per file for nothing.
 */
int xopen(const char *path, int flags);

/* Read up to size-1 bytes of a file into buf, NUL-terminated; length or -1. */
ssize_t read_file(const char *path, char *buf, size_t size);
/* Read a whole file into a malloc'd, NUL-terminated buffer; NULL on error. */
char *read_file_alloc(const char *path, size_t *len);
/* Write a string to a file in one write(2); 0 or -1 with errno set. */
int write_file(const char *path, const char *s);

ssize_t write_all(int fd, const void *buf, size_t n);

#endif
