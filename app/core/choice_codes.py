"""Fixed codes the command line offers as choices: member statuses, export formats, languages.

A module without imports, so that ``huoqun`` can build its argument parser (and start
checking the database file) before the heavier modules that use these codes load.
"""

# What the member filter and the CLI's --status offer: a person's own status (active, banned)
# and a membership's (left, removed: from the filtered group, or from any group).
STATUSES = ("active", "left", "removed", "banned")
PERSON_STATUSES = ("active", "banned")  # Member.status
MEMBERSHIP_STATUSES = ("active", "left", "removed")  # Membership.status
EXPORT_FORMATS = ("csv", "csv-gb18030", "xlsx", "pdf")
LANGUAGES = ("en", "zh_CN")
