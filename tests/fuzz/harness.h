/* What every harness does first. */
#ifndef LV_FUZZ_HARNESS_H
#define LV_FUZZ_HARNESS_H

#include <signal.h>

/* lvcore installs lvrun's fault handler before main (it reports faults
 * as guest exceptions or internal errors); a harness gives faults back to
 * libFuzzer, which writes the input that caused one. */
static inline void harness_init(void)
{
    static const int signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP };
    for (unsigned i = 0; i < sizeof signals / sizeof *signals; i++)
        signal(signals[i], SIG_DFL);
}

#endif
