/* execve: a program lvrun would run (static, or linked against musl)
 * is run by a new lvrun, so that its calls are caught again; anything
 * else (a host program, a script) is executed as it is. Dispatch ends
 * with the old image either way. */
#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/syscall.h>
#include "sc.h"

static bool wants_lvrun(const char *path)
{
    int fd = (int)sc_raw(SYS_openat, AT_FDCWD, (long)path, O_RDONLY | O_CLOEXEC, 0, 0, 0);
    if (fd < 0)
        return false;
    Elf64_Ehdr eh;
    Elf64_Phdr ph[64];
    bool wants = false;
    if (sc_raw(SYS_pread64, fd, (long)&eh, sizeof eh, 0, 0, 0) != sizeof eh
        || memcmp(eh.e_ident, ELFMAG, SELFMAG) || eh.e_ident[EI_CLASS] != ELFCLASS64
        || eh.e_machine != EM_X86_64 || eh.e_phentsize != sizeof *ph
        || eh.e_phnum > 64)
        goto out;
    long size = eh.e_phnum * sizeof *ph;
    if (sc_raw(SYS_pread64, fd, (long)ph, size, eh.e_phoff, 0, 0) != size)
        goto out;
    wants = true;
    for (unsigned i = 0; i < eh.e_phnum; i++) {
        if (ph[i].p_type != PT_INTERP)
            continue;
        char interp[64] = "";
        long n = ph[i].p_filesz < sizeof interp - 1 ? ph[i].p_filesz : sizeof interp - 1;
        if (sc_raw(SYS_pread64, fd, (long)interp, n, ph[i].p_offset, 0, 0) != n)
            interp[0] = 0;
        wants = strstr(interp, "ld-musl-x86_64") != NULL;
    }
out:
    sc_raw(SYS_close, fd, 0, 0, 0, 0, 0);
    return wants;
}

long sc_execve(struct sc_regs *r)
{
    char host[PATH_MAX];
    char *const *argv = (char *const *)r->rsi;
    int e = sc_translate_path((const char *)r->rdi, host, sizeof host);
    if (e)
        return e;
    if (!wants_lvrun(host))
        return sc_raw(SYS_execve, (long)host, r->rsi, r->rdx, 0, 0, 0);
    /* lvrun looks a bare name up in PATH; execve means the current folder. */
    char rel[PATH_MAX + 2] = "./";
    const char *prog = host;
    if (!strchr(host, '/')) {
        strcpy(rel + 2, host);
        prog = rel;
    }
    size_t argc = 0;
    while (argv && argv[argc])
        argc++;
    const char *args[argc + 3];
    args[0] = sc_lvrun_path;
    args[1] = prog;
    for (size_t i = 1; i < argc; i++)
        args[i + 1] = argv[i];
    args[argc ? argc + 1 : 2] = NULL;
    return sc_raw(SYS_execve, (long)sc_lvrun_path, (long)args, r->rdx, 0, 0, 0);
}
