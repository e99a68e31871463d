"""Facts a question may ask for that the texts must state outright to answer it: an address, a phone number, office
hours, an amount of money, a rate, a validity period, a time limit or date, a number of days, a least or most
number, an age limit, an association's dues, when and by whom a law was issued or amended, a statistic, how to
replace a lost certificate, a no-reason return, a form's layout, training or an exam a post requires, voting by
proxy, who leads a working group, how a vote is cast (by name, secret, by hand), paying a fine in instalments, a
transition period, whether a product is in the compulsory-certification catalogue, a food licence, who chairs a
meeting or stands in for the chair, a floor area, a shopping platform's liability, a foreign mark (CE, UL), the days
to send out minutes, a working group's size, an association's council or head, a seal of one's own, the 浙江制造
brand, copyright in a standard, an auditor's audit days, a warranty period, insurance, a degree or nationality
requirement, a website, which provider or product to choose, the name of whoever holds a post.

Laws and standards rarely give such facts (a fee, a hotline, a pass rate), so a question asking for one whose best
hits state none is a sign the index cannot answer it, however well its other words match. The abstention model
weighs this sign (calibration.FEATURES: asked_fact_missing) and the abstention message names what is missing.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[。；;！？\n]")
_NUMBER = "[0-9０-９〇零一二三四五六七八九十百千万亿两几]"
_FIGURE = "[0-9０-９〇零一二三四五六七八九十百千万亿两]"  # a number a text states (几 only asks)
_NOT_A_DURATION_OR_COUNT = "(?![天年月日人名个次家项周条届])"  # 开多少天, 交多少人: not money


@dataclass(frozen=True)
class AskedFact:
    name: str             # what the abstention message says the texts do not state
    asked: re.Pattern     # the question asks for the fact's value
    stated: re.Pattern    # a text states such a value
    narrower: tuple[str, ...] = ()  # kinds that, when also asked, say more exactly what is asked (有效期 for 期限)
    # a sentence of this topic states the fact only for a question on the same topic: a fine (罚款二万元) is no
    # answer to what an award or a fee comes to
    own_topic: re.Pattern | None = None
    # the value must be stated for what the question names before asking it: 计量认证合格证书的有效期为六年 does not
    # give the validity of a 强制性产品认证证书 (see stated_in)
    of_subject: bool = False

    def subject(self, question: str) -> str:
        """The words before what is asked, within its sentence: 强制性产品认证证书的 in …证书的有效期是几年."""
        m = self.asked.search(question)
        if m is None:
            return ""
        start = max(question.rfind(c, 0, m.start()) for c in "。？！?!") + 1
        return question[start:m.start()]

    def stated_in(self, text: str, question: str,
                  names_subject: Callable[[str, str], bool] | None = None) -> bool:
        """True if `text` states such a value in a sentence that can answer `question`; for a fact bound to its
        subject, `names_subject(subject, text)` (when given) must also hold: the text names what is asked about."""
        if self.own_topic is None or self.own_topic.search(question):
            stated = bool(self.stated.search(text))
        else:
            stated = any(self.stated.search(s) and not self.own_topic.search(s) for s in SENTENCE_END.split(text))
        if stated and self.of_subject and names_subject is not None:
            return names_subject(self.subject(question), text)
        return stated


ASKED_FACTS = (
    AskedFact("地址",
              # asked, not merely mentioned: 变更名称、办公地址时要公告吗 does not ask for one
              re.compile(r"(地址|办公地点)[^，。？！]{0,8}(是什么|是啥|是哪|在哪|是多少|多少)|(什么|啥)地址"
                         r"|在哪[个儿里]?[区县街路]|哪个[区县]|哪条[路街]|门牌|哪个地址|在哪[儿里]?办公|办公[^，。？！]{0,3}在哪"),
              re.compile(rf"[路街道巷]{_NUMBER}+号|地址[:：为是]")),
    AskedFact("联系方式",
              re.compile(r"(电话|热线|联系方式|邮箱|网址|官网|公众号)[^，。？！]{0,4}(是多少|是什么|号码|多少|在哪)"
                         r"|[打拨](哪个|什么)电话"),
              re.compile(r"\d{3,4}-?\d{7,8}|\d{5,}|@|www\.|https?://")),
    AskedFact("办公时间",
              re.compile(r"几点|营业时间|上班时间|下班|办公时间|开门|关门|上班[吗不么没]|星期[六日天]"
                         r"|周[六日末][^，。？！]{0,4}(上班|开门|办公|营业|办|值班)"),
              re.compile(rf"\d{{1,2}}[:：]\d{{2}}|{_NUMBER}{{1,3}}[点时](?!以)|[上下]午")),
    AskedFact("金额",
              re.compile(r"多少钱|几块钱|多少元|多少万|几千|几万"
                         rf"|(收|交|缴|花|拿|付|发|开)[^，。？！]{{0,2}}多少{_NOT_A_DURATION_OR_COUNT}"
                         rf"|(费|钱|价|奖金|奖励|补贴|补助|工资|薪|税)[^，。？！]{{0,6}}多少{_NOT_A_DURATION_OR_COUNT}"
                         r"|多少(奖金|奖励|补贴|补助|费用|工资|税)|金额[^，。？！]{0,4}(多少|上限|下限|是)|保额|保险金额"),
              re.compile(rf"{_NUMBER}+(?:元|万元)|倍|百分之|[%％]|等值"),  # fines: 元, 倍, 百分之, 货值金额等值以下
              own_topic=re.compile(r"罚")),
    AskedFact("比例",
              re.compile(r"合格率|通过率|占比|百分之几|几成|几个点|(多大|多高|多少|什么)的?比例|比例[是为有]?(多少|多大|多高)"),
              re.compile(rf"百分之|[%％]|分之|{_NUMBER}成"),
              own_topic=re.compile(r"罚")),  # a fine's 百分之 says nothing of what share a fee or a vote takes
    AskedFact("有效期",  # a validity period is answered only where the text gives one, not by any number of years
              re.compile(r"有效期[^，。？！]{0,6}(多久|多长|几年|多少年|是多少|为多少|几个月)"
                         r"|(证书|证|资质|资格|许可)[^，。？！]{0,4}管(几年|多久|多长)"),
              re.compile(rf"有效期[^。；]{{0,12}}{_NUMBER}+(?:年|个月)"), of_subject=True),
    AskedFact("期限",  # how long, how soon, by when: answered by a text that gives a period or a date of some kind
              # 没过多久 (soon after) asks nothing; a number of days: 天数 below
              re.compile(r"(?<!没)(?<!没过)(?<!不)多久|多长(?:的)?(?:时间|期限)|几个月|多少个月|(?<![这那近前])几年|多少年"
                         r"|多少个?小时|几个小时|哪一?天|几号|何时|什么时候|啥时候|截止|期限是|周期"),
              re.compile(rf"{_NUMBER}+个?(?:工作日|日|天|个月|月|年|周|小时)|届满|之日起|以前|之前|期限内"),
              ("有效期", "办公时间", "发布、修订情况", "天数")),
    AskedFact("天数",  # how many days: a period in years or months (会议纪要保存不少于10年) does not answer it
              re.compile(r"(几|多少)个?(工作)?[天日]"),
              re.compile(rf"{_NUMBER}+个?(?:工作日|日|天)|当日|当天|即日"),
              ("纪要印发天数",)),
    AskedFact("纪要印发天数",  # the days to send out minutes: days given for notices (提前7日通知) do not answer it
              re.compile(r"纪要[^。？！]{0,20}(几|多少)个?(工作)?[天日]|(几|多少)个?(工作)?[天日][^。？！]{0,12}纪要"),
              re.compile(rf"纪要[^。；]{{0,30}}{_NUMBER}+个?(?:工作日|日|天)")),
    AskedFact("数量",  # a least or most number of people, bodies or times: 至少几名, 最多连任几届
              re.compile(r"(最多|至少|最少|上限|下限|不得超过|不少于|不超过)[^，。？！]{0,8}(几|多少)[个名位家人项次届种]"),
              re.compile(rf"(?<!第){_FIGURE}+[个名位家人项次届种类]|分之|半数|过半|[%％]"),
              ("工作组人数",)),
    AskedFact("工作组人数",  # how many members a working group has: the committee's own counts do not answer it
              re.compile(r"工作组[^。？！]{0,15}((几|多少)个?[人名位]|人数)"),
              re.compile(rf"工作组[^。；]{{0,30}}{_FIGURE}+[人名]")),
    AskedFact("年龄",  # an age limit: 多少岁, 年龄上限
              re.compile(rf"年龄|岁数|年纪|多少岁|几岁|{_FIGURE}+岁"),
              re.compile(rf"{_FIGURE}+周?岁|年龄|年满")),
    AskedFact("会费标准",  # how much an association's dues are and who sets them
              re.compile(r"会费[^，。？！]{0,8}(多少|上限|标准|谁|怎么定|如何确定|程序)"),
              re.compile(r"会费")),
    AskedFact("发布、修订情况",  # who signed a law and when it was passed or amended: the texts hold articles only
              # 什么时候可以发布 asks a procedure's time, not a law's history
              re.compile(r"(哪一?年|什么时候|啥时候|何时|哪一?天|哪一?位)(?!可以|能|才|应|须|要|得)[^，。？！]{0,10}"
                         r"(发布|公布|颁布|签署|修正|修订|修改|改过|改的)"
                         r"|(发布|公布|颁布|修正|修订|修改|改过)[^，。？！]{0,10}(哪一?年|什么时候|啥时候|何时|哪一?天)|主席令"
                         r"|(几|多少)次[^，。？！]{0,2}(修正|修订|修改)|(修正|修订|修改)过?(几|多少)次|第几次会议|哪一?次[^，。？！]{0,12}会议"
                         r"|哪一?届[^，。？！]{0,6}(人大|常委会)"),
              re.compile(rf"{_NUMBER}+年[^。；]{{0,30}}(发布|公布|颁布|修正|修订|通过)|主席令|国务院令")),
    AskedFact("统计数据",  # laws and standards do not keep counts of firms, standards or cases
              re.compile(r"(全国|全省|全市|截至|截止|迄今|累计)[^，。？！]{0,15}(多少|几)[家项个所名人件次批]"
                         r"|共(有|包含|包括)?(多少|几)[家项个所件大类种]|多少大类"),
              re.compile(rf"(截至|截止)[^。；]{{0,20}}{_NUMBER}|累计[^。；]{{0,8}}{_NUMBER}+[家项个所名人件次批]")),
    AskedFact("补领手续",  # how to replace a lost certificate: the texts do not describe it
              re.compile(r"(遗失|丢失|丢了|弄丢|损毁|弄坏|找不到)[^。？！]{0,20}"
                         r"(补领|补办|补发|补开|补打|补一|重新(发|开|办|领|补|出|打)|再(发|开|办|领|出|打)一|怎么办|如何办)"
                         r"|补领|补办|补发|补开|补打"),
              re.compile(r"补领|补办|补发|遗失")),
    AskedFact("无理由退货",  # a consumer-protection rule outside these texts
              re.compile(r"无理由"),
              re.compile(r"无理由")),
    AskedFact("格式样式",  # what a form or certificate looks like
              re.compile(r"(格式|样式|模板|版式)[^，。？！]{0,6}(是什么|什么样|有没有|统一|吗|要求)|(什么|统一|固定)的?(格式|样式|模板|版式)"),
              re.compile(r"格式|样式|模板|版式")),
    AskedFact("培训考试要求",  # training or an exam a post requires, its hours, its sittings
              re.compile(r"(?:岗前|上岗前|上岗|履职前|任职前|入职前)[^。？！]{0,12}(?:培训|考试|考核)"
                         r"|(?:培训|继续教育)[^。？！]{0,8}(?:多少|几)个?(?:学时|小时|课时|天)|学时"
                         r"|(?:考试|培训)[^。？！]{0,8}(?:几次|几回|多少次|科目|报名|考(?:些|什么|啥))"
                         r"|考(?:个|一个|张)[^。？！，]{0,6}证"),
              re.compile(r"培训|考试|考核|学时")),
    AskedFact("委托表决",  # voting by proxy: whether a member may have another vote for him
              re.compile(r"(?:委托|代为|代理|代替|找人|让别人|请别人|托人|替[我他她])[^。？！，]{0,10}(?:表决|投票|投一票)"
                         r"|代投|代表决"),
              re.compile(r"(?:委托|代为|代理)[^。；]{0,10}(?:表决|投票)")),
    AskedFact("表决方式",  # whether a vote is by name, secret or by show of hands: the texts say when a vote passes
              re.compile(r"(?<!登)记名|匿名|实名[^，。？！]{0,3}[投票]|写票|举手[^，。？！]{0,4}还是|还是[^，。？！]{0,4}举手"),
              re.compile(r"(?<!登)记名|匿名|实名|举手|写票")),  # not the 记名 of 登记名称
    AskedFact("分期缴纳",  # paying a fine in instalments or later: the texts set fines, not how they are paid
              re.compile(r"分(期|[几两三四五六七八九十]+(个月|期|次|回))[^，。？！]{0,6}(交|缴|付|还)|缓交|缓缴|延期缴|暂缓缴|慢慢交"),
              re.compile(r"分期|延期缴|暂缓缴")),
    AskedFact("过渡期",  # how long before a new standard or rule binds: the texts set no transition periods
              re.compile(r"过渡期"),
              re.compile(r"过渡期")),
    AskedFact("目录所列产品",  # whether a product is in the compulsory-certification catalogue, which no text lists
              re.compile(r"(是不是|算不算|在不在|是否|属不属于)[^。？！，]{0,15}(3C|CCC|强制性产品认证|强制认证|必须认证|强制性认证)"
                         r"|目录[^。？！，]{0,8}(都|具体)?(有哪些|包括哪些|包含哪些|涵盖哪些)"),
              re.compile(r"目录[^。；]{0,10}(包括|包含|如下|列有)")),
    AskedFact("食品许可",  # a licence to make or sell food: food law is outside these texts
              re.compile(r"食品[^。？！，]{0,4}许可|SC[^。？！，]{0,4}(证|许可)"),
              re.compile(r"食品[^。；]{0,6}许可")),
    AskedFact("会议主持人",  # who chairs a meeting, or stands in for an absent chair: the texts name no stand-in
              re.compile(r"谁[^。？！，]{0,4}(代为|代理|代行|代替|顶替|替)?主持|主持[^。？！，]{0,4}(是谁|由谁)|代为主持"
                         r"|(由谁|谁来?)代(为|行|理)"),
              re.compile(r"主持(?!人)|代为|代行")),  # not the 会议主持人 who signs the minutes
    AskedFact("面积",  # a least floor area of an office or a lab: the texts set none
              re.compile(r"面积|平方米|平米|多少平|几平"),
              re.compile(rf"{_NUMBER}+(平方米|平米|㎡)")),
    AskedFact("平台责任",  # whether an online shopping platform answers for its sellers: e-commerce law is outside
              re.compile(r"平台[^。？！]{0,12}(赔|担责|责任|负责|连带)"),
              re.compile(r"平台")),
    AskedFact("境外认证标志",  # a foreign mark such as CE or UL: the texts cover Chinese certification only
              re.compile(r"(?<![A-Za-z])(CE|UL|FCC|ETL|PSE|KC|GS)(?![A-Za-z])|欧盟[^，。？！]{0,6}认证"),
              re.compile(r"(?<![A-Za-z])(CE|UL|FCC|ETL|PSE|KC|GS)(?![A-Za-z])|欧盟")),
    AskedFact("社团内部治理",  # an association's council, head, general meeting: left to its own charter
              re.compile(r"(理事会|理事长|会长|会员大会|会员代表大会)[^。？！]{0,15}"
                         r"(任期|几年|连任|几届|几次|多少|最少|至少|人数|上限|下限|兼任|有效)"
                         r"|公务员[^。？！]{0,12}(会长|理事长)|(会长|理事长)[^。？！]{0,12}公务员"),
              re.compile(r"理事会|理事长|会长|会员(代表)?大会")),
    AskedFact("印章",  # a seal of one's own: the texts give one to a registered association, not to an expert group
              re.compile(r"公章|(?<![立时此深即片])刻[^。？！，]{0,3}章(?!程)|印章"),
              re.compile(r"印章|公章")),
    AskedFact("浙江制造",  # the 浙江制造 (品字标) regional brand, which no text here sets up
              re.compile(r"浙江制造|品字标"),
              re.compile(r"浙江制造|品字标")),
    AskedFact("著作权",  # who owns a standard's text, whether copying it infringes: copyright law is outside
              re.compile(r"著作权|版权|署名权|(照抄|照搬|抄袭|复制|盗用)[^。？！]{0,12}侵权"),  # not a defect's 侵权
              re.compile(r"著作权|版权|署名")),
    AskedFact("审核人日",  # the audit days an auditor must log to keep a registration
              re.compile(r"人日|审核天数|审核(多少|几)天"),
              re.compile(r"人日")),
    AskedFact("保修期",  # a warranty (三包) period: the texts oblige repair, replacement or refund, for no set time
              re.compile(r"保修|三包|包修|包换|包退"),
              re.compile(r"保修|三包|包修|包换|包退")),
    AskedFact("工作组负责人",  # who leads a working group and how he is chosen
              re.compile(r"工作组[^。？！]{0,20}(?:组长|召集人|牵头人|负责人|头儿)|(?:组长|召集人|牵头人)[^。？！]{0,10}工作组"
                         r"|召集人"),
              re.compile(r"工作组[^。；]{0,30}(?:组长|召集人|牵头人|负责人)|召集人")),
    AskedFact("保险要求",  # insurance a body or a maker must or may buy
              re.compile(r"保险|责任险|投保"),
              re.compile(r"保险")),
    AskedFact("学历要求",
              re.compile(r"学历|文凭"),
              re.compile(r"学历|文凭|本科|专科|硕士|博士|学位")),
    AskedFact("国籍要求",  # whether a foreign national may serve
              re.compile(r"外籍|外国籍|国籍|港澳台|外国专家|老外"),
              re.compile(r"外籍|国籍|港澳台")),
    AskedFact("网站",
              re.compile(r"哪个网站|什么网站|哪个网址|网址是|官网"),
              re.compile(r"网站|网址|www\.|https?://")),
    AskedFact("选择建议",  # which provider, product or tool is best: rules name none
              re.compile(r"比较(好|合适|方便|靠谱|划算)|多少合适|哪款|哪个?牌子|什么牌子|(哪个|什么)品牌|哪几家|靠谱|最便宜|划算"
                         r"|(什么|哪个|哪款)软件|哪家(酒店|公司|饭店)|(?<!定)找哪家[^，。？！]{0,6}(做|办|检|测)"),  # not 谁来定找哪家
              re.compile(r"(?!)")),  # stated by no text
    AskedFact("现任人员",  # who holds a post now: a name, which rules do not give
              re.compile(r"(现任|现在的?|目前的?|这一?届的?|本届的?)[^，。？！]{0,20}(是谁|叫什么|叫啥|是哪位)"
                         r"|叫(什么|啥)名字|一把手[^，。？！]{0,4}(是谁|叫什么|叫啥|是哪位)"),
              re.compile(r"(主任委员|秘书长|组长|负责人|会长|联系人)[:：为是]\s*[\u4e00-\u9fff]{2,4}[，。；\s]")),
)


def asked_facts(question: str) -> list[AskedFact]:
    """The kinds of fact `question` asks for, if any."""
    asked = [fact for fact in ASKED_FACTS if fact.asked.search(question)]
    names = {fact.name for fact in asked}
    return [fact for fact in asked if not names & set(fact.narrower)]


def missing_facts(question: str, texts: list[str],
                  names_subject: Callable[[str, str], bool] | None = None) -> tuple[str, ...]:
    """Names of the facts `question` asks for that none of `texts` states (see AskedFact.stated_in)."""
    return tuple(f.name for f in asked_facts(question)
                 if not any(f.stated_in(t, question, names_subject) for t in texts))
