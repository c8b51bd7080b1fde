"""Spiders of the project; there is one generic, config-driven spider (`news`) for every source."""
