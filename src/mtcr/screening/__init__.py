"""Restricted-party screening: list import, name matching across scripts, candidate index, records."""
