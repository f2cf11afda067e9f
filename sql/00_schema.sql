-- schema: tables for plans, tasks, units, targets, achievements and (later) quarterly progress
-- Applied on every start; every statement is idempotent. No foreign keys: DuckDB rejects an
-- UPDATE of a referenced row (it rewrites the row), so integrity is kept by loaders/storage/plans.py,
-- which writes each file in one transaction.

create sequence if not exists seq_file_id start 1;
create sequence if not exists seq_doc_id start 1;
create sequence if not exists seq_action_id start 1;
create sequence if not exists seq_task_id start 1;
create sequence if not exists seq_target_id start 1;
create sequence if not exists seq_achievement_id start 1;
create sequence if not exists seq_unit_id start 1;

-- 源文件: every file ever loaded, once per content hash
create table if not exists source_files (
    file_id     integer primary key default nextval('seq_file_id'),
    sha256      varchar not null unique,
    name        varchar not null,          -- file name as uploaded
    size_bytes  bigint,
    format      varchar,                   -- txt / html / docx / pdf / xlsx / xls / csv
    content     blob,                      -- the original bytes, kept for audit and re-parsing
    loaded_by   varchar,
    loaded_at   timestamp default current_timestamp
);

-- 文件/方案: one row per document found in a file (a gazette holds several)
create table if not exists documents (
    doc_id      integer primary key default nextval('seq_doc_id'),
    file_id     integer not null,
    seq         integer not null,          -- order within the file
    title       varchar not null,
    doc_number  varchar,                   -- 文号
    issuer      varchar,
    issued_on   date,
    kind        varchar not null,          -- plan / annual_report / breakdown_table / other
    years       integer[],
    year_from   integer,
    year_to     integer
);

-- 行动 / 任务分类
create table if not exists actions (
    action_id   integer primary key default nextval('seq_action_id'),
    plan_id     integer not null,
    seq         integer not null,
    code        varchar not null,          -- as written: "(一)", "一、"
    title       varchar not null
);

-- 任务 / 具体措施
create table if not exists tasks (
    task_id       integer primary key default nextval('seq_task_id'),
    plan_id       integer not null,
    action_id     integer not null,
    seq           integer not null,        -- order within the plan
    number        varchar not null,        -- as written: "7", "(十二)", "(34)"
    title         varchar not null,
    text          varchar not null,
    group_name    varchar,                 -- middle level (主要任务) in breakdown tables
    deadline_text varchar,
    deadline      date,
    ongoing       boolean not null default false,   -- 长期坚持 / 持续推进
    recurring     varchar                  -- 'year' / 'quarter' for 每年… deadlines
);
-- where the parser was unsure (units in no known form, a numbering jump, a target it could not
-- read): shown first on the plan page; added here for databases made before the column existed
alter table tasks add column if not exists review_notes varchar[];

-- 单位: the registry. kind = 'unit' or 'group' (各镇街 stands for many)
create table if not exists units (
    unit_id     integer primary key default nextval('seq_unit_id'),
    name        varchar not null unique,   -- canonical name
    kind        varchar not null default 'unit',
    level       varchar,                   -- 市 / 区 / 县 / 镇 ... when the name carries it
    reviewed    boolean not null default false,  -- false: created from a document, awaiting review
    created_at  timestamp default current_timestamp
);

create table if not exists unit_aliases (
    alias       varchar primary key,       -- normalised spelling
    unit_id     integer not null
);

-- 任务-单位: role is lead (牵头) / responsible (责任) / cooperating (配合)
create table if not exists task_units (
    task_id      integer not null,
    unit_id      integer not null,
    role         varchar not null,
    seq          integer not null,
    name_written varchar not null,         -- as written in the source
    primary key (task_id, unit_id, role)
);

-- 目标 / 效果指标: task_id null for section-level targets
create table if not exists targets (
    target_id   integer primary key default nextval('seq_target_id'),
    plan_id     integer not null,
    action_id   integer,
    task_id     integer,
    seq         integer not null,
    indicator   varchar not null,
    comparator  varchar not null,
    value       double not null,
    unit        varchar not null,
    per         varchar,                   -- 'year' / 'quarter' / null
    year        integer,
    text        varchar not null           -- source clause
);

-- 年度报告中的实际完成值
create table if not exists achievements (
    achievement_id integer primary key default nextval('seq_achievement_id'),
    doc_id      integer not null,
    seq         integer not null,
    indicator   varchar not null,
    value       double not null,
    unit        varchar not null,
    year        integer,
    text        varchar not null
);

