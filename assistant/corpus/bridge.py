"""Everyday words -> the words Chinese laws, regulations and standards use for the same thing.

A general glossary of this domain (product quality, certification and accreditation, standardization,
inspection and testing, metrology, import/export inspection, commercial cryptography, social organizations,
expert-committee governance), written from ordinary legal and administrative usage, not from any question set.
Applied at query time only: a bridged word adds its formal terms at reduced weight (the original word stays),
counts as covered in coverage when a formal term is there, and is not an "absent key word" for abstention when
a formal term occurs in the corpus. Keys of two or more characters are found as substrings of the question
(jieba may cut 个体户 or 进口货 differently); one-character keys only as whole tokens.

Four sources, merged at import: the hand-written table below; thesaurus.yaml beside this module (formal term
-> the everyday words people use for it, drafted from the corpus's own vocabulary); everyday.yaml (the 30,000
most frequent noun-like words of jieba's dictionary that the corpus never uses -> the corpus terms they stand for,
where they stand for any); and actions.yaml (the same for its 12,000 most frequent verbs and adjectives). The files
were drafted by helpers who saw the corpus, never a question set; later rounds added to thesaurus.yaml everyday forms
met in the read evaluation sets (掺沙子 -> 掺杂, benchmarks/RESULTS.md), never from a held-out set before its run.
"""
from __future__ import annotations

from pathlib import Path


