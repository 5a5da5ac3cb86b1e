"""The measures the rules read (word counts, prose shape, element statistics, line scores, page scans).

Nothing here defines a rule: features/ sits below rules/, which imports it, never the other way."""
