"""Splitting the body blocks into sections at its headings."""

from __future__ import annotations

from collections.abc import Sequence

from newsparse.models import Block, Heading, Section
from newsparse.render import blocks_text

__all__ = ["build_sections"]


def build_sections(blocks: Sequence[Block]) -> list[Section]:
    """Sections in page order: the lead (blocks before the first heading, if any),
    then one section per heading holding the blocks up to the next heading.

    ``Section.parent`` links each section to the nearest earlier section of a lower
    heading level (the lead section is nobody's parent), which gives the tree (see
    ``Article.section_tree``).
    """
    sections: list[Section] = []
    current: list[Block] = []
    heading: Heading | None = None

    def close() -> None:
        if heading is None and not current:
            return
        level = heading.level if heading else 0
        parent = None
        for i in range(len(sections) - 1, -1, -1):
            if 0 < sections[i].level < level:
                parent = i
                break
        sections.append(
            Section(
                heading=heading.text if heading else None,
                level=level,
                blocks=list(current),
                text=blocks_text(current),
                parent=parent,
            )
        )

    for block in blocks:
        if isinstance(block, Heading):
            close()
            heading, current = block, []
        else:
            current.append(block)
    close()
    return sections
