"""The demo database: a fictional county's plans and report (data/demo) and two years of quarterly
uploads generated from them through the users' own path (uploads)."""
