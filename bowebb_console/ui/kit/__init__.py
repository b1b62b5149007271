"""Shared Qt pieces: context, tasks, prompts, row models, list frame."""
