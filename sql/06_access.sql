-- accounts and the audit log: who may do what (查看 viewer, 填报 reporter for its own units, 管理 admin), with argon2 password hashes; every write and every refusal recorded with who, when, what and the file's hash
create table if not exists accounts (
    name          varchar primary key,
    role          varchar not null,        -- viewer / reporter / admin
    units         varchar[],               -- a reporter's own units
    password_hash varchar,                 -- argon2; NULL: signs in through the intranet's single sign-on only
    disabled      boolean not null default false,
    created_by    varchar,
    created_at    timestamp default current_timestamp
);

create sequence if not exists seq_audit_id start 1;
create table if not exists audit_log (
    audit_id    integer primary key default nextval('seq_audit_id'),
    happened_at timestamp not null default current_timestamp,
    actor       varchar not null,
    action      varchar not null,          -- load / correct / upload / restore / merge / account / sign_in …
    target      varchar,                   -- what it acted on (a file, a plan, a task, a unit, an account)
    detail      varchar,                   -- before/after or the file's sha256, as JSON text
    outcome     varchar not null           -- done / refused
);
