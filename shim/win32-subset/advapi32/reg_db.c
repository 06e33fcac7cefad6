/* The registry database: opened on the first registry call, so programs
 * that never touch the registry pay nothing. WAL lets readers and one
 * writer of several processes work at once; a writer that dies mid-way
 * leaves an uncommitted transaction that SQLite discards. synchronous=NORMAL
 * survives a killed process; RegFlushKey makes commits durable against a
 * power loss too, as on Windows. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lv/path.h"
#include "reg_private.h"

#define SCHEMA_VERSION 1
#define BUSY_TIMEOUT_MS 30000

#define SETUP_TRIES 200

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static sqlite3 *g_db;
static bool g_failed;
static bool g_quiet;      /* a failure is tried again: not reported */
static int g_last_error;  /* of the last statement that failed */

static const char g_schema[] =
    "CREATE TABLE IF NOT EXISTS key("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " parent INTEGER,"
    " name TEXT NOT NULL,"
    " fold TEXT NOT NULL,"
    " wlen INTEGER NOT NULL,"
    " mtime INTEGER NOT NULL,"
    " UNIQUE(parent, fold));"
    "CREATE TABLE IF NOT EXISTS value("
    " key INTEGER NOT NULL,"
    " name TEXT NOT NULL,"
    " fold TEXT NOT NULL,"
    " wlen INTEGER NOT NULL,"
    " type INTEGER NOT NULL,"
    " data BLOB NOT NULL,"
    " UNIQUE(key, fold));"
    "CREATE INDEX IF NOT EXISTS value_order ON value(key);";

char *reg_db_path(void)
{
    const char *prefix = path_prefix();
    size_t n = strlen(prefix) + sizeof "/registry.db";
    char *p = malloc(n);
    snprintf(p, n, "%s/registry.db", prefix);
    return p;
}

static void make_folders(const char *path)
{
    char *buf = strdup(path);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(buf, 0755);
            *p = '/';
        }
    free(buf);
}

static bool exec_sql(const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(g_db, sql, NULL, NULL, &msg);
    if (rc == SQLITE_OK)
        return true;
    g_last_error = rc;
    if (!g_quiet)
        fprintf(stderr, "lvrun: registry: %s\n", msg ? msg : sqlite3_errmsg(g_db));
    sqlite3_free(msg);
    return false;
}

static int user_version(void)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(g_db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* Tables, roots and defaults, once per database, in one transaction so
 * that a second process starting at the same moment sees all or none. */
static bool create_schema(void)
{
    if (user_version() == SCHEMA_VERSION)
        return true;
    if (!exec_sql("BEGIN IMMEDIATE"))
        return false;
    bool ok = true;
    if (user_version() != SCHEMA_VERSION) {
        ok = exec_sql(g_schema) &&
             exec_sql("INSERT OR IGNORE INTO key(id, parent, name, fold, wlen, mtime) VALUES"
                      " (1, NULL, 'HKEY_LOCAL_MACHINE', 'HKEY_LOCAL_MACHINE', 18, 0),"
                      " (2, NULL, 'HKEY_USERS', 'HKEY_USERS', 10, 0),"
                      " (3, NULL, 'HKEY_CURRENT_USER', 'HKEY_CURRENT_USER', 17, 0)") &&
             reg_seed_defaults() == ERROR_SUCCESS;
        if (ok) {
            char sql[64];
            snprintf(sql, sizeof sql, "PRAGMA user_version = %d", SCHEMA_VERSION);
            ok = exec_sql(sql);
        }
    }
    exec_sql(ok ? "COMMIT" : "ROLLBACK");
    return ok;
}

static bool open_db(void)
{
    char *path = reg_db_path();
    make_folders(path);
    int rc = sqlite3_open_v2(path, &g_db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                             SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "lvrun: registry: %s: %s\n", path,
                g_db ? sqlite3_errmsg(g_db) : sqlite3_errstr(rc));
        free(path);
        sqlite3_close(g_db);
        g_db = NULL;
        return false;
    }
    free(path);
    sqlite3_busy_timeout(g_db, BUSY_TIMEOUT_MS);
    /* The journal mode is a property of the file: the first process to
     * open it switches it, the others find it switched. Processes opening
     * a new database at once meet locks that SQLite reports at once rather
     * than through the busy handler (the switch, the first schema): the
     * setup is made again a little later. */
    for (int tries = 1;; tries++) {
        g_quiet = tries < SETUP_TRIES;
        bool ok = exec_sql("PRAGMA journal_mode=WAL") &&
                  exec_sql("PRAGMA synchronous=NORMAL") && create_schema();
        g_quiet = false;
        if (ok)
            return true;
        bool busy = (g_last_error & 0xff) == SQLITE_BUSY || (g_last_error & 0xff) == SQLITE_LOCKED;
        if (!busy || tries == SETUP_TRIES) {
            if (tries < SETUP_TRIES)
                fprintf(stderr, "lvrun: registry: %s\n", sqlite3_errstr(g_last_error));
            break;
        }
        usleep(5000);
    }
    sqlite3_close(g_db);
    g_db = NULL;
    return false;
}

sqlite3 *reg_db(void)
{
    return g_db;
}

/* With g_lock held. */
static bool ensure_open(void)
{
    if (!g_db && !g_failed)
        g_failed = !open_db();
    return g_db != NULL;
}

DWORD reg_begin(bool write)
{
    pthread_mutex_lock(&g_lock);
    if (!ensure_open() || !exec_sql(write ? "BEGIN IMMEDIATE" : "BEGIN")) {
        pthread_mutex_unlock(&g_lock);
        return ERROR_REGISTRY_IO_FAILED;
    }
    return ERROR_SUCCESS;
}

DWORD reg_end(DWORD status)
{
    if (status == ERROR_SUCCESS) {
        if (!exec_sql("COMMIT")) {
            exec_sql("ROLLBACK");
            status = ERROR_REGISTRY_IO_FAILED;
        }
    } else {
        exec_sql("ROLLBACK");
    }
    pthread_mutex_unlock(&g_lock);
    return status;
}

DWORD reg_flush(void)
{
    pthread_mutex_lock(&g_lock);
    int rc = ensure_open() ? sqlite3_wal_checkpoint_v2(g_db, NULL, SQLITE_CHECKPOINT_FULL,
                                                       NULL, NULL)
                           : SQLITE_CANTOPEN;
    pthread_mutex_unlock(&g_lock);
    /* Busy: another process is reading; a later checkpoint completes it. */
    return rc == SQLITE_OK || rc == SQLITE_BUSY ? ERROR_SUCCESS : ERROR_REGISTRY_IO_FAILED;
}
