"""Core's own pages: the shared pages (pages) and the signed-in user's notifications (notifications)."""
