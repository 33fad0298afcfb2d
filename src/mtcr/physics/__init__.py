"""Range-payload capability of rocket systems, from physics."""
