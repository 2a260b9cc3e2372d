"""Decision web pages, one module per concern (sanctions.urls maps them):

- decisions: the inbox and list, one decision's page;
- letter_download: a decision's letters as PDF (an audited download);
- follow_through_register: the register of recommendations and what came of them;
- drafting: draft, edit, submit, cancel, review (the base classes are in `base`);
- official: the competent official signs, returns, declares a conflict, corrects;
- after_decision: delivery, objections, execution records;
- appeals: the PPK's response to the BPASN, the BPASN's ruling and its download.
"""
