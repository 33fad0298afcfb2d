"""Licensing casework: applications, review and clearance, decisions, audit (in progress: see docs/casework.md)."""
