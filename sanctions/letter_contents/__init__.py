"""What the letters of a decision and of what follows it say: one module per letter family, each building the
content snapshot its template reads (the templates are in templates/letters/)."""
