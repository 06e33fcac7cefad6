#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void)
{
    struct utsname u;
    uname(&u);
    printf("sysname %s machine %s\n", u.sysname, u.machine);
    printf("uid==euid %d gid==egid %d\n", getuid() == geteuid(), getgid() == getegid());
    printf("pid>1 %d ppid>0 %d pgrp %d\n", getpid() > 1, getppid() > 0, getpgrp() > 0);
    struct passwd *pw = getpwuid(0);
    printf("uid 0 is %s dir %s\n", pw ? pw->pw_name : "?", pw ? pw->pw_dir : "?");
    printf("pagesize %ld clk_tck %ld\n", sysconf(_SC_PAGESIZE), sysconf(_SC_CLK_TCK));
    printf("nprocs > 0: %d\n", sysconf(_SC_NPROCESSORS_ONLN) > 0);
    printf("isatty(0) %d\n", isatty(0));
    char host[256];
    printf("gethostname %d\n", gethostname(host, sizeof host));
    printf("getpagesize %d\n", getpagesize());
    return 0;
}
