// The part of SQLite's C interface that Storage's embedded-database driver calls.
//
// The library itself is the copy that sqlite-nio vendors and compiles into every binary that links Storage, with its
// symbols prefixed `sqlite_nio_`. Declaring them here, instead of linking a second SQLite, keeps one copy of SQLite in
// the process: two copies keep two tables of POSIX locks, and closing a file in one drops the other's locks on the
// same database. A sqlite-nio release that renamed these symbols fails at link time, not at run time.
#ifndef HIKESHI_CSQLITE_H
#define HIKESHI_CSQLITE_H

typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
typedef long long hikeshi_sqlite3_int64;

#define HIKESHI_SQLITE_OK 0
#define HIKESHI_SQLITE_ROW 100
#define HIKESHI_SQLITE_DONE 101
#define HIKESHI_SQLITE_INTEGER 1
#define HIKESHI_SQLITE_FLOAT 2
#define HIKESHI_SQLITE_TEXT 3
#define HIKESHI_SQLITE_BLOB 4
#define HIKESHI_SQLITE_NULL 5
#define HIKESHI_SQLITE_OPEN_READWRITE 0x00000002
#define HIKESHI_SQLITE_OPEN_CREATE 0x00000004
#define HIKESHI_SQLITE_OPEN_NOMUTEX 0x00008000
#define HIKESHI_SQLITE_OPEN_EXRESCODE 0x02000000
#define HIKESHI_SQLITE_PREPARE_PERSISTENT 0x01
#define HIKESHI_SQLITE_DBCONFIG_ENABLE_QPSG 1007
#define HIKESHI_SQLITE_STMTSTATUS_REPREPARE 5

int sqlite_nio_sqlite3_open_v2(const char *filename, sqlite3 **ppDb, int flags, const char *zVfs);
int sqlite_nio_sqlite3_close_v2(sqlite3 *);
int sqlite_nio_sqlite3_busy_timeout(sqlite3 *, int ms);
int sqlite_nio_sqlite3_extended_errcode(sqlite3 *db);
const char *sqlite_nio_sqlite3_errmsg(sqlite3 *);
const char *sqlite_nio_sqlite3_errstr(int);
int sqlite_nio_sqlite3_db_config(sqlite3 *, int op, ...);
int sqlite_nio_sqlite3_stmt_status(sqlite3_stmt *, int op, int resetFlag);
void *sqlite_nio_sqlite3_wal_hook(sqlite3 *, int (*)(void *, sqlite3 *, const char *, int), void *);

int sqlite_nio_sqlite3_prepare_v3(
    sqlite3 *db, const char *zSql, int nByte, unsigned int prepFlags, sqlite3_stmt **ppStmt, const char **pzTail);
int sqlite_nio_sqlite3_step(sqlite3_stmt *);
int sqlite_nio_sqlite3_reset(sqlite3_stmt *pStmt);
int sqlite_nio_sqlite3_clear_bindings(sqlite3_stmt *);
int sqlite_nio_sqlite3_finalize(sqlite3_stmt *pStmt);

int sqlite_nio_sqlite3_bind_parameter_count(sqlite3_stmt *);
int sqlite_nio_sqlite3_bind_int64(sqlite3_stmt *, int, hikeshi_sqlite3_int64);
int sqlite_nio_sqlite3_bind_double(sqlite3_stmt *, int, double);
int sqlite_nio_sqlite3_bind_null(sqlite3_stmt *, int);
int sqlite_nio_sqlite3_bind_text(sqlite3_stmt *, int, const char *, int, void (*)(void *));
int sqlite_nio_sqlite3_bind_blob(sqlite3_stmt *, int, const void *, int n, void (*)(void *));

int sqlite_nio_sqlite3_column_count(sqlite3_stmt *pStmt);
const char *sqlite_nio_sqlite3_column_name(sqlite3_stmt *, int N);
int sqlite_nio_sqlite3_column_type(sqlite3_stmt *, int iCol);
hikeshi_sqlite3_int64 sqlite_nio_sqlite3_column_int64(sqlite3_stmt *, int iCol);
double sqlite_nio_sqlite3_column_double(sqlite3_stmt *, int iCol);
const unsigned char *sqlite_nio_sqlite3_column_text(sqlite3_stmt *, int iCol);
const void *sqlite_nio_sqlite3_column_blob(sqlite3_stmt *, int iCol);
int sqlite_nio_sqlite3_column_bytes(sqlite3_stmt *, int iCol);

/// Binds text that SQLite copies before the call returns (`SQLITE_TRANSIENT`).
static inline int hikeshi_sqlite3_bind_text_copied(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite_nio_sqlite3_bind_text(statement, index, text, length, (void (*)(void *))-1);
}

/// Binds bytes that SQLite copies before the call returns (`SQLITE_TRANSIENT`).
static inline int hikeshi_sqlite3_bind_blob_copied(sqlite3_stmt *statement, int index, const void *bytes, int length) {
    return sqlite_nio_sqlite3_bind_blob(statement, index, bytes, length, (void (*)(void *))-1);
}

/// Turns on the query planner stability guarantee: a statement's plan never depends on the values bound to it. Without
/// it, SQLite prepares again, at its next step, a kept statement whose `LIMIT ?` (or similar) parameter was rebound to
/// another value — and clearing the bindings after each use makes every value another.
static inline int hikeshi_sqlite3_enable_stable_plans(sqlite3 *db) {
    return sqlite_nio_sqlite3_db_config(db, HIKESHI_SQLITE_DBCONFIG_ENABLE_QPSG, 1, (int *)0);
}

#endif
