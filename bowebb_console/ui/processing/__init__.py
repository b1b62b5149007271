"""The record of processing activities: shown in About, kept by admins, exported as PDF."""
