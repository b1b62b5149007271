"""The breach register screen (GDPR Art. 33/34)."""
