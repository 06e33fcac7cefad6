/* Who and where: the user and host names of the view, through getpwuid,
 * getpwnam, getlogin, uname and gethostname. Only the name changes;
 * uid, home and shell stay the host's. */
#include <pwd.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "wrap.h"

REAL_DECL(getpwuid);
REAL_DECL(getpwuid_r);
REAL_DECL(getpwnam);
REAL_DECL(getpwnam_r);
REAL_DECL(getlogin);
REAL_DECL(getlogin_r);
REAL_DECL(uname);
REAL_DECL(gethostname);

struct passwd *W(getpwuid)(uid_t uid)
{
    struct passwd *pw = REAL(getpwuid)(uid);
    if (pw && view_user() && uid == getuid())
        pw->pw_name = (char *)view_user();
    return pw;
}

int W(getpwuid_r)(uid_t uid, struct passwd *pw, char *buf, size_t size, struct passwd **out)
{
    int ret = REAL(getpwuid_r)(uid, pw, buf, size, out);
    if (!ret && *out && view_user() && uid == getuid())
        pw->pw_name = (char *)view_user();
    return ret;
}

struct passwd *W(getpwnam)(const char *name)
{
    if (view_user() && !strcmp(name, view_user()))
        return W(getpwuid)(getuid());
    return REAL(getpwnam)(name);
}

int W(getpwnam_r)(const char *name, struct passwd *pw, char *buf, size_t size, struct passwd **out)
{
    if (view_user() && !strcmp(name, view_user()))
        return W(getpwuid_r)(getuid(), pw, buf, size, out);
    return REAL(getpwnam_r)(name, pw, buf, size, out);
}

char *W(getlogin)(void)
{
    return view_user() ? (char *)view_user() : REAL(getlogin)();
}

int W(getlogin_r)(char *buf, size_t size)
{
    if (!view_user())
        return REAL(getlogin_r)(buf, size);
    if (strlen(view_user()) >= size)
        return ERANGE;
    strcpy(buf, view_user());
    return 0;
}

int W(uname)(struct utsname *u)
{
    int ret = REAL(uname)(u);
    if (!ret && view_hostname()) {
        strncpy(u->nodename, view_hostname(), sizeof u->nodename - 1);
        u->nodename[sizeof u->nodename - 1] = 0;
    }
    return ret;
}

int W(gethostname)(char *buf, size_t size)
{
    if (!view_hostname())
        return REAL(gethostname)(buf, size);
    size_t n = strlen(view_hostname());
    if (n >= size) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(buf, view_hostname(), n + 1);
    return 0;
}
