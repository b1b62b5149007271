"""The privacy officer's desk (issue 15): access requests, restriction, objection, rectification."""
