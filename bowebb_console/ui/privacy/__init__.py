"""The Privacy screen (admins): the dashboard, access requests, the rights of contacts."""
