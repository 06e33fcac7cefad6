/* Keys in the store: a row per key under its parent, looked up by the
 * case-folded name and listed by the name as created. Ids are never
 * reused (AUTOINCREMENT), so a handle to a deleted key stays deleted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "lv/wstr.h"
#include "reg_private.h"

char *reg_fold(const char *s, size_t *wlen)
{
    WCHAR *w = utf8_to_wstr(s);
    size_t n = 0;
    for (; w[n]; n++)
        w[n] = wchar_upper(w[n]);
    char *f = wstr_to_utf8(w);
    free(w);
    if (wlen)
        *wlen = n;
    return f;
}

static int64_t now_filetime(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return ((int64_t)ts.tv_sec + 11644473600LL) * 10000000 + ts.tv_nsec / 100;
}

static sqlite3_stmt *prep(const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(reg_db(), sql, -1, &st, NULL) != SQLITE_OK)
        return NULL;
    return st;
}

/* Runs a statement that returns no row. */
static DWORD run(sqlite3_stmt *st)
{
    int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? ERROR_SUCCESS : ERROR_REGISTRY_IO_FAILED;
}

DWORD reg_key_touch(reg_id key)
{
    sqlite3_stmt *st = prep("UPDATE key SET mtime = ?1 WHERE id = ?2");
    if (st) {
        sqlite3_bind_int64(st, 1, now_filetime());
        sqlite3_bind_int64(st, 2, key);
    }
    return run(st);
}

DWORD reg_key_check(reg_id key)
{
    sqlite3_stmt *st = prep("SELECT 1 FROM key WHERE id = ?1");
    if (!st)
        return ERROR_REGISTRY_IO_FAILED;
    sqlite3_bind_int64(st, 1, key);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? ERROR_SUCCESS
         : rc == SQLITE_DONE ? ERROR_KEY_DELETED : ERROR_REGISTRY_IO_FAILED;
}

static DWORD child(reg_id parent, const char *fold, reg_id *out)
{
    sqlite3_stmt *st = prep("SELECT id FROM key WHERE parent = ?1 AND fold = ?2");
    if (!st)
        return ERROR_REGISTRY_IO_FAILED;
    sqlite3_bind_int64(st, 1, parent);
    sqlite3_bind_text(st, 2, fold, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? ERROR_SUCCESS
         : rc == SQLITE_DONE ? ERROR_FILE_NOT_FOUND : ERROR_REGISTRY_IO_FAILED;
}

static DWORD add_child(reg_id parent, const char *name, reg_id *out)
{
    size_t wlen;
    char *fold = reg_fold(name, &wlen);
    if (wlen > REG_MAX_KEY_NAME) {
        free(fold);
        return ERROR_INVALID_PARAMETER;
    }
    sqlite3_stmt *st = prep("INSERT INTO key(parent, name, fold, wlen, mtime)"
                            " VALUES (?1, ?2, ?3, ?4, ?5)");
    if (st) {
        sqlite3_bind_int64(st, 1, parent);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, fold, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, (int64_t)wlen);
        sqlite3_bind_int64(st, 5, now_filetime());
    }
    DWORD err = run(st);
    free(fold);
    if (!err) {
        *out = sqlite3_last_insert_rowid(reg_db());
        err = reg_key_touch(parent);
    }
    return err;
}

/* Walks path from base, creating missing components when create. */
static DWORD walk(reg_id base, const char *path, bool create, reg_id *out, bool *created)
{
    DWORD err = reg_key_check(base);
    if (err)
        return err;
    if (created)
        *created = false;
    if (path && *path == '\\')
        return ERROR_BAD_PATHNAME;
    char *copy = strdup(path ? path : ""), *save = NULL;
    reg_id cur = base;
    for (char *c = strtok_r(copy, "\\", &save); c && !err; c = strtok_r(NULL, "\\", &save)) {
        char *fold = reg_fold(c, NULL);
        reg_id next;
        err = child(cur, fold, &next);
        free(fold);
        if (err == ERROR_FILE_NOT_FOUND && create) {
            err = add_child(cur, c, &next);
            if (!err && created)
                *created = true;
        }
        cur = next;
    }
    free(copy);
    if (!err)
        *out = cur;
    return err;
}

