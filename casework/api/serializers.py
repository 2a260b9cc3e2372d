"""Serializers of casework's API."""

from rest_framework import serializers


class LetterVerificationSerializer(serializers.Serializer):
    """What anyone may learn about an issued letter from its verification code (no personal data)."""

    kind = serializers.CharField(help_text="Kind of letter, e.g. summons_1.")
    kind_label = serializers.CharField(help_text="The kind in the request's language.")
    number = serializers.CharField(help_text="The letter's number, as printed on it.")
    date = serializers.DateField(help_text="The date the letter carries.")
    issuing_office = serializers.CharField()
    sha256 = serializers.CharField(help_text="SHA-256 of the issued PDF file, in hexadecimal.")
    superseded = serializers.BooleanField(help_text="True when a later letter replaced this one.")
    audit_head_event = serializers.IntegerField(
        allow_null=True,
        help_text="The newest event of Netra's audit trail when this answer was given (keep it: a later rewrite of "
        "the trail would no longer match it).",
    )
    audit_head_hash = serializers.CharField(help_text="That event's hash (HMAC-SHA256 of the chain).")
