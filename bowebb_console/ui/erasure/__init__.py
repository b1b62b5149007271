"""The Erasure screen and its three wizards (DESIGN.md "Erasure")."""
