"""The record of processing activities, "Personuppgiftsbehandlingar" (GDPR Art. 30)."""
