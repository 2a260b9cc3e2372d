"""People and organisations: agencies and their units (with what their letters carry: the decrees' heading and emblem,
the regional rules decisions cite, who receives copies), staff accounts, Bawaslu offices, the civil-servant register."""

import base64
import uuid

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device

from accounts.nip import validate_nip
from accounts.recovery_codes import recovery_code_digest
from accounts.roles import Role
from core.models import TimeStampedModel

# An emblem is embedded in every decree's snapshot (WeasyPrint fetches only data: URIs): kept small.
EMBLEM_MAX_BYTES = 256 * 1024
EMBLEM_SIGNATURES: dict[bytes, str] = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def emblem_content_type(head: bytes) -> str:
    """The image type of an emblem from its first bytes (PNG or JPEG), or "" for anything else."""
    return next((kind for signature, kind in EMBLEM_SIGNATURES.items() if head.startswith(signature)), "")


def validate_emblem(value: File) -> None:
    if value.size is not None and value.size > EMBLEM_MAX_BYTES:
        raise ValidationError(_("The emblem may be at most 256 KB."), code="emblem_too_large")
    value.seek(0)
    head = value.read(8)
    value.seek(0)
    if not emblem_content_type(head):
        raise ValidationError(_("The emblem must be a PNG or JPEG image."), code="emblem_not_an_image")


def _emblem_path(instance: "Agency", filename: str) -> str:
    # Stored in the private storage like every other file; the name never derives from the upload.
    return f"agency-emblems/{instance.code}-{uuid.uuid4().hex}"


