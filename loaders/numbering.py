"""Chinese numerals and the numbering vocabulary that the file normaliser, the plan grammar and the
workbook reader share: one place for the digit classes and for the value of a numeral."""

from __future__ import annotations

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_UNITS = {"十": 10, "百": 100}
CN_NUMERAL_CHARS = "一二三四五六七八九十百零〇两"
CN_NUM = f"[{CN_NUMERAL_CHARS}]+"  # a numeral as it numbers items: 一, 十二, 三十一, 一百
CN_SMALL = "[一二三四五六七八九十]"  # 1–99 written the plain way (item and section numbers)
# a count of points in running text: "一是…二是…", "十一是…"; the group holds its ordinal
ORDINAL_CLAUSE = rf"({CN_SMALL}{{1,2}})是"
CN_YEAR_DIGIT = "[〇零一二三四五六七八九]"  # a year spelled digit by digit (二〇二三)
# a date in Chinese digits, as the signature line of a document writes it: 二〇二三年五月十二日
CN_DATE = rf"({CN_YEAR_DIGIT}{{4}})年({CN_SMALL}{{1,3}})月({CN_SMALL}{{1,3}})日"


def cn_to_int(s: str) -> int | None:
    """Chinese numeral to int: 三十一 -> 31, 十二 -> 12, 二十 -> 20, 一百 -> 100."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    total, current = 0, 0
    for ch in s:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            total += (current or 1) * CN_UNITS[ch]
            current = 0
        else:
            return None
    return total + current
