/* SPDX-License-Identifier: 0BSD */
/* lib/err.c for the fuzz targets: see fuzz.h. */
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "fmt.h"
#include "fuzz.h"

const char *applet_name = "fuzz";
jmp_buf fuzz_jmp;
volatile int fuzz_armed;
int fuzz_status;

void fuzz_fail(const char *what, const char *file, int line)
{
	char buf[512];
	size_t n = fmt(buf, sizeof(buf), "fuzz: property failed: %s (%s:%d)\n", what, file, line);

	(void)!write(2, buf, n);
	abort();
}

char *fuzz_strndup(const uint8_t *data, size_t n)
{
	char *s = malloc(n + 1);

	if (!s)
		abort();
	memcpy(s, data, n);
	s[n] = 0;
	return s;
}

char *fuzz_id_name(const uint8_t *data, size_t size, uint32_t *id, const uint8_t **rest, size_t *restlen)
{
	size_t n = strnlen((const char *)data + 4, size - 4);

	memcpy(id, data, 4);
	*rest = data + 4 + n + (4 + n < size);	/* past the NUL, if there is one */
	*restlen = size - (*rest - data);
	return fuzz_strndup(data + 4, n);
}

static _Noreturn void leave(int status)
{
	fuzz_status = status;
	if (!fuzz_armed)
		abort();
	fuzz_armed = 0;
	longjmp(fuzz_jmp, 1);
}

static void vmsg(int errnum, const char *f, va_list ap)
{
	char buf[1024];
	size_t n = fmt_str(buf, sizeof(buf), applet_name);

	n += fmt_str(buf + n, sizeof(buf) - n, ": ");
	n += fmt_v(buf + n, sizeof(buf) - n, f, ap);
	if (errnum) {
		n += fmt_str(buf + n, sizeof(buf) - n, ": ");
		fmt_str(buf + n, sizeof(buf) - n, strerror(errnum));
	}
	FUZZ_CHECK(strlen(buf) < sizeof(buf));
}

#define MSG(e) do { va_list ap; va_start(ap, f); vmsg(e, f, ap); va_end(ap); } while (0)

void warn(const char *f, ...) { MSG(0); }
void warn_errno(const char *f, ...) { MSG(0); }
void die(const char *f, ...) { MSG(0); leave(1); }
void die_errno(const char *f, ...) { MSG(0); leave(1); }
void die_status(int status, int errnum, const char *f, ...) { (void)errnum; MSG(0); leave(status); }

void usage_error(const char *f, ...)
{
	if (f)
		MSG(0);
	leave(1);
}
