-- unit administration: the members of a group (各镇街 = each town and street office), and every change to the registry (merge, members) with what it replaced, so each can be undone
create table if not exists unit_members (
    group_id   integer not null,
    member_id  integer not null,
    added_by   varchar,
    added_at   timestamp default current_timestamp,
    primary key (group_id, member_id)
);

create sequence if not exists seq_unit_event_id start 1;
create table if not exists unit_events (
    event_id    integer primary key default nextval('seq_unit_event_id'),
    action      varchar not null,          -- merge / members
    detail      varchar not null,          -- JSON: what the change replaced, to undo it
    actor       varchar,
    happened_at timestamp default current_timestamp,
    undone_by   varchar,
    undone_at   timestamp
);
