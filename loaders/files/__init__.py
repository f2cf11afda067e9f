"""Reading files: plain text, HTML, Word, PDF and spreadsheets into text or table rows (readers,
word), and the text conventions every parser relies on (normalize)."""
