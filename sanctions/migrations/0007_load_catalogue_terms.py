"""Issue 9: the terms of the PNS sanctions, PTDH under UU 20/2023 (the UU 5/2014 row ends), the PPPK catalogue, and
the authority rules for the dismissal and the central posts (sanctions.catalogue.sanction_terms, authority_rules)."""

from django.db import migrations

from sanctions.catalogue import authority_rules, sanction_terms


def _terms(SanctionType):
    for code, (remedy, effect, excluded, team, rights, note) in sanction_terms.PNS_TERMS.items():
        for row in SanctionType.objects.filter(code=code):
            row.remedy, row.position_effect, row.excluded_position_kinds = remedy, effect, excluded
            row.requires_examination_team, row.rights_clause = team, rights
            row.note = note if code != "PTDH" else row.note
            row.save()
    # The rows so far served both employee types; PPPK get their own rows now.
    for row in SanctionType.objects.all():
        if sorted(row.employee_types) == ["pns", "pppk"]:
            row.employee_types = ["pns"]
            row.save(update_fields=["employee_types"])


def _repeal_uu5(SanctionType):
    for row in SanctionType.objects.filter(code="PTDH", valid_from__lt=sanction_terms.UU20_IN_FORCE):
        row.regulation = sanction_terms.UU5_REPEALED
        row.valid_to = sanction_terms.UU5_LAST_DAY
        row.operative_wording = "Memberhentikan tidak dengan hormat sebagai Pegawai Negeri Sipil"
        row.save()


def _add(SanctionType, rows):
    for row in rows:
        row = dict(row)
        code, valid_from = row.pop("code"), row.pop("valid_from")
        SanctionType.objects.update_or_create(code=code, valid_from=valid_from, defaults=row)


def _authority(AuthorityRule):
    regulation, article, note = authority_rules.DISMISSAL_REGULATION
    AuthorityRule.objects.filter(level="dismissal", regulation=authority_rules.PP94).update(
        regulation=regulation, article=article, note=note
    )
    for row in authority_rules.uu20_authority_rows():
        keys = {key: row.pop(key) for key in ("position_kind", "functional_scope", "level", "sanction_code", "valid_from")}
        AuthorityRule.objects.update_or_create(**keys, defaults=row)


def load(apps, schema_editor):
    SanctionType = apps.get_model("sanctions", "SanctionType")
    _terms(SanctionType)
    _repeal_uu5(SanctionType)
    _add(SanctionType, [sanction_terms.PTDH_UU20, *sanction_terms.PPPK_SANCTION_TYPES])
    _authority(apps.get_model("sanctions", "AuthorityRule"))


class Migration(migrations.Migration):
    dependencies = [("sanctions", "0006_catalogue_terms_prior_sanctions")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
