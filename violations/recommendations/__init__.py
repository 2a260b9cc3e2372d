"""Recommendations received from BKN or a Bawaslu office (rekomendasi): their model and the sanction catalogue they
may name. Part of the violations app (its model is re-exported by violations.models, which Django loads)."""
