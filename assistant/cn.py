"""Chinese numerals, dates, fractions and percentages as they are written in official documents."""
from __future__ import annotations

import datetime as dt
from fractions import Fraction

_DIGITS = "零一二三四五六七八九"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"))


def cn_number(n: int) -> str:
    """11 -> 十一, 20 -> 二十, 101 -> 一百零一, 110 -> 一百一十 (0 <= n < 10000)."""
    if not 0 <= n < 10000:
        raise ValueError(f"cn_number supports 0..9999, got {n}")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out, pending_zero = "", False
    for value, unit in _UNITS:
        digit, n = divmod(n, value)
        if digit:
            out += ("零" if pending_zero else "") + _DIGITS[digit] + unit
            pending_zero = False
        elif out:
            pending_zero = True
    if n:
        out += ("零" if pending_zero else "") + _DIGITS[n]
    return out


def cn_date(day: dt.date) -> str:
    """GB/T 9704: 2023年3月27日, Arabic digits, no zero padding."""
    return f"{day.year}年{day.month}月{day.day}日"


def cn_fraction(value: Fraction) -> str:
    """2/3 -> 三分之二; 1 -> 全部."""
    if value == 1:
        return "全部"
    return f"{cn_number(value.denominator)}分之{cn_number(value.numerator)}"


def percent(share: float) -> str:
    """0.5 -> 50%, 0.238095 -> 23.8%."""
    text = f"{share * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text}%"


def item_label(index: int) -> str:
    """1 -> （一）: 项 numbering."""
    return f"（{cn_number(index)}）"
