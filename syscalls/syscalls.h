/* syscalls/'s entry for the ELF loader: a statically linked program. */
#ifndef LV_SYSCALLS_H
#define LV_SYSCALLS_H

struct elf_module;

/* Runs the mapped static program exe from its initial stack sp, with
 * its system calls caught; returns only on failure (a status). */
int sc_run_static(const struct elf_module *exe, void *sp);

#endif
