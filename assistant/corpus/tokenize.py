"""Chinese tokens for BM25: jieba, loaded lazily, its dictionary cache kept in the index folder (not /tmp)."""
from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

_lock = threading.Lock()
_ready = False
_cache_dir: Path | None = None

# Domain words jieba's general dictionary splits apart; keeping them whole makes BM25 match the unit people mean.
DOMAIN_WORDS = (
    "认证机构", "认可机构", "检测机构", "检验机构", "检验检测机构", "技术专家组", "技术专家组织", "技术委员会", "标准化技术委员会",
    "秘书处", "秘书长", "主任委员", "副主任委员", "法定人数", "通讯表决", "技术决议", "示范条款", "换届", "团体标准",
    "地方标准", "行业标准", "国家标准", "企业标准", "强制性标准", "推荐性标准", "认证证书", "认证标志", "社会团体",
    "分支机构", "业务主管单位", "登记管理机关", "注册资本", "计量器具", "计量检定", "商用密码", "利益冲突", "回避",
    "承担单位", "主管单位", "实施规则", "认证规则", "合格评定", "检验检测", "法律责任", "罚款", "没收违法所得",
)

# Words that carry no topic: question words, particles, punctuation. Dropped from queries and documents alike.
STOPWORDS = frozenset(
    "的 了 是 在 和 与 及 或 等 对 由 为 以 其 之 中 上 下 有 被 把 向 从 按 按照 依照 根据 关于 什么 多少 哪些 哪个 "
    "哪 怎么 怎样 如何 是否 吗 呢 吧 啊 么 谁 几 几个 能否 可否 请问 一下 需要 要 应 应当 应该 可以 能 会 "
    "我 我们 你 你们 他 他们 它 这 那 这个 那个 这些 那些 该 本 其他 并 而 且 也 都 就 还 又 即 则 "
    "所 得 地 着 过 个 项 条 款 规定 有关 相关 方面 情况 问题 哪里 哪儿 时 时候 怎么办 多久 多长 多长时间 "
    "一 二 三 不 没有 无 意思 里 自己 以后 之前 之后 最 最多 最少 至少 必须 哪一天 哪天 什么样 多大 多长 几年 几天 几名 几次 "
    "啥 咋 咋办 啥样 是不是 有没有 能不能 行不行 可不可以 由谁 由谁来 谁来 哪几 哪几个 哪几种 哪几类 哪一方 哪方 "
    "哪一个 哪一种 哪一类 几种 几类 哪一年 哪年 何时 几时 下定义 中所称 所称 中所说 所说的".split()  # colloquial question words
)
_LONG_STOPWORDS = sorted((w for w in STOPWORDS if len(w) >= 3), key=lambda w: (-len(w), w))
# Everyday words in questions -> the words the rules use (DOMAIN.md §9 glossary plus plain-language paraphrases).
# Expansions are added to a query with a lower weight; the original words always stay.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "专家组": ("技术专家组织",), "技术专家组": ("技术专家组织",), "委员会": ("技术专家组织",),
    "技术委员会": ("技术专家组织", "标准化技术委员会"), "组长": ("主任委员",), "副组长": ("副主任委员",),
    "函审": ("通讯表决",), "投票": ("表决",), "表决": ("投票",), "开会": ("会议", "召开"), "推迟": ("延期",),
    "延后": ("延期",), "补齐": ("补充",), "补上": ("补充",), "出缺": ("缺额",), "空缺": ("缺额",),
    "法定人数": ("出席",), "踢出": ("解聘",), "开除": ("解聘",), "撤换": ("更换", "解聘"), "罚": ("罚款",),
    "处罚": ("罚款",), "钱": ("经费",), "费用": ("经费",), "公布": ("公开",), "公示": ("公开",),
    "有效期": ("期限",), "多久": ("期限",), "保存": ("归档",), "记录": ("纪要",), "成立": ("组建",),
    "主管部门": ("主管单位",), "上级单位": ("主管单位",), "监管部门": ("主管单位", "监督管理部门"),
    "商检": ("进出口商品检验",), "质检": ("检验",), "国标": ("国家标准",), "团标": ("团体标准",),
}
_TOKEN_OK = re.compile(r"[\w\u4e00-\u9fff]")
_NUMBER = re.compile(r"[\d.,%]+")


