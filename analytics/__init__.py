"""Analytics: the cached database connection, the named queries and the embedded demo."""
