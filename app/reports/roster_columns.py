"""How wide a roster's columns are, and a cell's text as one line for the page."""

from __future__ import annotations

from collections.abc import Sequence


def fit_columns(
    natural: Sequence[float], fixed: Sequence[bool], width: float, floor: float
) -> list[float]:
    """Widths summing to ``width``: ``fixed`` columns keep their ``natural`` width if they can.

    Spare room goes to the text columns in proportion. Short of room, the text columns share
    what the fixed ones leave: one that fits in an even share gets all it needs, the wider ones
    split the rest in proportion (never below ``floor``); with too many columns all shrink.
    """
    total = sum(natural)
    count = len(natural)
    if total <= width:
        grow = [not f for f in fixed] if not all(fixed) else [True] * count
        spare = (width - total) / sum(n for n, g in zip(natural, grow, strict=True) if g)
        return [n + spare * n if g else n for n, g in zip(natural, grow, strict=True)]
    room = width - sum(n for n, f in zip(natural, fixed, strict=True) if f)
    wrapping = sorted((i for i in range(count) if not fixed[i]), key=lambda i: natural[i])
    if not wrapping or room < floor * len(wrapping):
        return [n * width / total for n in natural]
    widths = list(natural)
    while wrapping:
        if natural[wrapping[0]] <= room / len(wrapping):  # fits in an even share: all it needs
            room -= natural[wrapping.pop(0)]
            continue
        weight = sum(natural[i] for i in wrapping)
        narrow = [i for i in wrapping if room * natural[i] / weight < floor]
        for i in narrow:
            widths[i] = floor
            room -= floor
        if not narrow:
            for i in wrapping:
                widths[i] = room * natural[i] / weight
            break
        wrapping = [i for i in wrapping if i not in narrow]
    return widths


def flat(text: str) -> str:
    """Cell text for the page: line breaks as Qt's line separator, tabs as spaces."""
    if "\n" in text or "\r" in text or "\t" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        text = text.replace("\n", "\u2028")
    return text
