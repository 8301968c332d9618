"""casualties stage."""
