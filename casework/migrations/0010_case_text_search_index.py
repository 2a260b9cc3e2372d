from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from core.postgres_indexes import postgres_only_index, text_vector


class Migration(migrations.Migration):
    dependencies = [("casework", "0009_letter_rendering_started_at")]

    operations = [
        postgres_only_index(
            "casework", "Case", lambda: GinIndex(text_vector("accused_name", "summary"), name="case_text_search_idx")
        )
    ]
