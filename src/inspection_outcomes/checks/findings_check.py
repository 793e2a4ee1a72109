"""Every number in the main findings text equals the figures it was generated from."""

from __future__ import annotations

from inspection_outcomes.release.content import ReleaseContent


def check_findings(content: ReleaseContent) -> list[str]:
    from inspection_outcomes.publish.findings import build_findings, check_numbers

    findings = build_findings(content.figures)
    return [f"main findings: {p}" for p in check_numbers(findings, content.figures)]
