import datetime as dt
from fractions import Fraction

import pytest

from assistant.cn import cn_date, cn_fraction, cn_number, item_label, percent


@pytest.mark.parametrize("n, text", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (64, "六十四"),
                                     (100, "一百"), (101, "一百零一"), (110, "一百一十"), (1005, "一千零五")])
def test_cn_number(n, text):
    assert cn_number(n) == text


def test_dates_fractions_percent_items():
    assert cn_date(dt.date(2023, 3, 7)) == "2023年3月7日"
    assert cn_fraction(Fraction(2, 3)) == "三分之二"
    assert cn_fraction(Fraction(1)) == "全部"
    assert percent(5 / 21) == "23.8%"
    assert percent(0.5) == "50%"
    assert item_label(12) == "（十二）"