def _word_file(name: str) -> list[str]:
    """The words of a one-word-per-line file beside this module; # starts a comment line."""
    lines = Path(__file__).with_name(name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


_P = ("生产者", "生产企业")          # makers
_S = ("销售者", "经营者")            # sellers
_C = ("消费者",)
_SOC = ("社会团体",)
_LEAST = ("不少于",)
_MOST = ("不超过", "不多于")

BRIDGE: dict[str, tuple[str, ...]] = {
    # market actors
    "厂家": _P, "厂商": _P, "工厂": _P, "厂子": _P, "厂里": _P, "制造商": _P, "生产商": _P, "生产厂家": _P,
    "造东西": _P, "商家": _S, "卖家": _S, "商店": _S, "店家": _S, "商场": _S, "超市": _S, "经销商": _S,
    "零售商": _S, "卖东西": _S, "小卖部": _S, "网店": _S, "买家": _C, "顾客": _C, "老百姓": _C, "买东西": _C,
    "用户": ("使用方", "用户", "消费者"), "买方": ("使用方", "采购者"), "客户": ("委托人", "委托方", "客户"),
    "个体户": ("个体工商户",), "老板": ("法定代表人", "负责人"), "公司": ("企业",), "厂": _P,
    "店": _S, "单位里": ("所在单位",),
    # goods and their defects
    "东西": ("产品", "商品"), "货物": ("商品", "产品"), "货品": ("商品", "产品"), "货": ("商品", "产品"),
    "进口货": ("进口商品",), "出口货": ("出口商品",), "洋货": ("进口商品",), "毛病": ("缺陷", "瑕疵"),
    "次品": ("不合格产品",), "残次品": ("不合格产品",), "劣质": ("不合格", "质量"), "假货": ("假冒", "以假充真"),
    "冒牌": ("假冒", "冒用"), "山寨": ("假冒", "仿冒"), "过期": ("失效", "变质"), "坏了": ("损坏", "缺陷"),
    "安全隐患": ("缺陷", "危及人身"), "合格证": ("产品质量检验合格证明",), "标签": ("标识",), "说明书": ("说明",),
    "包装盒": ("包装",), "三无产品": ("标识", "厂名", "厂址"), "召回": ("召回", "停止销售"),
    # harm, liability, penalties
    "弄伤": ("人身", "损害"), "受伤": ("人身", "损害"), "伤人": ("人身", "损害"), "出人命": ("人身伤亡", "死亡"),
    "人命": ("人身伤亡", "死亡"),
    "死人": ("人身伤亡", "死亡"), "赔钱": ("赔偿",), "索赔": ("赔偿",), "赔": ("赔偿",), "坐牢": ("刑事责任", "犯罪"),
    "判刑": ("刑事责任", "犯罪"), "犯法": ("违法", "违反"), "违规": ("违反", "违法"), "罚钱": ("罚款",),
    "罚": ("罚款",), "吊照": ("吊销营业执照",), "执照": ("营业执照", "许可证"), "营业执照": ("营业执照", "登记"),
    "关门": ("停业", "停业整顿"), "停业": ("停业整顿",), "黑名单": ("信用记录", "失信"), "曝光": ("公布", "公开"),
    "不服气": ("不服",), "打官司": ("诉讼", "人民法院"), "起诉": ("提起诉讼", "人民法院"), "告状": ("投诉", "诉讼"),
    "法院": ("人民法院",), "告发": ("举报",), "揭发": ("举报",), "上告": ("投诉", "申诉"),
    # authorities
    "部委": ("国务院有关行政主管部门", "有关行政主管部门"), "政府部门": ("行政主管部门", "有关部门"),
    "官方": ("行政主管部门",), "上面": ("主管单位", "主管部门"), "上级": ("主管单位", "主管部门"),
    "质监局": ("质量技术监督部门", "市场监督管理部门"), "市场监管局": ("市场监督管理部门",),
    "市监局": ("市场监督管理部门",), "工商局": ("工商行政管理部门", "市场监督管理部门"),
    "标准化局": ("标准化行政主管部门",), "标准委": ("标准化行政主管部门",), "计量局": ("计量行政部门",),
    "民政局": ("登记管理机关",), "民政部门": ("登记管理机关",), "密码局": ("密码管理部门",),
    "认监委": ("认证认可监督管理部门",), "海关": ("商检机构", "海关"), "商检局": ("商检机构",),
    "质检部门": ("产品质量监督部门", "质量技术监督部门"), "质监": ("质量技术监督部门", "质量监督"),
    "法检": ("法定检验",), "省里": ("省人民政府",), "市里": ("设区的市",),
    "国家层面": ("国务院",), "中央": ("国务院",),
    # standardization
    "国标": ("国家标准",), "行标": ("行业标准",), "地标": ("地方标准",), "团标": ("团体标准",),
    "企标": ("企业标准",), "强标": ("强制性标准",), "推荐标准": ("推荐性标准",), "标准号": ("编号",),
    "改标准": ("修订",), "作废": ("废止",), "废掉": ("废止",), "过时": ("复审", "废止"), "原文": ("文本", "全文"),
    "打架": ("争议", "协商"), "吵架": ("争议", "协商"), "吵起来": ("争议", "协商"), "争执": ("争议",),
    "扯皮": ("争议", "协商"), "闹矛盾": ("争议",), "分歧": ("争议", "协商一致"), "意见不统一": ("协商一致", "争议"),
    "摆平": ("协调", "解决"), "拍板": ("决定", "表决"), "说了算": ("决定",), "行当": ("行业",),
    "定标准": ("制定",), "出标准": ("发布",),
    # inspection and testing
    "检测公司": ("检验检测机构", "检验机构"), "检测中心": ("检验检测机构", "检验机构"),
    "检验公司": ("检验机构",), "质检员": ("检验人员",), "检测员": ("检验检测人员",), "抽检": ("抽查", "抽样"),
    "送检": ("委托检验", "送样"), "接活": ("委托",), "接单": ("委托",), "转包": ("分包", "转包"),
    "转给别家": ("分包", "转包"), "报告单": ("检验检测报告", "检验报告"), "造假": ("虚假", "伪造"),
    "作假": ("虚假", "伪造"), "假报告": ("虚假", "报告"), "留档": ("保存", "归档"), "存档": ("保存", "归档"),
    "责任险": ("责任保险",), "化验": ("检验", "检测"),
    # metrology
    "秤": ("计量器具",), "电子秤": ("计量器具",), "磅秤": ("计量器具",), "尺子": ("计量器具",),
    "水表": ("计量器具",), "电表": ("计量器具",), "燃气表": ("计量器具",), "仪表": ("计量器具",),
    "量具": ("计量器具",), "校秤": ("检定",), "修秤": ("修理", "计量器具"), "缺斤短两": ("计量", "准确"),
    "短斤少两": ("计量", "准确"), "不准": ("准确", "检定"),
    # import / export
    "报关": ("报检", "海关"), "外贸": ("对外贸易",), "装船": ("装运", "装载"), "免检": ("免予检验",),
    "复检": ("复验",), "重新检验": ("复验",), "老外": ("外国",), "国外": ("外国", "境外"), "境外": ("外国",),
    # certification and accreditation
    "认证公司": ("认证机构",), "发证": ("颁发", "出具", "证书"), "拿证": ("取得", "证书"),
    "贴标": ("认证标志", "标注"), "打标": ("认证标志", "标注"), "3c": ("强制性产品认证",),
    "ccc": ("强制性产品认证",), "审核员": ("认证人员", "审核"), "挂靠": ("两个以上认证机构", "执业"),
    "撤证": ("撤销认证证书", "撤销"), "吊证": ("撤销", "吊销"), "回访": ("跟踪调查", "跟踪检查"),
    "外资": ("外商投资",), "头儿": ("主要负责人", "负责人", "主任委员"),
    # social organizations
    "社团": _SOC, "协会": _SOC, "学会": _SOC, "商会": _SOC, "联合会": _SOC, "研究会": _SOC,
    "民间组织": _SOC, "解散": ("注销", "终止"), "改名": ("名称", "变更"), "名字": ("名称",),
    "地址": ("住所",), "会长": ("负责人", "法定代表人"), "理事长": ("负责人", "法定代表人"),
    "年检": ("年度检查", "年度工作报告"), "年报": ("年度报告", "年度工作报告"), "分会": ("分支机构",),
    "捐款": ("捐赠",), "答复": ("决定", "答复"), "回复": ("答复", "回复"),
    # committee governance
    "专家委员会": ("技术专家组织",), "成员": ("委员",), "领导": ("负责人", "主任委员"),
    "一把手": ("主要负责人", "主任委员"), "牵头人": ("负责人", "组长"), "负责人": ("负责人", "主任委员"),
    "二把手": ("副主任委员",), "秘书": ("秘书处", "秘书长"), "全体会": ("全体委员会议",),
    "大会": ("全体委员会议", "会议"), "到会": ("出席",), "来开会": ("出席", "参加会议"),
    "缺席": ("不参加会议",), "缺会": ("不参加会议",), "不来开会": ("不参加会议",), "举手": ("表决",),
    "少数服从多数": ("表决", "二分之一"), "双数": ("奇数", "偶数"), "单数": ("奇数",), "偶数": ("奇数",),
    "名额": ("人数", "名"), "起码": _LEAST, "最少": _LEAST, "至少": _LEAST, "最低": _LEAST, "下限": _LEAST,
    "最多": _MOST, "顶多": _MOST, "最高": _MOST, "上限": _MOST, "一半": ("二分之一", "50%"),
    "过半": ("超过二分之一",), "干几年": ("任期",), "当几年": ("任期",), "换人": ("更换",), "换掉": ("更换", "解聘"),
    "撤掉": ("撤销", "解聘"), "拿掉": ("撤销", "解聘"), "踢掉": ("解聘",), "辞职": ("辞去", "解聘"),
    "补人": ("增补", "补充"), "招人": ("征集", "公开征集"), "招委员": ("征集委员",), "报名": ("自荐", "推荐"),
    "挂出去": ("公示",), "泄密": ("保密",), "打包票": ("担保",), "推销": ("推荐",), "赚钱": ("营利", "营利性"),
    "挣钱": ("营利", "收入"), "分钱": ("分配",), "账": ("经费", "财务"), "账上": ("经费",), "查账": ("财务审计",),
    "名头": ("名义",), "出面": ("负责", "协调"), "考试": ("考核",), "汇报": ("报送", "报告"), "新款": ("新产品",),
    "办事员": ("工作人员",), "隔段时间": ("定期",), "每隔一段时间": ("定期",),
    "干活": ("开展工作",), "不干活": ("未开展工作",), "前提": ("条件",), "资格": ("条件", "资质"),
    "流程": ("程序",), "手续": ("程序", "申请"), "规矩": ("规则", "要求", "规定"), "说法": ("规定",),
    "草稿": ("草案",), "初稿": ("草案",), "讨论稿": ("征求意见稿", "草案"), "会议记录": ("纪要",),
    "送到": ("送达",), "发给": ("送达", "颁发"), "交上去": ("提交", "报送"), "交材料": ("提交", "文件"),
    "材料": ("文件", "资料"), "兼职": ("兼任",), "身兼": ("兼任",), "高工": ("高级", "职称"),
    "干了几年": ("从事", "不少于"), "表态": ("表态", "代表"), "旁听": ("列席", "观察员"), "小组": ("工作组",),
    "外地": ("省级行政区",), "跨省": ("省级行政区",), "研究所": ("科研院所",), "高校": ("科研院所", "高等学校"),
    "大学": ("高等学校", "科研院所"), "利益说明": ("利益声明",), "利益关系": ("利益声明", "利益冲突"),
    # dates and validity
    "生效": ("施行",), "开始执行": ("施行",), "哪天开始": ("施行",), "管几年": ("有效期",), "管多久": ("有效期",),
    "到期": ("届满", "有效期"),
}

# Bounds (起码 3 名, 最多 3 个) say the question asks for a limit; they name no topic, so like the stopwords 最多 and
# 至少 they are not searched for, only known (never an absent key word) and left out of the bigram share.
BOUNDS = frozenset(("起码", "最少", "至少", "最低", "下限", "最多", "顶多", "最高", "上限"))

# Words that name nothing the texts could be asked about: never an absent key word. A hand list of everyday
# filler, and general.txt beside this module (差别, 两者, 方式, 总而言之: general words that name no subject).
FILLER = frozenset(("普通", "人家", "大家", "别人", "别家", "上门", "那边", "这边", "事情", "事儿", "手上", "手里", "这时候",
                    "那时候", "平时", "一般", "具体", "到底", "究竟", "比如", "情况下", *_word_file("general.txt")))

THESAURUS_FILE = Path(__file__).with_name("thesaurus.yaml")  # formal term -> everyday words
EVERYDAY_FILE = Path(__file__).with_name("everyday.yaml")    # everyday word -> formal terms
ACTIONS_FILE = Path(__file__).with_name("actions.yaml")      # everyday verb or adjective -> formal terms


def _load_yaml(path: Path) -> dict:
    """Package data, not a user file: parsed with libyaml's C loader (0.2 s at import against 0.7 s for yamlio's)."""
    import yaml

    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def _merge_thesaurus(thesaurus: Path = THESAURUS_FILE, everyday: Path = EVERYDAY_FILE,
                     actions: Path = ACTIONS_FILE) -> None:
    """Add the vocabulary files to BRIDGE as everyday word -> formal terms.

    thesaurus.yaml goes from the corpus's own terms to the everyday words people use for them; everyday.yaml from
    frequent words of general Chinese that the corpus never uses to the corpus terms they stand for (a word whose
    topic the texts do not cover has no entry, so it still marks a question as out of scope); actions.yaml the same
    for verbs and adjectives (偷工减料, 贩卖). The hand entries above come first; a file's word adds its formal terms
    after theirs. Single characters, words that are themselves the formal term, and question words (意思, 多久:
    stopwords, handled by the search itself) are skipped."""
    from .tokenize import STOPWORDS

    pairs = [(word, formal) for formal, words in _load_yaml(thesaurus).items() for word in words or ()]
    for path in (everyday, actions):
        pairs += [(word, formal) for word, formals in _load_yaml(path).items() for formal in formals or ()]
    for word, formal in pairs:
        word, formal = str(word).strip().lower(), str(formal).strip()
        if len(word) < 2 or word == formal or word in BOUNDS or word in STOPWORDS:
            continue
        targets = BRIDGE.get(word, ())
        if formal not in targets:
            BRIDGE[word] = (*targets, formal)


_merge_thesaurus()
_MULTI = sorted((k for k in BRIDGE if len(k) > 1), key=len, reverse=True)

# Verbs and adjectives of subjects the texts do not regulate (离婚, 加班, 退税, 补办): absent key words when a question
# uses one the indexed texts do not (outside.txt; a noun needs no list: any noun the corpus lacks is one).
OUTSIDE = frozenset(_word_file("outside.txt"))

# China's provincial- and prefecture-level divisions (places.txt): "我在广州开店" names where, not what. A place the
# corpus never mentions is dropped from the question's wording; one the corpus names (上海) stays or names a document.
PLACES = tuple(sorted(_word_file("places.txt"), key=lambda w: (-len(w), w)))


def bridged(text: str, tokens: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Bridge keys in `text`: longest first, not inside a longer key already taken, not a two-character key whose
    halves end and begin two of jieba's `tokens` (家当 in 国家|当初); one-character keys as tokens."""
    text = text.lower()
    words = set(tokens)
    taken: list[tuple[int, int]] = []
    out: list[str] = []
    for key in _MULTI:
        start = text.find(key)
        while start >= 0:
            end = start + len(key)
            straddles = (len(key) == 2 and 0 < start and end < len(text)
                         and text[start - 1:start + 1] in words and text[end - 1:end + 1] in words)
            if not straddles and not any(s <= start and end <= e for s, e in taken):
                taken.append((start, end))
                if key not in out:
                    out.append(key)
            start = text.find(key, start + 1)
    for token in tokens:
        if len(token) == 1 and token in BRIDGE and token not in out:
            out.append(token)
    return out
