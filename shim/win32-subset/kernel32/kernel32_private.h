/* Shared between the files of kernel32. */
#ifndef KERNEL32_PRIVATE_H
#define KERNEL32_PRIVATE_H

#include <stdbool.h>
#include <sys/stat.h>
#include "lv/handle.h"
#include "lv/pe_resource.h"
#include "lv/windef.h"

/* A string in the process's ANSI code page as UTF-16 (malloc); NULL
 * for NULL. */
WCHAR *ansi_to_wstr(const char *s);
/* UTF-16 into the ANSI code page, truncated to size bytes with a
 * terminator; returns the length needed without the terminator. */
size_t wstr_to_ansi_buf(const WCHAR *w, char *out, size_t size);

struct file_object *file_from_handle(HANDLE h);
bool file_is_pipe(int fd);
/* A host device (NUL is /dev/null): its times and mode are not the
 * program's to change. */
bool file_is_device(int fd);
bool file_mode_is_device(mode_t mode);
DWORD file_attributes_from_stat(const struct stat *st);
/* ftCreationTime of a file: statx's dirfd and path ("" for dirfd itself). */
int file_stat_with_creation(int dirfd, const char *path, int flags, struct stat *st,
                            FILETIME *creation);
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

/* Resources (resource_find.c): the tree of a module (NULL: the program),
 * false when h names no module; a type or name as the API takes it
 * (MAKEINTRESOURCE(id), "#id" or a name), false when it can name no
 * resource; the last-error of a failed lookup. */
bool w32_res_tree(HMODULE h, struct pe_resources *r);
bool w32_res_key(const WCHAR *s, struct pe_res_key *key);
DWORD w32_res_error(enum pe_res_status st);
/* The one form of a type or name for the A functions: converted unless an
 * integer ID; w32_res_free_name releases it. */
WCHAR *w32_res_name_from_ansi(const char *s);
void w32_res_free_name(WCHAR *w);

typedef BOOL (WINAPI *ENUMRESTYPEPROCW)(HMODULE, WCHAR *, LONG_PTR);
typedef BOOL (WINAPI *ENUMRESTYPEPROCA)(HMODULE, char *, LONG_PTR);
typedef BOOL (WINAPI *ENUMRESNAMEPROCW)(HMODULE, const WCHAR *, WCHAR *, LONG_PTR);
typedef BOOL (WINAPI *ENUMRESNAMEPROCA)(HMODULE, const char *, char *, LONG_PTR);
typedef BOOL (WINAPI *ENUMRESLANGPROCW)(HMODULE, const WCHAR *, const WCHAR *, WORD, LONG_PTR);
typedef BOOL (WINAPI *ENUMRESLANGPROCA)(HMODULE, const char *, const char *, WORD, LONG_PTR);

/* The calling thread's object, referenced (what GetCurrentThread names). */
struct object *thread_object_current(void);

#endif
