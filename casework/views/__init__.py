"""Casework web pages, one module per concern: the case list and page (cases), downloads, letters, the officer
handover, the public verification page, and the officer's actions on a case (actions/, one module per group).

Reads go through casework.selectors (a case the user may not see is simply not found: another agency's, or for an
examiner one they are not on); every write is one service call, and a refusal is shown as a message.
"""