-- ---------------------------------------------------------------------------------------
-- 季度填报 (quarterly progress). Every upload is kept with its hash, who and when, whatever its
-- outcome; an upload covers unit-periods (单位 × 年度 × 季度) and carries rows (unit × task ×
-- quarter in task_progress, unit × indicator × quarter in indicator_values). A later upload
-- replaces the rows it carries and leaves the others in force: a row is in force while its
-- replaced_by is null. Restoring an upload puts its rows back in force. in_force_log keeps every
-- change of the row in force. The statements after each table bring a database made before
-- these columns up to date.

create sequence if not exists seq_upload_id start 1;

create table if not exists uploads (
    upload_id      integer primary key default nextval('seq_upload_id'),
    sha256         varchar not null,       -- a stored file is not stored twice (checked on upload)
    file_name      varchar not null,
    content        blob,                   -- the bytes, once per hash; a rejected file's only up
                                           -- to 5 MB (loaders/progress/store.py)
    uploaded_by    varchar not null,
    uploaded_at    timestamp not null default current_timestamp,
    reporting_unit varchar,                -- the unit the uploader reports for; null = coordinator
    plan_ids       integer[],
    task_rows      integer not null default 0,
    indicator_rows integer not null default 0,
    year           integer,
    quarter        integer,
    outcome        varchar not null,       -- stored / rejected
    messages       varchar[]               -- row-level messages (Chinese), for rejected uploads
);
alter table uploads alter column content drop not null;
alter table uploads add column if not exists size_bytes bigint;

-- which unit-periods an upload covers; superseded_by is set once none of its rows there is in
-- force (the upload that replaced the last of them), and cleared when it is restored
create table if not exists upload_periods (
    upload_id     integer not null,
    unit_id       integer not null,
    year          integer not null,
    quarter       integer not null,
    superseded_by integer,                 -- null = some of its rows are in force
    superseded_at timestamp,
    primary key (upload_id, unit_id, year, quarter)
);

-- 任务进展: one row per unit × task × period in an upload (the reader refuses an upload repeating
-- one; no primary key: its index costs more than the insert of a large upload, and databases
-- made before keep theirs)
create table if not exists task_progress (
    upload_id   integer not null,
    task_id     integer not null,
    unit_id     integer not null,
    year        integer not null,
    quarter     integer not null,
    status      varchar not null,          -- 未启动 / 推进中 / 已完成 / 长期推进 / 滞后
    note        varchar,                   -- 进展说明
    evidence    varchar,                   -- 佐证材料
    sheet       varchar,
    row_no      integer,
    replaced_by integer                    -- the upload whose row replaced it; null = in force
);
alter table task_progress add column if not exists replaced_by integer;

-- 指标数据: one row per unit × indicator × period in an upload (upload_id 0 = annual report)
create table if not exists indicator_values (
    upload_id   integer not null,
    target_id   integer not null,
    unit_id     integer,                   -- null: the whole region (annual-report figures)
    year        integer not null,
    quarter     integer,                   -- null: the whole year (annual-report figures)
    numerator   double,                    -- 分子
    denominator double,                    -- 分母
    actual      double,                    -- 实际值 (counts, values, or a rate given directly)
    source      varchar not null default 'upload',   -- upload / annual_report
    achievement_id integer,
    sheet       varchar,
    row_no      integer,
    note        varchar,                   -- 说明
    replaced_by integer                    -- the upload whose row replaced it; null = in force
);
alter table indicator_values add column if not exists note varchar;
alter table indicator_values add column if not exists replaced_by integer;

-- 操作记录: stored, rejected, restored — who did what to which upload, and when
create table if not exists upload_events (
    upload_id   integer not null,
    action      varchar not null,          -- stored / rejected / restored / superseded
    actor       varchar not null,
    happened_at timestamp not null default current_timestamp,
    detail      varchar
);

-- 在用数据的变动: each time the row in force for a unit × task or indicator × quarter becomes
-- another upload's (an upload replacing an earlier one's row, or a restore); the first row of
-- a unit × task × quarter is recorded by its upload alone
create table if not exists in_force_log (
    happened_at        timestamp not null default current_timestamp,
    action             varchar not null,   -- stored / restored
    actor              varchar not null,
    kind               varchar not null,   -- task / indicator
    unit_id            integer not null,
    item_id            integer not null,   -- task_id / target_id
    year               integer not null,
    quarter            integer not null,
    upload_id          integer not null,   -- the upload whose row is now in force
    replaced_upload_id integer             -- the upload whose row it replaced
);
