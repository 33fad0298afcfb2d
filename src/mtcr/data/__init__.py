"""Bundled data: demonstration items (and, later, the missile catalogue)."""
