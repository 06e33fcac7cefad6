/* Values in the store: typed blobs under a key, found by the case-folded
 * name and listed in creation order (rowid). */
#include <stdlib.h>
#include <string.h>
#include "lv/wstr.h"
#include "reg_private.h"

void reg_value_free(struct reg_value *v)
{
    free(v->name);
    free(v->data);
    memset(v, 0, sizeof *v);
}

static DWORD fill(sqlite3_stmt *st, struct reg_value *v)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        v->name = strdup((const char *)sqlite3_column_text(st, 0));
        v->type = (DWORD)sqlite3_column_int64(st, 1);
        v->size = (size_t)sqlite3_column_bytes(st, 2);
        v->data = malloc(v->size + 1);
        if (v->size)
            memcpy(v->data, sqlite3_column_blob(st, 2), v->size);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? ERROR_SUCCESS
         : rc == SQLITE_DONE ? ERROR_FILE_NOT_FOUND : ERROR_REGISTRY_IO_FAILED;
}

static sqlite3_stmt *prep(const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(reg_db(), sql, -1, &st, NULL) != SQLITE_OK)
        return NULL;
    return st;
}

DWORD reg_value_get(reg_id key, const char *name, struct reg_value *v)
{
    DWORD err = reg_key_check(key);
    if (err)
        return err;
    sqlite3_stmt *st = prep("SELECT name, type, data FROM value WHERE key = ?1 AND fold = ?2");
    if (!st)
        return ERROR_REGISTRY_IO_FAILED;
    char *fold = reg_fold(name ? name : "", NULL);
    sqlite3_bind_int64(st, 1, key);
    sqlite3_bind_text(st, 2, fold, -1, SQLITE_STATIC);
    err = fill(st, v);
    free(fold);
    return err;
}

DWORD reg_value_enum(reg_id key, DWORD index, struct reg_value *v)
{
    DWORD err = reg_key_check(key);
    if (err)
        return err;
    sqlite3_stmt *st = prep("SELECT name, type, data FROM value WHERE key = ?1"
                            " ORDER BY rowid LIMIT 1 OFFSET ?2");
    if (!st)
        return ERROR_REGISTRY_IO_FAILED;
    sqlite3_bind_int64(st, 1, key);
    sqlite3_bind_int64(st, 2, index);
    err = fill(st, v);
    return err == ERROR_FILE_NOT_FOUND ? ERROR_NO_MORE_ITEMS : err;
}

DWORD reg_value_set(reg_id key, const char *name, DWORD type, const void *data, size_t size)
{
    DWORD err = reg_key_check(key);
    if (err)
        return err;
    size_t wlen;
    char *fold = reg_fold(name ? name : "", &wlen);
    if (wlen > REG_MAX_VALUE_NAME) {
        free(fold);
        return ERROR_INVALID_PARAMETER;
    }
    sqlite3_stmt *st = prep("INSERT INTO value(key, name, fold, wlen, type, data)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                            " ON CONFLICT(key, fold) DO UPDATE SET type = ?5, data = ?6");
    int rc = SQLITE_ERROR;
    if (st) {
        sqlite3_bind_int64(st, 1, key);
        sqlite3_bind_text(st, 2, name ? name : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, fold, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, (int64_t)wlen);
        sqlite3_bind_int64(st, 5, type);
        sqlite3_bind_blob(st, 6, size ? data : "", (int)size, SQLITE_STATIC);
        rc = sqlite3_step(st);
        sqlite3_finalize(st);
    }
    free(fold);
    if (rc != SQLITE_DONE)
        return ERROR_REGISTRY_IO_FAILED;
    return reg_key_touch(key);
}

DWORD reg_value_delete(reg_id key, const char *name)
{
    DWORD err = reg_key_check(key);
    if (err)
        return err;
    sqlite3_stmt *st = prep("DELETE FROM value WHERE key = ?1 AND fold = ?2");
    if (!st)
        return ERROR_REGISTRY_IO_FAILED;
    char *fold = reg_fold(name ? name : "", NULL);
    sqlite3_bind_int64(st, 1, key);
    sqlite3_bind_text(st, 2, fold, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    free(fold);
    if (rc != SQLITE_DONE)
        return ERROR_REGISTRY_IO_FAILED;
    if (!sqlite3_changes(reg_db()))
        return ERROR_FILE_NOT_FOUND;
    return reg_key_touch(key);
}

DWORD reg_value_set_string(reg_id key, const char *name, DWORD type, const char *s)
{
    WCHAR *w = utf8_to_wstr(s);
    DWORD err = reg_value_set(key, name, type, w, (wstr_len(w) + 1) * sizeof(WCHAR));
    free(w);
    return err;
}
