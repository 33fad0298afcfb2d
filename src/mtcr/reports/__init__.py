"""Plots and rendered documents."""
