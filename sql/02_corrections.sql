-- corrections (计划校对): the coordinator's fixes to a parsed plan, stored apart from what was parsed, with who and when; the task, unit and target tables hold the plan as corrected, rebuilt from the parsed copies below and the corrections in force (loaders/storage/corrections.py)
create sequence if not exists seq_correction_id start 1;
create table if not exists corrections (
    correction_id integer primary key default nextval('seq_correction_id'),
    plan_id      integer not null,         -- the plan it was made on
    root_plan_id integer not null,         -- the first version of that plan: corrections follow new versions
    action_code  varchar,                  -- the task's identity in its plan: action, number, text
    task_number  varchar,
    task_text    varchar,
    added_task_id integer,                 -- for a task added by a correction: its id (kept across rebuilds)
    field        varchar not null,         -- title / lead / responsible / cooperating / deadline / ongoing / add_target / remove_target / add_task / remove_task
    value        varchar,                  -- the new value as JSON text
    made_by      varchar not null,
    made_at      timestamp not null default current_timestamp,
    undone_by    varchar,
    undone_at    timestamp
);

-- the plan as parsed, copied before its first correction (task fields, units as written, targets)
create table if not exists parsed_tasks (
    task_id       integer primary key,
    plan_id       integer not null,
    action_id     integer not null,
    seq           integer not null,
    number        varchar not null,
    title         varchar not null,
    text          varchar not null,
    group_name    varchar,
    deadline_text varchar,
    deadline      date,
    ongoing       boolean not null,
    recurring     varchar,
    review_notes  varchar[]
);
create table if not exists parsed_task_units (
    task_id      integer not null,
    role         varchar not null,
    seq          integer not null,
    name_written varchar not null
);
create table if not exists parsed_targets (
    target_id   integer primary key,
    plan_id     integer not null,
    action_id   integer,
    task_id     integer,
    seq         integer not null,
    indicator   varchar not null,
    comparator  varchar not null,
    value       double not null,
    unit        varchar not null,
    per         varchar,
    year        integer,
    text        varchar not null
);
-- the plans whose parsed rows have been copied (a plan may have no task at all)
create table if not exists parsed_plans (
    plan_id   integer primary key,
    copied_at timestamp default current_timestamp
);