DWORD reg_key_open(reg_id base, const char *path, reg_id *out)
{
    return walk(base, path, false, out, NULL);
}

DWORD reg_key_create(reg_id base, const char *path, reg_id *out, bool *created)
{
    return walk(base, path, true, out, created);
}

static DWORD parent_of(reg_id key, reg_id *parent)
{
    sqlite3_stmt *st = prep("SELECT parent FROM key WHERE id = ?1");
    if (!st)
        return ERROR_REGISTRY_IO_FAILED;
    sqlite3_bind_int64(st, 1, key);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *parent = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? ERROR_SUCCESS
         : rc == SQLITE_DONE ? ERROR_KEY_DELETED : ERROR_REGISTRY_IO_FAILED;
}

DWORD reg_key_delete(reg_id key)
{
    reg_id parent = 0;
    DWORD err = parent_of(key, &parent);
    if (err)
        return err;
    if (key <= REG_ROOT_USER)
        return ERROR_ACCESS_DENIED;
    sqlite3_stmt *st = prep("SELECT 1 FROM key WHERE parent = ?1 LIMIT 1");
    if (!st)
        return ERROR_REGISTRY_IO_FAILED;
    sqlite3_bind_int64(st, 1, key);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return ERROR_ACCESS_DENIED;
    if (rc != SQLITE_DONE)
        return ERROR_REGISTRY_IO_FAILED;
    if ((st = prep("DELETE FROM value WHERE key = ?1")))
        sqlite3_bind_int64(st, 1, key);
    if ((err = run(st)))
        return err;
    if ((st = prep("DELETE FROM key WHERE id = ?1")))
        sqlite3_bind_int64(st, 1, key);
    if ((err = run(st)))
        return err;
    return reg_key_touch(parent);
}

DWORD reg_key_delete_tree(reg_id key, bool self)
{
    reg_id parent = 0;
    DWORD err = parent_of(key, &parent);
    if (err)
        return err;
    if (self && key <= REG_ROOT_USER)
        return ERROR_ACCESS_DENIED;
    static const char tree[] =
        "WITH RECURSIVE t(id) AS (SELECT ?1 UNION ALL"
        " SELECT key.id FROM key JOIN t ON key.parent = t.id) ";
    char sql[256];
    snprintf(sql, sizeof sql, "%sDELETE FROM value WHERE key IN (SELECT id FROM t)", tree);
    sqlite3_stmt *st = prep(sql);
    if (st)
        sqlite3_bind_int64(st, 1, key);
    if ((err = run(st)))
        return err;
    snprintf(sql, sizeof sql, "%sDELETE FROM key WHERE id IN (SELECT id FROM t)%s", tree,
             self ? "" : " AND id != ?1");
    if ((st = prep(sql)))
        sqlite3_bind_int64(st, 1, key);
    if ((err = run(st)))
        return err;
    return reg_key_touch(self ? parent : key);
}

DWORD reg_key_enum(reg_id key, DWORD index, char **name, reg_id *id)
{
    DWORD err = reg_key_check(key);
    if (err)
        return err;
    sqlite3_stmt *st = prep("SELECT name, id FROM key WHERE parent = ?1"
                            " ORDER BY fold LIMIT 1 OFFSET ?2");
    if (!st)
        return ERROR_REGISTRY_IO_FAILED;
    sqlite3_bind_int64(st, 1, key);
    sqlite3_bind_int64(st, 2, index);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *name = strdup((const char *)sqlite3_column_text(st, 0));
        if (id)
            *id = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? ERROR_SUCCESS
         : rc == SQLITE_DONE ? ERROR_NO_MORE_ITEMS : ERROR_REGISTRY_IO_FAILED;
}

