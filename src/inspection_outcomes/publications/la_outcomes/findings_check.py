"""Every number in the main findings text equals the figures it was generated from."""

from __future__ import annotations

from inspection_outcomes.core.content import ReleaseContent


def check_findings(content: ReleaseContent) -> list[str]:
    from inspection_outcomes.core.sentences import check_numbers
    from inspection_outcomes.publications.la_outcomes.findings import build_findings

    findings = build_findings(content.figures)
    return [f"main findings: {p}" for p in check_numbers(findings, content.figures)]
