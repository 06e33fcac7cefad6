/* New threads and processes. Dispatch is per thread and is inherited
 * neither by new threads nor across fork, so each is armed before it
 * runs guest code.
 *
 * A guest thread (clone with CLONE_THREAD) runs on a host pthread, so
 * that lvrun's code in it has a real host thread pointer: the pthread
 * arms dispatch, writes the tids the clone flags ask for, and resumes
 * the guest from the parent's registers with rax 0 on the new stack.
 * The guest's exit comes back to the pthread's own stack, which then
 * does what the kernel would have: unmap a stack the thread unmapped
 * while on it, clear and wake CLONE_CHILD_CLEARTID's word.
 *
 * A process (fork, vfork, clone without CLONE_VM, or with CLONE_VFORK as
 * posix_spawn uses it) is a plain clone made from the handler; the child
 * returns through it with the selector blocking. vfork is a fork: the
 * parent does not wait. */
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lv/trace.h"
#include "sc.h"

/* glibc places the thread's TLS, with lvrun's 64 KiB guest TLS reserve, in it. */
#define HOST_STACK_SIZE (256 * 1024)

struct clone_req {
    struct sc_regs regs;
    unsigned long flags;
    int *ptid, *ctid;
    uint64_t guest_fs;
    sigset_t mask;
    int tid;
};

static void futex_wake(int *word)
{
    sc_raw(SYS_futex, (long)word, FUTEX_WAKE, 1, 0, 0, 0);
}

static void thread_end(struct sc_thread *t)
{
    if (t->unmap_addr)
        munmap(t->unmap_addr, t->unmap_size);
    if (t->clear_tid) {
        __atomic_store_n(t->clear_tid, 0, __ATOMIC_RELEASE);
        futex_wake(t->clear_tid);
    }
    sc_thread_end(t);
    free(t);
}

static void *thread_start(void *arg)
{
    struct clone_req *q = arg;
    struct sc_regs regs = q->regs;
    sigset_t mask = q->mask;
    struct sc_thread *t = sc_thread_new(q->guest_fs);
    int tid = gettid();
    if (!t || !sc_thread_arm(t)) {
        free(t);
        __atomic_store_n(&q->tid, -EAGAIN, __ATOMIC_RELEASE);
        futex_wake(&q->tid);
        return NULL;
    }
    t->hosted = true;
    if (q->flags & CLONE_PARENT_SETTID)
        *q->ptid = tid;
    if (q->flags & CLONE_CHILD_SETTID)
        *q->ctid = tid;
    if (q->flags & CLONE_CHILD_CLEARTID)
        t->clear_tid = q->ctid;
    if (sigsetjmp(t->exit_jb, 1)) {
        thread_end(t);
        return NULL;
    }
    trace(thread, "guest thread %d", tid);
    __atomic_store_n(&q->tid, tid, __ATOMIC_RELEASE);
    futex_wake(&q->tid);
    pthread_sigmask(SIG_SETMASK, &mask, NULL);
    regs.rax = 0;
    sc_resume(&regs);
}

static long clone_thread(struct sc_regs *r)
{
    struct clone_req q = {
        .regs = *r, .flags = r->rdi, .ptid = (int *)r->rdx, .ctid = (int *)r->r10,
        .guest_fs = r->rdi & CLONE_SETTLS ? r->r8 : sc_self()->guest_fs,
    };
    if (!(q.flags & CLONE_VM) || !r->rsi)
        return -EINVAL;
    q.regs.rsp = r->rsi;
    pthread_sigmask(SIG_SETMASK, NULL, &q.mask);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, HOST_STACK_SIZE);
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pthread_t th;
    int e = pthread_create(&th, &attr, thread_start, &q);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (e)
        return -e;
    int tid;
    while (!(tid = __atomic_load_n(&q.tid, __ATOMIC_ACQUIRE)))
        sc_raw(SYS_futex, (long)&q.tid, FUTEX_WAIT, 0, 0, 0, 0);
    return tid;
}

static long clone_process(struct sc_regs *r, unsigned long flags, uint64_t stack,
                          long ptid, long ctid, bool settls, uint64_t tls)
{
    flags &= ~(CLONE_VM | CLONE_VFORK | CLONE_SETTLS);
    long pid = sc_raw(SYS_clone, flags, 0, ptid, ctid, 0, 0);
    if (pid)
        return pid;
    struct sc_thread *t = sc_self();
    t->hosted = false;
    if (settls)
        t->guest_fs = tls;
    if (stack)
        r->rsp = stack;
    if (!sc_thread_arm(t))
        sc_raw(SYS_exit_group, 127, 0, 0, 0, 0, 0);
    return 0;
}

long sc_clone(struct sc_regs *r)
{
    unsigned long flags = r->rdi;
    if (flags & CLONE_THREAD)
        return clone_thread(r);
    if ((flags & CLONE_VM) && !(flags & CLONE_VFORK)) {
        trace(syscalls, "clone(%#lx): memory shared with a process", flags);
        return -EINVAL;
    }
    return clone_process(r, flags, r->rsi, r->rdx, r->r10, flags & CLONE_SETTLS, r->r8);
}

long sc_fork(struct sc_regs *r)
{
    return clone_process(r, SIGCHLD, 0, 0, 0, false, 0);
}

long sc_exit(struct sc_regs *r)
{
    struct sc_thread *t = sc_self();
    if (t->hosted)
        siglongjmp(t->exit_jb, 1);
    return sc_passthrough(r);
}
