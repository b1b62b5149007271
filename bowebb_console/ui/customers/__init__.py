"""Customer lookup: search-as-you-type, the customer card, editing, trials, import, notices."""
