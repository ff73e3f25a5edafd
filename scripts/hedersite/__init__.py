"""Data, validation and tooling for the site on honour-related violence and oppression."""
