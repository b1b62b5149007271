"""The sub-processor register, its DPA checklist, changes and evidence."""
