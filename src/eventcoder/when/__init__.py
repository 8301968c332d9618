"""when stage."""
