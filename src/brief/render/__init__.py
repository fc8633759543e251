"""Pure rendering: rows in, text or Rich renderables out."""