class Agency(TimeStampedModel):
    """An instansi, e.g. Pemerintah Kabupaten Lebong: the government whose BKPSDM runs the cases.

    Its decrees (the decisions of its staffing authority) carry its own heading, not the BKPSDM's kop: `decree_heading`
    (or its name) under `emblem`, the Garuda Pancasila or the regional emblem as its rules prescribe (docs/letters.md).
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    region_name = models.CharField(_("region"), max_length=120, help_text=_("e.g. Kabupaten Lebong"))
    seat = models.CharField(_("seat"), max_length=80, blank=True, help_text=_("Town where letters are signed."))
    address = models.TextField(_("address"), blank=True)
    decree_heading = models.CharField(
        _("heading of its decrees"),
        max_length=200,
        blank=True,
        help_text=_(
            "What the staffing authority's decrees carry at the top, e.g. “Pemerintah Kabupaten Lebong”; empty: the "
            "agency's name."
        ),
    )
    emblem = models.FileField(
        _("emblem on its decrees"),
        upload_to=_emblem_path,
        max_length=200,
        blank=True,
        validators=[validate_emblem],
        help_text=_(
            "The Garuda Pancasila or the regional emblem, as the agency's rules for decrees prescribe: a PNG or JPEG "
            "image of at most 256 KB. Without one, decrees carry the text heading alone."
        ),
    )
    regional_statutes = models.TextField(
        _("regional rules its decisions cite"),
        blank=True,
        help_text=_(
            "One per line, in full, e.g. “Peraturan Bupati Lebong Nomor 12 Tahun 2023 tentang Tambahan Penghasilan "
            "Pegawai”: cited last under Mengingat of a discipline decision."
        ),
    )
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

    def emblem_data_uri(self) -> str:
        """The emblem as a data: URI (what a decree embeds and the admin shows), or "" without a usable one."""
        if not self.emblem:
            return ""
        try:
            with self.emblem.open("rb") as stored:
                content = stored.read(EMBLEM_MAX_BYTES + 1)
        except OSError:
            return ""  # the file is gone from the storage: the decree carries the text heading alone
        kind = emblem_content_type(content[:8])
        if not kind or len(content) > EMBLEM_MAX_BYTES:
            return ""
        return f"data:{kind};base64,{base64.b64encode(content).decode('ascii')}"


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


class User(AbstractUser):  # type: ignore[django-manager-missing]  # (recovery_code_devices: django-otp is untyped)
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


class LetterCopyRecipient(TimeStampedModel):
    """Who receives a copy (tembusan) of a letter of one kind on one track: distribution is data, loaded with the
    defaults of docs/legal-basis.md §7.3 by a data migration and edited by administrators.

    A letter lists the rows of its kind and track, in order; when its track has none, the rows for every track.
    `recipient` may name the agency's region, government or personnel office through the placeholders below.
    """

    PLACEHOLDERS: tuple[str, ...] = ("{region}", "{government}", "{office}")

    class Track(models.TextChoices):
        ANY = "", _("every track")
        DISCIPLINE = "discipline", _("Discipline (PP 94/2021)")
        ETHICS = "ethics", _("Ethics (PP 42/2004)")
        STATUTORY = "statutory", _("Dismissal under the ASN law")

    letter_kind = models.CharField(
        _("kind of letter"),
        max_length=40,
        help_text=_("e.g. decision, moral_statement, summons_1, summons_2, examination_team_decision, bawaslu_reply"),
    )
    track = models.CharField(_("track"), max_length=20, choices=Track.choices, blank=True, default="")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    recipient = models.CharField(
        _("recipient"),
        max_length=300,
        help_text=_("e.g. “Atasan langsung yang bersangkutan”; {region}, {government} and {office} are replaced."),
    )
    basis = models.CharField(_("basis"), max_length=300, blank=True, help_text=_("Where the row comes from."))

    class Meta:
        verbose_name = _("copy recipient (tembusan)")
        verbose_name_plural = _("copy recipients (tembusan)")
        ordering = ("letter_kind", "track", "order")
        constraints = [
            models.UniqueConstraint(fields=["letter_kind", "track", "order"], name="letter_copy_recipient_unique")
        ]

    def __str__(self) -> str:
        return f"{self.letter_kind}/{self.track or '*'} {self.order}. {self.recipient}"

    def clean(self) -> None:
        remainder = self.recipient
        for placeholder in self.PLACEHOLDERS:
            remainder = remainder.replace(placeholder, "")
        if "{" in remainder or "}" in remainder:
            raise ValidationError(
                {"recipient": _("Only {region}, {government} and {office} may be written in braces.")},
                code="recipient_placeholder_unknown",
            )


class RecoveryCodeDevice(Device):
    """An account's recovery codes, as a django-otp device: each code logs in once when the authenticator app is
    lost. Only their SHA-256 is stored (the codes are random, so a plain hash is enough); they are shown once."""

    user = models.ForeignKey(
        User, verbose_name=_("account"), on_delete=models.CASCADE, related_name="recovery_code_devices"
    )

    class Meta(Device.Meta):
        verbose_name = _("recovery codes")
        verbose_name_plural = _("recovery codes")

    def verify_token(self, token: object) -> bool:
        """Use up the code `token` names (any case, spaces and dashes ignored): True once, False after."""
        digest = recovery_code_digest(str(token))
        used = self.codes.filter(digest=digest, used_at__isnull=True).update(used_at=timezone.now())
        return used == 1


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(_("SHA-256 of the code"), max_length=64)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")
        constraints = [models.UniqueConstraint(fields=["device", "digest"], name="recovery_code_unique_per_device")]

    def __str__(self) -> str:
        return f"{self.device.user_id}:{self.digest[:8]}"  # never the code: only its hash is known


class ApiToken(models.Model):
    """An account's API key for `Authorization: Token <key>` (docs/api-contract.md). Only the key's SHA-256 is
    stored: the key is shown once, when issued (accounts.api_tokens). It works until `expires_at` or its revocation,
    whichever comes first."""

    user = models.ForeignKey(User, verbose_name=_("account"), on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(_("SHA-256 of the key"), max_length=64, unique=True)
    # The key's first characters: enough to tell an account's tokens apart, far too few to guess the rest.
    prefix = models.CharField(_("start of the key"), max_length=8)
    created_at = models.DateTimeField(_("issued at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ("-created_at",)
        constraints = [
            models.CheckConstraint(condition=models.Q(expires_at__gt=models.F("created_at")), name="api_token_expires")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.prefix}…"
