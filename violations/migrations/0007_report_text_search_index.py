from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from core.postgres_indexes import postgres_only_index, text_vector


class Migration(migrations.Migration):
    dependencies = [("violations", "0006_load_violation_readings")]

    operations = [
        postgres_only_index(
            "violations",
            "Report",
            lambda: GinIndex(text_vector("accused_name", "description"), name="report_text_search_idx"),
        )
    ]
