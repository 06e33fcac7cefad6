/* What the areas of msvcrt (runtime, stdio, format, libc) share, and what
 * ucrtbase builds on. Each area keeps its own internals in its own header
 * (runtime_private.h, stdio_private.h, format.h, libc_private.h). */
#ifndef MSVCRT_PRIVATE_H
#define MSVCRT_PRIVATE_H

#include <stddef.h>
#include <stdint.h>
#include "lv/windef.h"

/* Windows' wchar_t: 16 bits. Never pass one to a host wcs* function. */
typedef WCHAR MSVCRT_wchar_t;
typedef uint16_t MSVCRT_wint_t;
typedef int64_t MSVCRT_time_t; /* time_t is 64-bit in msvcrt's x64 ABI */
typedef __builtin_ms_va_list MSVCRT_va_list;

/* msvcrt's FILE, the layout programs see through _iob (48 bytes on x64).
 * The CRT's own state for a stream lives elsewhere (stdio_private.h). */
typedef struct msvcrt_file {
    char *_ptr;
    int _cnt;
    char *_base;
    int _flag;
    int _file;
    int _charbuf;
    int _bufsiz;
    char *_tmpfname;
} MSVCRT_FILE;
_Static_assert(sizeof(MSVCRT_FILE) == 48, "msvcrt FILE layout");

/* errno values as Windows numbers them (the low ones match POSIX). */
#define MSVCRT_EPERM 1
#define MSVCRT_ENOENT 2
#define MSVCRT_ESRCH 3
#define MSVCRT_EINTR 4
#define MSVCRT_EIO 5
#define MSVCRT_ENXIO 6
#define MSVCRT_E2BIG 7
#define MSVCRT_ENOEXEC 8
#define MSVCRT_EBADF 9
#define MSVCRT_ECHILD 10
#define MSVCRT_EAGAIN 11
#define MSVCRT_ENOMEM 12
#define MSVCRT_EACCES 13
#define MSVCRT_EFAULT 14
#define MSVCRT_EBUSY 16
#define MSVCRT_EEXIST 17
#define MSVCRT_EXDEV 18
#define MSVCRT_ENODEV 19
#define MSVCRT_ENOTDIR 20
#define MSVCRT_EISDIR 21
#define MSVCRT_EINVAL 22
#define MSVCRT_ENFILE 23
#define MSVCRT_EMFILE 24
#define MSVCRT_ENOTTY 25
#define MSVCRT_EFBIG 27
#define MSVCRT_ENOSPC 28
#define MSVCRT_ESPIPE 29
#define MSVCRT_EROFS 30
#define MSVCRT_EMLINK 31
#define MSVCRT_EPIPE 32
#define MSVCRT_EDOM 33
#define MSVCRT_ERANGE 34
#define MSVCRT_EDEADLK 36
#define MSVCRT_ENAMETOOLONG 38
#define MSVCRT_ENOLCK 39
#define MSVCRT_ENOSYS 40
#define MSVCRT_ENOTEMPTY 41
#define MSVCRT_EILSEQ 42

/* runtime area: the calling thread's errno and _doserrno. */
int *msvcrt_errno_location(void);
ULONG *msvcrt_doserrno_location(void); /* Windows' 32-bit unsigned long */
static inline void msvcrt_set_errno(int e)
{
    *msvcrt_errno_location() = e;
}
/* _dosmaperr: errno (and _doserrno) from a Win32 error code. */
void msvcrt_set_errno_from_win32(DWORD err);
/* The command line and environment copies, made when the DLL attaches. */
void msvcrt_runtime_init(void);

/* stdio area: the three standard streams and the exit-time flush. */
MSVCRT_FILE *msvcrt_std_stream(int index); /* 0 stdin, 1 stdout, 2 stderr */
void msvcrt_stdio_flush_all(void);
extern int msvcrt__fmode;
extern int msvcrt__commode;

/* Guest callbacks use the Windows convention. */
typedef int (CDECL *msvcrt_compare_fn)(const void *, const void *);
typedef int (CDECL *msvcrt_compare_s_fn)(void *, const void *, const void *);
typedef void (CDECL *msvcrt_vfn)(void);
typedef int (CDECL *msvcrt_ifn)(void);

#endif
