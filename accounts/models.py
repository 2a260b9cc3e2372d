"""People and organisations: agencies and their units, staff accounts, Bawaslu offices, the civil-servant register."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.nip import validate_nip
from accounts.roles import Role
from core.models import TimeStampedModel


class Agency(TimeStampedModel):
    """An instansi, e.g. Pemerintah Kabupaten Lebong: the government whose BKPSDM runs the cases."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    region_name = models.CharField(_("region"), max_length=120, help_text=_("e.g. Kabupaten Lebong"))
    seat = models.CharField(_("seat"), max_length=80, blank=True, help_text=_("Town where letters are signed."))
    address = models.TextField(_("address"), blank=True)
    # The deployment's own agency: citizen reports land here unless routed otherwise.
    is_default = models.BooleanField(_("default agency"), default=False)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ("name",)
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=models.Q(is_default=True), name="agency_single_default"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Unit(TimeStampedModel):
    """An organisational unit (OPD): a dinas, badan, kecamatan, school, etc."""

    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="units")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        verbose_name = _("unit (OPD)")
        verbose_name_plural = _("units (OPD)")
        ordering = ("name",)
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="unit_code_unique_per_agency")]

    def __str__(self) -> str:
        return self.name


class BawasluOffice(TimeStampedModel):
    """A Bawaslu office (Kabupaten/Provinsi) that forwards findings to an agency."""

    class Level(models.TextChoices):
        REGENCY = "regency", _("Regency/city")
        PROVINCE = "province", _("Province")

    name = models.CharField(_("name"), max_length=200, unique=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.REGENCY)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency served"),
        on_delete=models.PROTECT,
        related_name="bawaslu_offices",
        help_text=_("The agency whose BKPSDM receives this office's forwardings."),
    )
    address = models.TextField(_("address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("Bawaslu office")
        verbose_name_plural = _("Bawaslu offices")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A staff or office account. Roles are groups (see accounts.roles)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), null=True, blank=True, on_delete=models.PROTECT, related_name="staff"
    )
    # Empty means the whole agency; otherwise the user works only on these units.
    units = models.ManyToManyField(Unit, verbose_name=_("limited to units"), blank=True, related_name="staff")
    bawaslu_office = models.ForeignKey(
        BawasluOffice,
        verbose_name=_("Bawaslu office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="accounts",
    )
    position_title = models.CharField(_("position"), max_length=200, blank=True)
    nip = models.CharField(_("NIP"), max_length=18, blank=True, validators=[validate_nip])

    class Meta(AbstractUser.Meta):
        pass

    def has_role(self, role: Role) -> bool:
        if not self.is_active:
            return False
        cache = getattr(self, "_role_cache", None)
        if cache is None:
            cache = set(self.groups.values_list("name", flat=True))
            self._role_cache = cache
        return role.value in cache


class CivilServant(TimeStampedModel):
    """An ASN in the register (PNS or PPPK): who may be accused, examine, or sanction."""

    class EmployeeType(models.TextChoices):
        PNS = "pns", _("PNS (civil servant)")
        PPPK = "pppk", _("PPPK (contract civil servant)")

    class PositionKind(models.TextChoices):
        # JPT Utama and JPT Madya are central posts; the authority rules need them (the President decides some
        # sanctions on them, docs/legal-basis.md §4.1).
        JPT_UTAMA = "jpt_utama", _("JPT Utama")
        JPT_MADYA = "jpt_madya", _("JPT Madya")
        JPT_PRATAMA = "jpt_pratama", _("JPT Pratama (head of office)")
        ADMINISTRATOR = "administrator", _("Administrator")
        SUPERVISOR = "supervisor", _("Pengawas (supervisor)")
        EXECUTOR = "executor", _("Pelaksana (executor)")
        FUNCTIONAL = "functional", _("Functional")

    class FunctionalLevel(models.TextChoices):
        NONE = "", _("—")
        BEGINNER = "pemula", _("Pemula")
        SKILLED = "terampil", _("Terampil")
        PROFICIENT = "mahir", _("Mahir")
        SUPERVISOR = "penyelia", _("Penyelia")
        FIRST_EXPERT = "ahli_pertama", _("Ahli Pertama")
        JUNIOR_EXPERT = "ahli_muda", _("Ahli Muda")
        SENIOR_EXPERT = "ahli_madya", _("Ahli Madya")
        PRINCIPAL_EXPERT = "ahli_utama", _("Ahli Utama")

    nip = models.CharField(_("NIP"), max_length=18, unique=True, validators=[validate_nip])
    name = models.CharField(_("name"), max_length=200, db_index=True)
    employee_type = models.CharField(_("employee type"), max_length=10, choices=EmployeeType.choices)
    position_title = models.CharField(_("position"), max_length=200)
    position_kind = models.CharField(_("position kind"), max_length=20, choices=PositionKind.choices)
    functional_level = models.CharField(
        _("functional level"), max_length=20, choices=FunctionalLevel.choices, blank=True, default=""
    )
    rank = models.CharField(_("rank (pangkat/golongan)"), max_length=80, blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="civil_servants")
    direct_superior = models.ForeignKey(
        "self",
        verbose_name=_("direct superior"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subordinates",
    )
    is_active = models.BooleanField(_("in service"), default=True)

    class Meta:
        verbose_name = _("civil servant")
        verbose_name_plural = _("civil servants")
        ordering = ("name",)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(position_kind="functional") | models.Q(functional_level=""),
                name="civil_servant_level_only_for_functional",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.nip})"
