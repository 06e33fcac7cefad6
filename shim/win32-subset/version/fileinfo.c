/* GetFileVersionInfo: the RT_VERSION resource of a file, read from the
 * file mapped read-only as data (nothing of it runs or is relocated). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "version.spec.h"
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/path.h"
#include "lv/pe_resource.h"
#include "lv/w32error.h"

#define VS_VERSION_INFO 1

struct mapped_file {
    uint8_t *data;
    size_t size;
};

static bool map_file(const WCHAR *name, struct mapped_file *m)
{
    char *host = name ? path_windows_to_host_w(name) : NULL;
    if (!host) {
        SetLastError(name ? ERROR_FILE_NOT_FOUND : ERROR_INVALID_PARAMETER);
        return false;
    }
    int fd = open(host, O_RDONLY | O_CLOEXEC);
    free(host);
    if (fd < 0)
        return w32_fail_errno();
    struct stat st;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
        close(fd);
        SetLastError(ERROR_ACCESS_DENIED);
        return false;
    }
    m->size = (size_t)st.st_size;
    m->data = m->size ? mmap(NULL, m->size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    close(fd);
    if (m->data == MAP_FAILED) {
        /* An empty file has no resource section. */
        SetLastError(m->size ? ERROR_NOT_ENOUGH_MEMORY : ERROR_RESOURCE_DATA_NOT_FOUND);
        return false;
    }
    return true;
}

/* The version resource inside the mapped file, in the user's language
 * when there are several. A file that is no PE has no resource section
 * to Windows either. */
static const void *version_resource(const struct mapped_file *m, uint32_t *size)
{
    struct pe_resources r;
    char err[128];
    enum pe_res_status st = pe_resources_of_file(&r, m->data, m->size, err, sizeof err);
    const struct pe_resource_data_entry *entry;
    struct pe_res_key type = { .id = PE_RT_VERSION }, name = { .id = VS_VERSION_INFO };
    uint16_t langs[] = { GetUserDefaultLangID(), 0 };
    if (st == PE_RES_OK)
        st = pe_resource_find(&r, &type, &name, langs, 2, &entry);
    const void *data = st == PE_RES_OK ? pe_resource_data(&r, entry, size) : NULL;
    if (!data)
        SetLastError(st == PE_RES_OK ? ERROR_RESOURCE_DATA_NOT_FOUND : w32_res_error(st));
    return data;
}

DWORD WINAPI GetFileVersionInfoSizeExW(DWORD flags, const WCHAR *name, DWORD *handle)
{
    (void)flags; /* localised or neutral: there are no MUI files here */
    struct mapped_file m;
    uint32_t size = 0;
    if (handle)
        *handle = 0;
    if (!map_file(name, &m))
        return 0;
    const void *res = version_resource(&m, &size);
    munmap(m.data, m.size);
    return res ? (DWORD)vi_block_size(size) : 0;
}

BOOL WINAPI GetFileVersionInfoExW(DWORD flags, const WCHAR *name, DWORD handle,
                                  DWORD len, void *out)
{
    (void)flags, (void)handle;
    struct mapped_file m;
    uint32_t size = 0;
    if (!out) {
        SetLastError(ERROR_INVALID_DATA);
        return FALSE;
    }
    if (!map_file(name, &m))
        return FALSE;
    const void *res = version_resource(&m, &size);
    if (res) {
        memcpy(out, res, size < len ? size : len);
        uint32_t mark = VI_ANSI_MARK;
        if (len >= vi_block_size(size))
            memcpy((uint8_t *)out + vi_align4(size), &mark, 4);
    }
    munmap(m.data, m.size);
    return res != NULL;
}

DWORD WINAPI GetFileVersionInfoSizeW(const WCHAR *name, DWORD *handle)
{
    return GetFileVersionInfoSizeExW(0, name, handle);
}

BOOL WINAPI GetFileVersionInfoW(const WCHAR *name, DWORD handle, DWORD len, void *out)
{
    return GetFileVersionInfoExW(0, name, handle, len, out);
}

/* The A functions give the same block: VerQueryValueA converts strings. */
DWORD WINAPI GetFileVersionInfoSizeExA(DWORD flags, const char *name, DWORD *handle)
{
    WCHAR *w = ansi_to_wstr(name);
    DWORD r = GetFileVersionInfoSizeExW(flags, w, handle);
    free(w);
    return r;
}

BOOL WINAPI GetFileVersionInfoExA(DWORD flags, const char *name, DWORD handle,
                                  DWORD len, void *out)
{
    WCHAR *w = ansi_to_wstr(name);
    BOOL r = GetFileVersionInfoExW(flags, w, handle, len, out);
    free(w);
    return r;
}

DWORD WINAPI GetFileVersionInfoSizeA(const char *name, DWORD *handle)
{
    return GetFileVersionInfoSizeExA(0, name, handle);
}

BOOL WINAPI GetFileVersionInfoA(const char *name, DWORD handle, DWORD len, void *out)
{
    return GetFileVersionInfoExA(0, name, handle, len, out);
}
