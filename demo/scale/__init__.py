"""Scale data for the figures' benchmarks (`manage.py seed_scale`): many agencies, a million cases, written by
PostgreSQL COPY in the tables' own shape. Unlike the demo regency it does not go through the services — a million
cases through them would take hours — so it writes rows as the services would leave them, with audit events in a
valid hash chain, and then rebuilds the figures' summary tables (figures.refresh.figures_rebuild)."""
