"""Storing parsed plans: a file and all its documents in one transaction (plans), their table rows
(rows), and the unit registry with aliases, groups and review (registry)."""
