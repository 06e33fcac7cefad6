/* Shared between the files of kernel32. */
#ifndef KERNEL32_PRIVATE_H
#define KERNEL32_PRIVATE_H

#include <stdbool.h>
#include <sys/stat.h>
#include "lv/handle.h"
#include "lv/windef.h"

/* A string in the process's ANSI code page as UTF-16 (malloc); NULL
 * for NULL. */
WCHAR *ansi_to_wstr(const char *s);
/* UTF-16 into the ANSI code page, truncated to size bytes with a
 * terminator; returns the length needed without the terminator. */
size_t wstr_to_ansi_buf(const WCHAR *w, char *out, size_t size);

struct file_object *file_from_handle(HANDLE h);
bool file_is_pipe(int fd);
DWORD file_attributes_from_stat(const struct stat *st);
/* ftCreationTime of a file: statx's dirfd and path ("" for dirfd itself). */
FILETIME file_creation_time(int dirfd, const char *path, const struct stat *st);
/* A host mode with the read-only attribute of attr applied. */
mode_t file_mode_with_attributes(mode_t mode, DWORD attr);

/* Windows share modes across the opens of every lvrun process (share.c):
 * false for a sharing violation. An accepted open is recorded in *slot and *id
 * until share_release; share_check only asks (DeleteFile, MoveFile). */
bool share_acquire(const struct stat *st, DWORD access, DWORD share, DWORD flags,
                   uint32_t *slot, uint32_t *id);
bool share_check(const struct stat *st, DWORD access);
void share_release(uint32_t slot, uint32_t id);
/* The byte-range locks of a file object go with it (lock.c). */
void file_locks_free(struct file_object *f);

/* The UTF-16 environment block kept in the process parameters. */
void environ_init(void);


typedef struct {
    DWORD cb;
    WCHAR *lpReserved, *lpDesktop, *lpTitle;
    DWORD dwX, dwY, dwXSize, dwYSize, dwXCountChars, dwYCountChars;
    DWORD dwFillAttribute, dwFlags;
    WORD wShowWindow, cbReserved2;
    BYTE *lpReserved2;
    HANDLE hStdInput, hStdOutput, hStdError;
} STARTUPINFOW;

/* The Windows command line for argv (quoted as CommandLineToArgvW splits). */
char *process_build_command_line(int argc, char **argv);
/* The absolute Windows form of a path (malloc), as GetFullPathName. */
WCHAR *full_path_name(const WCHAR *path);
/* Mutexes owned by an ending thread become abandoned. */
void sync_abandon_mutexes(DWORD tid);

/* Fiber-local values of the ending thread go to their callbacks. */
void fls_thread_exit(void);

/* The calling thread's object, referenced (what GetCurrentThread names). */
struct object *thread_object_current(void);

#endif
