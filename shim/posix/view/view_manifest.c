/* The manifest: an INI file with the keys of the command line, read with
 * libinih. A key may repeat (mount, env, unset-env); sections only group. */
#include <ini.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "view_private.h"

struct manifest {
    const char *dir;
    bool ok;
};

static int on_setting(void *user, const char *section, const char *key, const char *value)
{
    struct manifest *m = user;
    (void)section;
    const char *eq = strchr(value, '=');
    if (!strcmp(key, "mount") && eq && eq[1] && eq[1] != '/') {
        char buf[2 * PATH_MAX];
        snprintf(buf, sizeof buf, "%.*s=%s/%s", (int)(eq - value), value, m->dir, eq + 1);
        m->ok &= view_set(key, buf);
    } else {
        m->ok &= view_set(key, value);
    }
    return 1;
}

bool view_load_manifest(const char *file)
{
    char *copy = strdup(file);
    char *real = copy ? realpath(dirname(copy), NULL) : NULL;
    struct manifest m = { real ? real : ".", true };
    int err = ini_parse(file, on_setting, &m);
    free(real);
    free(copy);
    if (err < 0)
        fprintf(stderr, "lvrun: --manifest %s: cannot read it\n", file);
    else if (err > 0)
        fprintf(stderr, "lvrun: --manifest %s: line %d: not KEY = VALUE\n", file, err);
    return err == 0 && m.ok;
}