DWORD reg_key_path(reg_id key, char **path)
{
    char *acc = strdup("");
    DWORD err = ERROR_SUCCESS;
    sqlite3_stmt *st = prep("SELECT name, parent FROM key WHERE id = ?1");
    if (!st)
        err = ERROR_REGISTRY_IO_FAILED;
    while (!err) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, key);
        if (sqlite3_step(st) != SQLITE_ROW) {
            err = ERROR_KEY_DELETED;
            break;
        }
        const char *name = (const char *)sqlite3_column_text(st, 0);
        size_t n = strlen(name) + strlen(acc) + 2;
        char *p = malloc(n);
        snprintf(p, n, "%s%s%s", name, *acc ? "\\" : "", acc);
        free(acc);
        acc = p;
        if (sqlite3_column_type(st, 1) == SQLITE_NULL)
            break;
        key = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    if (err) {
        free(acc);
        return err;
    }
    *path = acc;
    return ERROR_SUCCESS;
}

DWORD reg_key_info(reg_id key, struct reg_key_info *info)
{
    sqlite3_stmt *st = prep(
        "SELECT k.mtime,"
        " (SELECT count(*) FROM key WHERE parent = k.id),"
        " (SELECT ifnull(max(wlen), 0) FROM key WHERE parent = k.id),"
        " (SELECT count(*) FROM value WHERE key = k.id),"
        " (SELECT ifnull(max(wlen), 0) FROM value WHERE key = k.id),"
        " (SELECT ifnull(max(length(data)), 0) FROM value WHERE key = k.id),"
        " (SELECT ifnull(max(length(CAST(name AS BLOB))), 0) FROM key WHERE parent = k.id),"
        " (SELECT ifnull(max(length(CAST(name AS BLOB))), 0) FROM value WHERE key = k.id)"
        " FROM key k WHERE k.id = ?1");
    if (!st)
        return ERROR_REGISTRY_IO_FAILED;
    sqlite3_bind_int64(st, 1, key);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        info->mtime = sqlite3_column_int64(st, 0);
        info->subkeys = (DWORD)sqlite3_column_int64(st, 1);
        info->max_subkey_len = (DWORD)sqlite3_column_int64(st, 2);
        info->values = (DWORD)sqlite3_column_int64(st, 3);
        info->max_value_name_len = (DWORD)sqlite3_column_int64(st, 4);
        info->max_value_size = (DWORD)sqlite3_column_int64(st, 5);
        info->max_subkey_size = (DWORD)sqlite3_column_int64(st, 6);
        info->max_value_name_size = (DWORD)sqlite3_column_int64(st, 7);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? ERROR_SUCCESS
         : rc == SQLITE_DONE ? ERROR_KEY_DELETED : ERROR_REGISTRY_IO_FAILED;
}

DWORD reg_key_by_name(const char *full, bool create, reg_id *out)
{
    static const struct {
        const char *long_name, *short_name;
        reg_id root;
        const char *below;
    } roots[] = {
        { "HKEY_LOCAL_MACHINE", "HKLM", REG_ROOT_MACHINE, NULL },
        { "HKEY_USERS", "HKU", REG_ROOT_USERS, NULL },
        { "HKEY_CURRENT_USER", "HKCU", REG_ROOT_USER, NULL },
        { "HKEY_CLASSES_ROOT", "HKCR", REG_ROOT_MACHINE, "Software\\Classes" },
        { "HKEY_CURRENT_CONFIG", "HKCC", REG_ROOT_MACHINE,
          "System\\CurrentControlSet\\Hardware Profiles\\Current" },
    };
    size_t n = strcspn(full, "\\");
    const char *rest = full[n] ? full + n + 1 : "";
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        if ((strlen(roots[i].long_name) != n || strncasecmp(full, roots[i].long_name, n)) &&
            (strlen(roots[i].short_name) != n || strncasecmp(full, roots[i].short_name, n)))
            continue;
        reg_id base = roots[i].root;
        DWORD err = ERROR_SUCCESS;
        if (roots[i].below)
            err = walk(base, roots[i].below, create, &base, NULL);
        return err ? err : walk(base, rest, create, out, NULL);
    }
    return ERROR_BAD_PATHNAME;
}
