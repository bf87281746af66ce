-- Schema version 4: the exchange between desks (실적 취합).
-- Every shared row gets a global `uid`, the same on every desk (deterministic for seeded rows,
-- filled in Python right after this script by store/uids.py; a UUID for rows made later).
-- Depends only on 0001 (0002/0003 belong to other work and may run before this one).
ALTER TABLE organisations ADD COLUMN uid TEXT;
ALTER TABLE contacts ADD COLUMN uid TEXT;
ALTER TABLE cities ADD COLUMN uid TEXT;
ALTER TABLE projects ADD COLUMN uid TEXT;
ALTER TABLE calendar_exceptions ADD COLUMN uid TEXT;
ALTER TABLE tasks ADD COLUMN uid TEXT;
ALTER TABLE dependencies ADD COLUMN uid TEXT;
ALTER TABLE meeting_series ADD COLUMN uid TEXT;
ALTER TABLE checklist_items ADD COLUMN uid TEXT;
ALTER TABLE signoffs ADD COLUMN uid TEXT;
ALTER TABLE budget_lines ADD COLUMN uid TEXT;
ALTER TABLE provisions ADD COLUMN uid TEXT;
ALTER TABLE provision_stage_changes ADD COLUMN uid TEXT;
ALTER TABLE status_updates ADD COLUMN uid TEXT;
ALTER TABLE notes ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX organisations_uid ON organisations(uid);
CREATE UNIQUE INDEX contacts_uid ON contacts(uid);
CREATE UNIQUE INDEX cities_uid ON cities(uid);
CREATE UNIQUE INDEX projects_uid ON projects(uid);
CREATE UNIQUE INDEX calendar_exceptions_uid ON calendar_exceptions(uid);
CREATE UNIQUE INDEX tasks_uid ON tasks(uid);
CREATE UNIQUE INDEX dependencies_uid ON dependencies(uid);
CREATE UNIQUE INDEX meeting_series_uid ON meeting_series(uid);
CREATE UNIQUE INDEX checklist_items_uid ON checklist_items(uid);
CREATE UNIQUE INDEX signoffs_uid ON signoffs(uid);
CREATE UNIQUE INDEX budget_lines_uid ON budget_lines(uid);
CREATE UNIQUE INDEX provisions_uid ON provisions(uid);
CREATE UNIQUE INDEX provision_stage_changes_uid ON provision_stage_changes(uid);
CREATE UNIQUE INDEX status_updates_uid ON status_updates(uid);
CREATE UNIQUE INDEX notes_uid ON notes(uid);
-- One record per changed field (op 'update'), or per whole row (op 'insert' / 'delete', field '*').
-- Values are JSON with references written as uids. `rank` is the hybrid logical clock of the
-- change (it orders concurrent changes); `base_rank` is the rank of the value it replaced.
-- (origin_desk, origin_seq) names a change on every desk: importing it twice changes nothing.
CREATE TABLE change_log (
    id INTEGER PRIMARY KEY,
    row_uid TEXT NOT NULL,
    table_name TEXT NOT NULL,
    field TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    base TEXT,
    base_rank TEXT,
    value TEXT,
    rank TEXT NOT NULL,
    officer TEXT NOT NULL DEFAULT '',
    wall_time TEXT NOT NULL,
    origin_desk TEXT NOT NULL,
    origin_seq INTEGER NOT NULL,
    UNIQUE (origin_desk, origin_seq)
);
CREATE INDEX change_log_rank ON change_log(rank);
CREATE INDEX change_log_row ON change_log(row_uid, field);
-- The rank of each field's current value (absent: the seeded value, rank NULL).
CREATE TABLE field_ranks (
    row_uid TEXT NOT NULL,
    field TEXT NOT NULL,
    rank TEXT NOT NULL,
    PRIMARY KEY (row_uid, field)
);
-- Deleted shared rows: their last content, so a delete merges and can be decided against.
CREATE TABLE tombstones (
    row_uid TEXT PRIMARY KEY,
    table_name TEXT NOT NULL,
    rank TEXT NOT NULL,
    row TEXT,
    origin_desk TEXT NOT NULL,
    wall_time TEXT NOT NULL
);
-- Public keys of desks seen in packages: trusted on first use, then a changed key is refused.
CREATE TABLE known_desks (
    desk_id TEXT PRIMARY KEY,
    ministry TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'member',
    officer TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
-- Conflicts (both values kept) and proposals (a change not the sender's to make) held for a
-- decision. `version` because decisions are ordinary undoable, audited writes.
CREATE TABLE exchange_held (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('conflict', 'delete', 'proposal', 'gate')),
    table_name TEXT NOT NULL,
    row_uid TEXT NOT NULL,
    field TEXT NOT NULL,
    base TEXT,
    mine TEXT,
    mine_rank TEXT,
    theirs TEXT,
    theirs_rank TEXT,
    theirs_desk TEXT NOT NULL DEFAULT '',
    theirs_ministry TEXT NOT NULL DEFAULT '',
    theirs_officer TEXT NOT NULL DEFAULT '',
    theirs_at TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'mine', 'theirs', 'edited', 'accepted', 'rejected', 'closed')),
    decided_value TEXT,
    decided_at TEXT NOT NULL DEFAULT '',
    decided_by TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX exchange_held_open ON exchange_held(status, kind);
-- One row per package or return form read: desk status and data freshness per ministry.
CREATE TABLE exchange_arrivals (
    id INTEGER PRIMARY KEY,
    ministry TEXT NOT NULL,
    desk_id TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('package', 'form')),
    file_name TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    applied INTEGER NOT NULL DEFAULT 0,
    conflicts INTEGER NOT NULL DEFAULT 0,
    proposals INTEGER NOT NULL DEFAULT 0
);
