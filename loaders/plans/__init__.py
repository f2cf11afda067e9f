"""The plan grammar, pure functions from text to records: outline markers, documents in a gazette,
unit attributions, deadlines, targets and achieved figures, plans in prose and breakdown tables, and
parse (a file in, the documents of docs/parse-output.md out)."""
