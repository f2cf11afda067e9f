"""The quarterly workbook round trip: what a unit owns (catalog), the fill-in workbook (template),
reading an upload (workbook → values → match → figures → sheet, records) and storing it (store)."""
