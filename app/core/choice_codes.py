"""Fixed codes the command line offers as choices: member statuses, export formats, languages.

A module without imports, so that ``huoqun`` can build its argument parser (and start
checking the database file) before the heavier modules that use these codes load.
"""

STATUSES = ("active", "left", "removed", "banned")
EXPORT_FORMATS = ("csv", "csv-gb18030", "xlsx", "pdf")
LANGUAGES = ("en", "zh_CN")
