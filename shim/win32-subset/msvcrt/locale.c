/* Locales: the "C" locale and the user's default locale, which for lvrun
 * is English (United States) with the ANSI code page (UTF-8, 65001).
 * The locale is one for the whole process. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "msvcrt.spec.h"
#include "runtime_private.h"

enum { LC_ALL_, LC_COLLATE_, LC_CTYPE_, LC_MONETARY_, LC_NUMERIC_, LC_TIME_, LC_COUNT };
enum { LOC_C, LOC_USER };

static const char *const g_cat_names[LC_COUNT] = {
    NULL, "LC_COLLATE", "LC_CTYPE", "LC_MONETARY", "LC_NUMERIC", "LC_TIME"
};

static pthread_mutex_t g_locale_lock = PTHREAD_MUTEX_INITIALIZER;
static int g_cat[LC_COUNT];
static char g_user_name[64];
static char g_result[LC_COUNT][400];
static WCHAR g_wresult[LC_COUNT][400];
static LCID g_handles[LC_COUNT];
static int g_thread_locale_mode = 2; /* _DISABLE_PER_THREAD_LOCALE */
static UINT g_codepage;
int msvcrt___mb_cur_max = 1;

static WCHAR g_wempty[] = u"", g_wdot[] = u".", g_wcomma[] = u",", g_wminus[] = u"-",
             g_wusd[] = u"USD", g_wdollar[] = u"$";

static struct msvcrt_lconv g_lconv;

static const char *user_name(void)
{
    if (!g_user_name[0])
        snprintf(g_user_name, sizeof g_user_name, "English_United States.%u", GetACP());
    return g_user_name;
}

static const char *cat_name(int cat)
{
    return g_cat[cat] == LOC_USER ? user_name() : "C";
}

/* A locale name this CRT has: "C", "" (the user's), or the user's own
 * name or code page; -1 for any other. */
static int parse_name(const char *name, size_t len)
{
    char cp[16];
    if (len == 1 && name[0] == 'C')
        return LOC_C;
    if (!len)
        return LOC_USER;
    snprintf(cp, sizeof cp, ".%u", GetACP());
    const char *un = user_name();
    if ((len == strlen(un) && !strncasecmp(name, un, len)) ||
        (len == strlen(cp) && !strncmp(name, cp, len)) ||
        (GetACP() == 65001 && ((len == 5 && !strncasecmp(name, ".utf8", 5)) ||
                               (len == 6 && !strncasecmp(name, ".utf-8", 6)))))
        return LOC_USER;
    return -1;
}

static void update_state(void)
{
    bool user_ctype = g_cat[LC_CTYPE_] == LOC_USER;
    g_codepage = user_ctype ? GetACP() : 0;
    msvcrt___mb_cur_max = user_ctype && g_codepage == 65001 ? 4 : 1;
    for (int c = LC_COLLATE_; c < LC_COUNT; c++)
        g_handles[c] = g_cat[c] == LOC_USER ? 0x0409 : 0;
    bool num = g_cat[LC_NUMERIC_] == LOC_USER, mon = g_cat[LC_MONETARY_] == LOC_USER;
    char dflt = 127; /* CHAR_MAX: not available in this locale */
    g_lconv = (struct msvcrt_lconv){
        ".", num ? "," : "", num ? "\3" : "",
        mon ? "USD" : "", mon ? "$" : "", mon ? "." : "", mon ? "," : "", mon ? "\3" : "",
        "", mon ? "-" : "",
        mon ? 2 : dflt, mon ? 2 : dflt, mon ? 1 : dflt, mon ? 0 : dflt,
        mon ? 1 : dflt, mon ? 0 : dflt, mon ? 3 : dflt, mon ? 0 : dflt,
        g_wdot, num ? g_wcomma : g_wempty, mon ? g_wusd : g_wempty, mon ? g_wdollar : g_wempty,
        mon ? g_wdot : g_wempty, mon ? g_wcomma : g_wempty, g_wempty, mon ? g_wminus : g_wempty,
    };
}

/* "LC_COLLATE=...;LC_CTYPE=...;..." as setlocale(LC_ALL, NULL) gives it
 * when the categories differ. */
