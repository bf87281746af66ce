-- Schema version 1: the programme plan, its organisations, money, regulation and the audit log.
-- Every table has `version` for optimistic concurrency (an update names the version it read).
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name_ko TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    department_ko TEXT NOT NULL DEFAULT '',
    department_en TEXT NOT NULL DEFAULT '',
    responsible INTEGER NOT NULL DEFAULT 0,
    in_council INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE cities (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name_ko TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    master_planner TEXT NOT NULL DEFAULT '',
    implementer_org_id INTEGER REFERENCES organisations(id),
    local_government_org_id INTEGER REFERENCES organisations(id),
    source TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    name_ko TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    start TEXT NOT NULL,
    status_date TEXT,
    source TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE calendar_exceptions (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    working INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (project_id, day)
);
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
    wbs TEXT NOT NULL,
    name_ko TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('summary', 'task', 'milestone')),
    owner_org_id INTEGER REFERENCES organisations(id),
    supporting_org_ids TEXT NOT NULL DEFAULT '[]',
    city_id INTEGER REFERENCES cities(id),
    start TEXT,
    finish TEXT,
    duration_days INTEGER NOT NULL DEFAULT 1 CHECK (duration_days >= 0),
    percent_complete REAL NOT NULL DEFAULT 0 CHECK (percent_complete BETWEEN 0 AND 100),
    percent_from_checklist INTEGER NOT NULL DEFAULT 0,
    constraint_type TEXT NOT NULL DEFAULT '',
    constraint_date TEXT,
    actual_start TEXT,
    actual_finish TEXT,
    needs_signoff INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (project_id, wbs)
);
CREATE INDEX tasks_parent ON tasks(parent_id);
CREATE INDEX tasks_owner ON tasks(owner_org_id);
CREATE TABLE dependencies (
    id INTEGER PRIMARY KEY,
    predecessor_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    successor_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    type TEXT NOT NULL CHECK (type IN ('FS', 'SS', 'FF', 'SF')),
    lag_days INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (predecessor_id <> successor_id),
    UNIQUE (predecessor_id, successor_id)
);
CREATE INDEX dependencies_successor ON dependencies(successor_id);
CREATE TABLE meeting_series (
    id INTEGER PRIMARY KEY,
    name_ko TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    cadence TEXT NOT NULL CHECK (cadence IN ('monthly', 'quarterly', 'half_yearly')),
    first TEXT NOT NULL,
    task_id INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
    org_id INTEGER REFERENCES organisations(id),
    source TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE checklist_items (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    org_id INTEGER REFERENCES organisations(id),
    text TEXT NOT NULL,
    due TEXT,
    done INTEGER NOT NULL DEFAULT 0,
    done_by TEXT NOT NULL DEFAULT '',
    done_at TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    meeting_series_id INTEGER REFERENCES meeting_series(id) ON DELETE CASCADE,
    source TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX checklist_task ON checklist_items(task_id);
CREATE TABLE signoffs (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    approver_name TEXT NOT NULL,
    approver_position TEXT NOT NULL DEFAULT '',
    signed_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    revoked INTEGER NOT NULL DEFAULT 0,
    revoke_reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE budget_lines (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    area TEXT NOT NULL,
    item TEXT NOT NULL,
    planned REAL NOT NULL CHECK (planned >= 0),
    executed REAL NOT NULL DEFAULT 0 CHECK (executed >= 0),
    city_id INTEGER REFERENCES cities(id),
    org_id INTEGER REFERENCES organisations(id),
    kind TEXT NOT NULL DEFAULT 'budget',
    unit TEXT NOT NULL DEFAULT '억원',
    source TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE provisions (
    id INTEGER PRIMARY KEY,
    name_ko TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    allows_ko TEXT NOT NULL DEFAULT '',
    allows_en TEXT NOT NULL DEFAULT '',
    law_ko TEXT NOT NULL DEFAULT '',
    law_en TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL CHECK (stage IN ('bill_proposed', 'in_committee', 'passed', 'in_force')),
    stage_date TEXT,
    target TEXT,
    group_ko TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE provision_stage_changes (
    id INTEGER PRIMARY KEY,
    provision_id INTEGER NOT NULL REFERENCES provisions(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    "on" TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE status_updates (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    report_date TEXT NOT NULL,
    rag TEXT NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
    narrative TEXT NOT NULL DEFAULT '',
    org_id INTEGER REFERENCES organisations(id),
    author TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX status_updates_task ON status_updates(task_id, report_date);
CREATE TABLE baselines (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (project_id, name)
);
CREATE TABLE baseline_tasks (
    id INTEGER PRIMARY KEY,
    baseline_id INTEGER NOT NULL REFERENCES baselines(id) ON DELETE CASCADE,
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    start TEXT,
    finish TEXT,
    duration_days INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX baseline_tasks_baseline ON baseline_tasks(baseline_id);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    topic TEXT NOT NULL,
    title_ko TEXT NOT NULL,
    body_ko TEXT NOT NULL DEFAULT '',
    title_en TEXT NOT NULL DEFAULT '',
    body_en TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
-- Hash-chained: hash = sha256(prev_hash || canonical JSON of the entry's other fields).
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    old TEXT,
    new TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
