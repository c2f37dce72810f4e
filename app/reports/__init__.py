"""Figures about the desk's work over a period: the Báo cáo page and `motcua report`.

`period` checks the date range both the report and the register are asked for; `figures`
computes every number the report shows, in one Qt-free function the desk page and the command
line share, so the two can never disagree.
"""
