"""Team-lead review: the session summary, its queries, folding and export."""