static int set_composite(const char *s, int *cats)
{
    while (*s) {
        const char *eq = strchr(s, '=');
        if (!eq)
            return -1;
        int c = LC_COLLATE_;
        while (c < LC_COUNT && (strlen(g_cat_names[c]) != (size_t)(eq - s) ||
                                strncmp(s, g_cat_names[c], eq - s)))
            c++;
        const char *end = strchr(eq + 1, ';');
        size_t len = end ? (size_t)(end - eq - 1) : strlen(eq + 1);
        int loc = c < LC_COUNT ? parse_name(eq + 1, len) : -1;
        if (loc < 0)
            return -1;
        cats[c] = loc;
        s = end ? end + 1 : eq + 1 + len;
    }
    return 0;
}

static const char *query(int cat)
{
    if (cat != LC_ALL_) {
        snprintf(g_result[cat], sizeof g_result[cat], "%s", cat_name(cat));
        return g_result[cat];
    }
    bool same = true;
    for (int c = LC_CTYPE_; c < LC_COUNT; c++)
        same = same && g_cat[c] == g_cat[LC_COLLATE_];
    if (same) {
        snprintf(g_result[0], sizeof g_result[0], "%s", cat_name(LC_COLLATE_));
        return g_result[0];
    }
    size_t n = 0;
    for (int c = LC_COLLATE_; c < LC_COUNT; c++)
        n += snprintf(g_result[0] + n, sizeof g_result[0] - n, "%s%s=%s",
                      c == LC_COLLATE_ ? "" : ";", g_cat_names[c], cat_name(c));
    return g_result[0];
}

char *CDECL msvcrt_setlocale(int category, const char *name)
{
    if (category < LC_ALL_ || category >= LC_COUNT) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return NULL;
    }
    pthread_mutex_lock(&g_locale_lock);
    const char *r = NULL;
    int cats[LC_COUNT];
    memcpy(cats, g_cat, sizeof cats);
    if (!name) {
        r = query(category);
    } else if (category == LC_ALL_ && !strncmp(name, "LC_", 3)) {
        if (!set_composite(name, cats)) {
            memcpy(g_cat, cats, sizeof cats);
            r = query(LC_ALL_);
        }
    } else {
        int loc = parse_name(name, strlen(name));
        if (loc >= 0) {
            for (int c = LC_COLLATE_; c < LC_COUNT; c++)
                if (category == LC_ALL_ || c == category)
                    g_cat[c] = loc;
            r = query(category);
        }
    }
    if (r && name)
        update_state();
    pthread_mutex_unlock(&g_locale_lock);
    return (char *)r;
}

WCHAR *CDECL msvcrt__wsetlocale(int category, const WCHAR *name)
{
    char *a = NULL;
    if (name && !(a = msvcrt_wstr_to_acp(name)))
        return NULL;
    const char *r = msvcrt_setlocale(category, a);
    msvcrt_free(a);
    if (!r)
        return NULL;
    WCHAR *w = g_wresult[category];
    MultiByteToWideChar(0, 0, r, -1, w, sizeof g_wresult[0] / sizeof(WCHAR));
    return w;
}

struct msvcrt_lconv *CDECL msvcrt_localeconv(void)
{
    pthread_mutex_lock(&g_locale_lock);
    if (!g_lconv.decimal_point)
        update_state();
    pthread_mutex_unlock(&g_locale_lock);
    return &g_lconv;
}

UINT CDECL msvcrt____lc_codepage_func(void)
{
    return g_codepage;
}

int CDECL msvcrt____mb_cur_max_func(void)
{
    return msvcrt___mb_cur_max;
}

int *CDECL msvcrt___p___mb_cur_max(void)
{
    return &msvcrt___mb_cur_max;
}

LCID *CDECL msvcrt____lc_handle_func(void)
{
    return g_handles;
}

int CDECL msvcrt___lconv_init(void)
{
    return 0;
}

/* Per-thread locales are remembered as asked, but the locale stays one
 * for the process. */
int CDECL msvcrt__configthreadlocale(int mode)
{
    int old = g_thread_locale_mode;
    if (mode == 1 || mode == 2)
        g_thread_locale_mode = mode;
    else if (mode != 0 && mode != -1)
        return -1;
    return old;
}
