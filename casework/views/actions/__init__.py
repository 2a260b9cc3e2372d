"""The officer's actions on a case, one module per group: review and team, summons, examination, closing, evidence.

Each action is a casework.views.actions.base.CaseAction: a few declarative lines (form, page, permission) and a
`perform` that makes the one service call with the version of the case the officer saw.
"""
