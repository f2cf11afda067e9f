-- indicator catalogue: names of one indicator across plans, years and annual reports (行政机关负责人出庭应诉率 = 出庭应诉率 = 被诉行政机关负责人出庭率), each alias confirmed by a person; undone aliases stay on record
create sequence if not exists seq_indicator_alias_id start 1;
create table if not exists indicator_aliases (
    alias_id     integer primary key default nextval('seq_indicator_alias_id'),
    name         varchar not null,         -- the name as a plan or report writes it
    unit         varchar not null,         -- the indicator's unit (%, 次 …): names match within one unit
    canonical    varchar not null,         -- the name the catalogue follows it under
    confirmed_by varchar not null,
    confirmed_at timestamp not null default current_timestamp,
    undone_by    varchar,
    undone_at    timestamp
);

-- task links: a task of this year's plan continues a task of an earlier plan (confirmed by a person)
create sequence if not exists seq_task_link_id start 1;
create table if not exists task_links (
    link_id       integer primary key default nextval('seq_task_link_id'),
    task_id       integer not null,
    earlier_task_id integer not null,
    confirmed_by  varchar not null,
    confirmed_at  timestamp not null default current_timestamp,
    undone_by     varchar,
    undone_at     timestamp
);
