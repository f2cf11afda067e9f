-- plan administration: what the coordinator decides about loaded documents (the current plan, a new name, archived, tracked, which plan a re-issued one replaces), kept apart from what was parsed; nothing here deletes
create table if not exists plan_state (
    plan_id     integer primary key,       -- documents.doc_id
    title       varchar,                   -- the coordinator's name for it (NULL: as parsed)
    archived    boolean not null default false,  -- hidden (loaded by mistake); restorable
    tracked     boolean,                   -- followed on the dashboard (NULL: plans and tables are)
    version_of  integer,                   -- the plan this re-issued one replaces (same 文号, or title + issuer + year)
    changed_by  varchar,
    changed_at  timestamp
);

-- settings of the whole database: key 'current_plan' = the plan every page opens on
create table if not exists app_settings (
    key         varchar primary key,
    value       varchar,
    changed_by  varchar,
    changed_at  timestamp
);

-- every change above, with who and when (a history, never rewritten)
create sequence if not exists seq_plan_event_id start 1;
create table if not exists plan_events (
    event_id    integer primary key default nextval('seq_plan_event_id'),
    plan_id     integer,
    action      varchar not null,          -- current / rename / archive / restore / track / untrack / version
    detail      varchar,
    actor       varchar,
    happened_at timestamp default current_timestamp
);