def configure(cache_dir: str | Path | None) -> None:
    """Keep jieba's dictionary cache in `cache_dir`; the first folder configured before jieba loads wins."""
    global _cache_dir
    _cache_dir = Path(cache_dir) if cache_dir else None


def _jieba():
    global _ready
    import jieba

    if _ready:
        return jieba
    with _lock:
        if not _ready:
            jieba.setLogLevel(logging.WARNING)
            logging.getLogger("jieba").setLevel(logging.WARNING)
            if _cache_dir is not None:
                _cache_dir.mkdir(parents=True, exist_ok=True)
                jieba.dt.tmp_dir = str(_cache_dir)
            jieba.initialize()
            for word in DOMAIN_WORDS:
                jieba.add_word(word, freq=20000)
            _ready = True
    return jieba


def raw_tokens(text: str) -> list[str]:
    """jieba's plain segmentation, every token kept (the baseline's view)."""
    return _jieba().lcut(text)


def without_question_words(text: str) -> str:
    """`text` with stopwords of three or more characters blanked out, so that search mode does not return their
    parts (一天 of 哪一天, 时间 of 多长时间) as words of a question."""
    for word in _LONG_STOPWORDS:
        text = text.replace(word, " ")
    return text


def tokens(text: str) -> list[str]:
    """Search tokens: jieba search mode (words and their parts), lower-cased, no stopwords or punctuation."""
    out = []
    for token in _jieba().lcut_for_search(text):
        token = token.strip().lower()
        if token and token not in STOPWORDS and _TOKEN_OK.search(token):
            out.append(token)
    return out


# jieba part-of-speech tags of words that name a thing (nouns, noun-verbs, abbreviations, set phrases, Latin
# words): the key terms of a question. A key term the corpus never uses means the corpus cannot answer it.
KEY_TERM_FLAGS = ("n", "vn", "j", "l", "eng")


def tagged(text: str) -> list[tuple[str, str]]:
    """jieba's plain segmentation with part-of-speech tags, lower-cased; punctuation and stopwords dropped."""
    return [(word, flag) for word, flag, _, _ in tagged_spans(text)]


def tagged_spans(text: str) -> list[tuple[str, str, int, int]]:
    """As `tagged`, with each word's start and end offsets in `text`."""
    import jieba.posseg

    _jieba()  # the tagger shares jieba's dictionary: load it (with the domain words) first
    out = []
    at = 0
    # HMM off: the tagger's new-word guesses glue characters across words (里用 from 系统里用的), and such a
    # made-up "word" would look like a key term the corpus lacks
    for pair in jieba.posseg.cut(text, HMM=False):
        start, at = at, at + len(pair.word)
        word = pair.word.strip().lower()
        if word and word not in STOPWORDS and _TOKEN_OK.search(word):
            out.append((word, pair.flag, start, at))
    return out


def is_key_term(word: str, flag: str) -> bool:
    """A noun-like word of two or more characters (one Chinese character is too ambiguous to judge alone); a
    number (16, 2023) names no topic, whatever jieba tags it."""
    return len(word) >= 2 and flag.startswith(KEY_TERM_FLAGS) and not _NUMBER.fullmatch(word)


def expansions(query_tokens: list[str]) -> list[str]:
    """Synonyms of the query's words that the query does not already contain."""
    have = set(query_tokens)
    out: list[str] = []
    for token in query_tokens:
        for alt in SYNONYMS.get(token, ()):
            if alt not in have and alt not in out:
                out.append(alt)
    return out
