"""The chained, erasable session log shared by every feature: writing and verifying."""
