"""The Sub-processors screen: register, DPA checklists, evidence, planned changes and the
customers without a signed DPA (policy clauses 6, 8 and 10)."""
