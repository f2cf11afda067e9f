"""Quantitative targets (效果指标/目标) of plans and achieved figures (实绩) of annual reports.

Text follows the shared conventions ("100%", "(", ",", no spaces next to CJK). It is cut into
lines (and TAB cells), sentences (at 。;!?) and clauses (at every ","). A target's or an
achievement's `text` is its clause; each is emitted once, in source order.

Values: "N%" (Arabic digits), or a count "N unit" (Arabic or Chinese digits: 两次, 一次) with a unit
from COUNT_UNITS (次 学时 个工作日 小时 日 天 件 名 期 篇 场 人 个 项 门 …, "30余条" -> 30). Numbers
without a unit or % are never values (years, 文号 〔2020〕9号, 12348 热线, "1+3+X", dates "3月1日"), nor
are values inside 《…》 titles or “…” quotes, weights ("各占40%") or shares ("30%的比例").

Comparators (targets):
- words: 不低于/不少于/至少/不得少于 and "以上" -> ">="; 高于/超过 -> ">"; 低于/少于 -> "<";
  不超过/不高于/最多/最长/最迟 and "以下/以内/之内/内" -> "<="; "左右" -> ">=".
- a rate with no comparator word ("审查率达到100%", "出庭应诉率100%", "好评率力争保持100%") is
  a floor, ">=" (100% too); a rate naming a bad thing (发生率, 败诉率, 差错率, 成诉率 …, see
  BAD_RATES) is a ceiling, "<=". 纠错率 is not a bad thing: ">=".
- a change "增长6.2%左右", "平均提高70%以上": the indicator keeps the verb ("地区生产总值增长"),
  the value is the size of the change, ">=" unless 以内/以下/不超过 say "<=".
- relative: "败诉率较2022年再下降5个百分点" -> (败诉率, "<=", -5, "个百分点"): at most last year's
  rate minus 5 points; "提高N个百分点" -> ">=", +N.
- a move "从/由 X (增加|提高|压缩|缩减 …)到/至 Y": only Y is a target, named by the words before
  从/由; "以上/以内" after Y decide, else the verb's direction ("公园数量从438座增加到1000座以上" ->
  ">= 1000 座", "办理时限由15日压缩到7日" -> "<= 7 日"). X is no target.
- a bundle "A率、B率和C率“三个100%”" gives each rate named before it the value.
- counts need a comparator word, a verb of reaching right before them ("参保人数达到424万人" ->
  ">="), or a period frame (每年/全年/每季度/每月/每2年 …) in force:
  "全年组织开展行政执法培训2期" -> ">= 2 期" (a count in Chinese digits needs its own frame). A
  count followed by 的 with no comparator before it is an attribute ("3-5分钟的法治课").
- absolute zero: a clause "无…情形|情况|问题|行为|现象|案件", "没有发生/未发生/未出现…", "不存在…
  情形|情况|行为|问题|现象" -> (what follows the negation, "=", 0, "件").

Indicator names:
- rates: the words before the verb group (达到/达/为/保持/力争/均/分别 …) back to the clause start or
  the previous value (after a 实现/确保/做到 inside it), without leading fillers (推动/对/其中/
  years …); "审核100%覆盖" -> "审核覆盖". Several rate items joined by 、/和/及/与 share one value:
  "A报备率、报备及时率、规范率达到100%" -> three targets. A later item that is bare (at most 5
  characters, no subject noun such as 文件/决策/案件) takes the first item's subject prefix: the
  first item up to its last subject noun or 的 ("行政规范性文件").
  The same prefix also reaches bare names later in the clause ("报备率达到100%、审查率达到100%").
- several values for one name ("分别达到70%、50%", also "70%50%" with the separator lost): with
  levels listed before a 级 ("市、县(区)级行政机关…覆盖率") each target is named by its level
  ("市级…", "县(区)级…"); otherwise "name(1)", "name(2)".
- counts: the clause before the number without frame and comparator words, followed by the object
  after the unit: "每年至少开展1次执法监督检查" -> "开展执法监督检查", "每年度学法不少于60学时" ->
  "学法". Frames other than year/quarter stay in the name ("每月报送信息数量", "每2年开展…后评估").
  An empty name is the previous target's in the sentence ("最长不超过15个工作日"); a generic one
  (期限, 占比 …) is prefixed by the previous clause.

`per`: "year" for 每年/每年度/全年/年度/年均, "quarter" for 每季度; a frame carries on to later clauses
of the same sentence ("…每年不少于4次,专题法治讲座不少于2期" -> both per year). Other periods
(每月, 每2年) give None. `year`: the last year named on the same line before the value
("——2023年为…", "2020年政策解读要达到100%", "到2025年…"), not a baseline (较2022年), a range
(2021—2025年) or a year inside a title; else None (default_year is for deadlines only).

Achievements: every rate or share reported ("出庭应诉率为100%", "占比95.87%"), changes with their
verb ("审批服务效率平均提高" 70 %), and counts whose clause names a reporting verb (办理/受理/开展/
组织/审查 …: "办理行政复议案件35件"); comparisons with an earlier period ("比上年同期提升43.8%",
同比, 环比) are not emitted. The year is the last year named on the line, else the `year` argument.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from loaders.numbering import CN_SMALL, ORDINAL_CLAUSE

COUNT_UNITS = (
    "微克/立方米|微克每立方米|毫克/立方米|毫克/升|μg/m³|μg/m3|ug/m3|mg/m³|mg/m3|分贝|毫米|厘米|点"
    "|个工作日|工作日|个自然日|自然日|个百分点|个小时|小时|学时|课时|分钟|场\\(次\\)|人\\(次\\)|人次|件次|户次|家次|批次|场次|车次|个次|航次|架次|个月"
    "|次|轮|日|天|件|名|期|篇|场|人|个|项(?!目(?!标))|门|家"
    "|条|宗|张|份|户|块(?![状])|吨标准煤|吨|公里|千米|平方公里|平方米|m2|m²|㎡|立方米|公顷|亩|座|所|套|台件|台套|台次|台|辆|艘|栋"
    "|粒|枚|口(?![岸径号罩头])"
    "|支(?![持援付出撑部队])|处(?![室理置罚分])"
    "|兆瓦时|兆瓦|千瓦时|千瓦|吉瓦|MWh|MW|kWh|kW|GW|标准箱|TEU|美元|元"
    "|位|幅|组(?![织建成合])|部(?![门署委分])|起(?![草诉点步])|本(?![市级区县单部年次着地])"
    "|卷(?![宗入])|类(?![型别似])|册(?![封])|株|棵|盆|分(?![钟局别类批期之])|批(?![准复示评])|种(?![类植子])"
)
# units a report counts in ("112位党政一把手", "悬挂横幅27幅", "业务套餐41组") but a plan's
# targets do not ("排名前3位"): no target
_SCORED_RE = re.compile(r"得分|评分|考评|考核|测评|成绩")  # a result in points: "考评得分102.25分"
_REPORT_UNITS = ("位", "幅", "组", "本", "卷", "类", "册")
# units of a measured level (a concentration, a loudness): "年均" in front names the level
LEVEL_UNITS = (
    "微克/立方米",
    "微克每立方米",
    "毫克/立方米",
    "毫克/升",
    "μg/m³",
    "μg/m3",
    "ug/m3",
    "mg/m³",
    "mg/m3",
    "分贝",
)
# units of a length of time or of age ("不超过5年", "超过80岁") that are values only right after a
# comparator word: "2015年", "5年内", "35岁以下青年" and "60岁起" are dates, spans and attributes
STRICT_UNITS = ("年", "岁")
_YEAR_NUM_RE = re.compile(r"(?:19|20)\d{2}")
_STRICT_CMP_RE = re.compile(
    r"(?:不超过|不高于|不少于|不低于|不得超过|不得少于|超过|高于|低于|少于|达到)$"
)
# a plain count after a verb of building or adding is a floor: "建成5G基站1.2万个", "新建书房10家"
_BUILD_RE = re.compile(
    r"建成|新建|新增|建设|培育|打造|创建|引进|招引|认定|培养|发展|实施|完成|种植|栽植|植树|栽种"
    r"|拆除|改造|改建|扩建|开设|安装|配备|摆放|制作|取得|增加|推进|累计"  # "累计拆除点位366处"
    r"|整治|治理|修复|修缮|更换|清理"  # "店招店牌整治1500块"
    r"|制定|出台|建立|修订|推出|上线|成立|组建"  # "制定出台…等6项制度", "推出10个…场景"
    # (an activity, 开展/组织/举办 …, counts toward a target only in a period: "每年组织2次")
)
# units a report counts in are a plan's too where it makes or obtains them ("制作绿色植物雕塑30组",
# "取得军工资质8本以上"): the verbs of building and a few of printing and handing out
_PLAN_COUNTED_RE = re.compile(_BUILD_RE.pattern + r"|印制|编印|发放|获得")
# a bound said in words right before the count ("评查案卷不少于100卷"): a target in any unit
_BOUND_BEFORE_RE = re.compile(r"(?:不少于|不低于|至少|不多于|不超过|不高于)$")
# a count right after a verb of reaching is a floor too: "参保人数达到424万人"
# ("授权量达350件" too: a bare 达, not 下达/送达/表达 …, nor 未达/不达)
_REACH_RE = re.compile(
    r"(?:达到|(?<![下传送到抵表发通直转签未不])达|提高到|提高至|提升到|提升至|增加到|增加至|增至|突破"
    r"|稳定在|保持在|维持在)$"  # "粮食产量稳定在23万吨"
)
# a sum of money is a target only as an output to reach ("营业收入达到2300亿元以上", "产值突破100
# 亿元"), never as a grant, an award or a fine ("给予最高50万元补贴"), nor a project's cost
_MONEY_OUTPUT_NAMES = (
    r"(?:营收|收入|产值|增加值|交易额|成交额|销售额|营业额|出口额|进出口总额|进出口额|税收|利润|经济总量|"
    r"产业规模|市场规模|利用外资|外资|外商投资|贷款余额|贷款|存款余额|存款|资产管理|资产|融资|保费|"
    r"生产总值|零售总额|零售额)(?:总额|总量|规模)?(?:累计)?"
)
_MONEY_OUTPUT_RE = re.compile(
    _MONEY_OUTPUT_NAMES
    + r"(?:力争)?(?:达到|达|突破|超过|超|不低于|不少于|高于|提高到|提升到|增加到|增至)$"
)
# the output named right before its floor, no verb between: "实际利用外资2.25亿美元以上"
_MONEY_FLOOR_RE = re.compile(_MONEY_OUTPUT_NAMES + "(?:在|为)?$")  # "营收在200亿元以上"
# the investment a plan sets out to reach ("保持公路水路建设投资100亿元以上", "完成固定资产投资
# 50亿元"), not a project's cost ("总投资3000万元建设…", "投资3000万元建设基地")
_INVESTMENT_RE = re.compile(
    r"(?:固定资产|建设|有效|社会|年度)投资(?:额|总额)?(?:完成|达到|达|突破|保持)?$"
)
_GRANT_RE = re.compile(r"补贴|补助|奖励|资助|奖补|扶持|最高|给予|贴息|罚款|处以|投资")
TIME_UNITS = ("个工作日", "工作日", "日", "天", "小时", "个小时", "分钟", "个月")
BAD_RATES = tuple("发生率 败诉率 差错率 错误率 成诉率 违法率 事故率 失误率 复发率 投诉率".split())
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_MASK_CHAR = "□"

# --- values and comparators
_VALUE_RE = re.compile(
    r"(?<![\d.\-~—/×第届])(?P<num>\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3})\s*"
    r"(?:(?P<pct>%|‰)|(?P<approx>余|多)?(?P<wan>万亿|万|亿)?(?:余|多)?(?P<unit>"
    + COUNT_UNITS
    + "|"
    + "|".join(STRICT_UNITS)
    + r")(?!性|全会|党代会|能源)(?P<rate>/(?:百|千|万)?[\u4e00-\u9fff]{1,4}?"
    r"(?=及以上|以上|以下|以内|之内|左右|内|[^\u4e00-\u9fff]|$))?)"
)
_NEXT_PCT_RE = re.compile(r"\s*(?:、|和|及|与)?\s*(\d+(?:\.\d+)?)\s*%")
_POST_RE = re.compile(r"\s*(及以上|以上|之上|及以下|以下|以内|之内|内|左右)?")
_POST_CMP = {"及以上": ">=", "以上": ">=", "之上": ">=", "左右": ">="}
_CMP_WORDS = {  # compound words before their parts: 大于等于 before 大于, 小于等于 before 小于
    ">=": "不少于|不低于|不得少于|不得低于|不应少于|不能少于|不能低于|至少|最少|起码|大于或?等于|不小于|≥",
    "<=": "不超过|不高于|不多于|不大于|不得超过|不得高于|不能超过|不能高于|最多|最长|最迟|控制在|小于或?等于|≤"
    # brought down to a level: "办结时限压缩至5个工作日", "降至3%"
    "|(?:压缩|压减|缩短|缩减|下降|降低|减少)(?:至|到)|降(?:至|到)",
    ">": r"高于|超过|多于|大于|(?<![不赶])超(?=\s*(?:\d|$))",  # "建成充电桩超50万个"
    "<": "低于|少于|小于",
}
_CMP_RE = re.compile("|".join(f"(?P<c{i}>{w})" for i, w in enumerate(_CMP_WORDS.values())))
_CMP_BY_GROUP = {f"c{i}": cmp for i, cmp in enumerate(_CMP_WORDS)}
_NEGATED_RE = re.compile(r"(?:达不到|未达到|未达|不到)$")
_MONEY_RE = re.compile(r"^\s*(?:元|万元|亿元)")

# --- periods (per) and years
_YEAR_FRAME_RE = re.compile(r"每人每年|每年度|每年|全年|年均|(?<![上本该当每])年度")
_QUARTER_FRAME_RE = re.compile(r"每季度|每一季度|每季")
_OTHER_FRAME_RE = re.compile(r"每(?:\d+|[两二三四五半])个?(?:年|月|周)|每月|每周|每天|每日")
_YEAR_RE = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年(?!\s*[—\-–~至到]\s*(?:19|20)\d{2})")
_NOT_PERIOD_YEAR_RE = re.compile(r"(?:较|比|\d\s*年?\s*[—\-–~至到])\s*$")

# --- changes and comparisons
_CHANGE_WORDS = "增长|增加|提高|提升|上升|下降|降低|减少|压缩|缩短"
_CHANGE_RE = re.compile(rf"({_CHANGE_WORDS})$")
_DOWN_RE = re.compile(r"下降|降低|减少|压缩|压减|缩减|缩短|缩小|^[降减缩压]$")
_BASELINE_RE = re.compile(r"(?:(?:较|比)(?:\d{4}年度?|上一?年度?|去年|上年同期|同期)|同比|环比)再?")
# a move from one value to another: only the value reached is a target
_FROM_RE = re.compile(r"(?:从|由)\s*$")
_TO_RE = re.compile(
    r"\s*(?:(?P<verb>增加|增长|提高|提升|上升|扩大|拓展|扩展|达到|下降|降低|减少|压缩|压减|缩减|缩短|"
    r"缩小|调整|控制|增|升|降|减|缩|压)\s*)?(?:到|至)\s*"
)
_PERIOD_COMPARE_RE = re.compile(r"(?:比|较)(?:上年同期|同期|上一?年度?|去年|\d{4}年)|同比|环比")

# --- names
_VERB_TAIL_RE = re.compile(
    r"(?:均|都|(?<![纪摘纲需重主])要|应|应当|须|必须|需|务必|一般|原则上|分别|力争|争取|确保|持续|稳定|"
    r"始终|基本|全部|达到|(?<![下传送到抵表发通直转签])达|(?<![行作])为|是|保持在|保持|维持在|稳定在|(?<![存所现])在|实现|提高到|"
    r"提高至|突破|提升到|提升至|增加到|上升到|下降到|下降至|降低到|降低至|降到|降至|减少到|减少至|压缩到|"
    r"压缩至|各占|占)+$"
)
_LEAD_RE = re.compile(
    rf"^(?:</?p>|\s+|——|—|[-•·]|\(\d+\)|（\d+）|\d+[.、]|{CN_SMALL}+、|\({CN_SMALL}+\)|{CN_SMALL}+是|"
    r"[\u4e00-\u9fff]{1,5}[:：](?=.)|"  # a key ("一保持:…", "目标:…") or a count of points ("一是…")
    r"(?:到|至|截至|截止)?\d{4}年(?:度|年底|底|末)?(?:前|以前|之前)?|年底前|年底|年末|年内|全年|"
    r"第[一二三四五六七八九十百\d]+条|原则上|一般(?!公共|性|纳税|程序)|确保|实现|推动|推进|力争|争取|努力|要|使|并且|并|且|"
    r"同时|其中|即(?![时刻办])|做到|达到|保持|全面|进一步|逐步|切实|促进|以及|和|及(?!时)|或|对|让|将|把|"
    r"在(?![孵校建职编岗册线读押园院营])|还|已|共(?![性同享建治识])|累计|"
    r"、|,|:|的)+"
)
_TRAILING_YEAR_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?:到|至)?\d{4}年(?:年底|底|末)?(?:前)?$")
_FILLER_RE = re.compile(
    r"一般(?!公共|性|纳税|程序)|原则上|(?<![平日月周人户年])均|必须|务必|应当|不得"
)
_INTRO_RE = re.compile(r".*(?:实现|确保|做到)")
_ATTR_RE = re.compile(r"\([^()]*(?:牵头|负责|配合)[^()]*\)")
_TITLES_RE = re.compile(r"(《[^》]*》)(?:、?《[^》]*》)+")
_LEADING_COUNT_RE = re.compile(r"^\d+(?:\.\d+)?[项个件家名]")
_COUNT_TEXT_RE = re.compile(r"\d+(?:\.\d+)?[余多]?(?:" + COUNT_UNITS + ")")
# a clause that opens on its percentage ("75%以上科技人员落户企业"): named by the words after it
_OPENS_ON_VALUE_RE = re.compile(
    r"(?:</?p>|\s)*(?:其中|确保|力争|争取|推动|使|有|且|并)?(?:</?p>|\s)*"
)
_RATE_END_RE = re.compile(r"(?:率|满意度|比例|比重|占比)$")
_SUBJECT_END_RE = re.compile(
    r"(?:文件|规章|决策|决定|事项|案件|机关|部门|单位|人员|清单|建议|提案|议案|信息|政府|企业|群众|公众|"
    r"复议|诉讼|判决|机构|行为|执法|平台|资金|项目|的)"
)
_ITEM_SPLIT_RE = re.compile(r"(、|以及|和|与|及(?!时)|或者)(?![^(]*\))")
_LEVEL_SPLIT_RE = re.compile(r"、(?![^(]*\))")
_GENERIC = {"期限", "时限", "时间", "比例", "占比", "比重", "数量", "比率", "人数"}
_REPORT_VERB_RE = re.compile(
    r"办理|受理|开展|组织|举办|审查|审核|培训|出庭|化解|调解|排查|发布|回应|公开|备案|清理|聘请|参与|"
    r"提出|收集|宣传|实施|审结|胜诉|撤诉|研究|学习|学法|听取|制定|出台|印发|召开|建立|成立|新增|完成|"
    r"办结|查处|处罚|录入|提供|接待|解答|培养|发展|派出|选派|表彰|参加|代理|纠正|办复|答复|解读|评查|"
    r"检查|督查|整改|走访|签订|取消|下放|压减|减少|压缩|审批|登记|颁发|报送|报备|立案|结案|宣讲|讲法|"
    r"旁听|述法|考试|授课|征求|论证|听证|评估|修订|废止|梳理|认定|建成|配备|招录|调处|接访|"
    r"作出|开设|列出|明确|督办|引进|划入|通报|约谈|问责|发放|录用|招聘|选聘|新建|推出|打造|上线|"
    r"公布|回复|挽回|追回|调研|研讨|座谈|走访|帮扶|服务|覆盖|累计|共计|合计|总计|(?<![一总公])共|"
    r"讲授|讲解|悬挂|张贴|承接|复盘|印制|制作|推送|刊发|刊登|出具|征集|收到|审理|提醒|开通|核查|"
    r"抽查|复核|拆除|查办|移送|发出|转办|交办|创建|评选|上好|讲好|执行|自建|修复|纳入|达到|整合|审议|提请|调用|争创|部署|落实|新设|撤销|维持|驳回|处理|记录|设定|细化|指导|推进|认领|编制|审验|新办|值班|赋予|竣工|在建|推荐|命名|应对|侦破|破获|抓获|移诉|查获|立(?=[\u4e00-\u9fff]{1,8}案)|承办|制止|列入|出动|"
    r"设置|培育|组建|储备|征订|组派|配置|购置|编印|发行|赠送|救治|接种|检测|巡查|整治|改造|建设|投入|"
    r"举行|列席|资助|救助|慰问|补助|支出|现有|拥有|兑现|增加|种植|播种|出栏|收购|造林|谋划|策划|签约|招引|获评|荣获|获批|抽检|开工|安装|消除|配套|监管"
)
_JOINS = ("、", "和", "及", "与", "暨")
# a statistic named as a number of something ("空气质量优良天数309天", "受理件数52件"), or a count of
# cases standing alone in its clause ("行政、民事诉讼案件16宗")
_COUNT_NOUN_RE = re.compile(
    r"[\u4e00-\u9fff](?:案件|天数|件数|人数|户数|次数|个数|家数|场次数|总产|产量)$"  # 皮棉总产30.8万吨
)
# a report's clause opening on its period ("全年行政复议20件", "2024年街道诉讼案件72起")
_PERIOD_OPENING_RE = re.compile(r"(?:全年|年内|今年|本年度?|(?:19|20)\d{2}年度?)(?![以来底末])")
# nothing before a count but its scope ("全市2卷…案卷被评为优秀案卷")
_SCOPE_ONLY_RE = re.compile(r"(?:全市|全县|全区|全省|全州|全镇|全乡|全局|我局|本局|全系统)?")
_COPULA_RE = re.compile(r"(?:^|(?<=[\u4e00-\u9fff]))(?:为|(?<![下传送到抵表发通直转签未不])达)$")
# what a count groups before the count it holds ("7个方面58项", "3大类12项")
_GROUPING_TAIL_RE = re.compile(r"[\u4e00-\u9fff]{1,2}")
_CARRY_OUT_RE = re.compile(r"进行了?[\u4e00-\u9fff]{0,8}?(?:" + _REPORT_VERB_RE.pattern + ")")
# 将/把 put the object before the verb: "将…278项行政许可事项统一划入…"
# (对 too: "对181件上会议题进行了合法性审查")
_DISPOSAL_RE = re.compile(r"(?:^|[^\u4e00-\u9fff]|[^逐即])[将把]|(?<![针面相绝应核比反校一])对")
_ZERO_ANY_RE = re.compile(
    r"(?:没有发生|未发生|没有出现|未出现|不存在)(?P<what>[^,;。]{2,80}?(?:情形|情况|行为|问题|现象))$"
)
_ZERO_START_RE = re.compile(
    r"^无(?![法论须需])(?P<what>[^,;。]{2,80}?(?:情形|情况|问题|行为|现象|案件))$"
)

# --- segmentation
# a quoted sentence with clauses ("实现“…达到2000名左右,…人才贡献率达到40%”的目标") is prose, not a
# name or a slogan: only quotes without "," are masked
_MASK_RE = re.compile(r"《[^《》\n]{0,100}》|“[^“”,\n]{0,60}”")
# a bundle of values named before it ("A率、B率和C率“三个100%”"): its value stays readable
_BUNDLE_RE = re.compile(r"“[一二两三四五六七八九十]{1,3}个(?=\d+(?:\.\d+)?%”)")
_BUNDLE_TAIL_RE = re.compile(r"“[一二两三四五六七八九十]{1,3}个$")
_LINE_MARKER_RE = re.compile(
    rf"^\s*(?:——|\(\d{{1,3}}\)|（\d{{1,3}}）|\d{{1,3}}\s*[.、．]|{CN_SMALL}+、|\({CN_SMALL}+\)|"
    r"\d{1,3}(?=[\u4e00-\u9fff])(?![年月日号个次件名期项篇场人门家条宗张户天学课小分工]))\s*"
)
_SENTENCE_RE = re.compile(r"[^。;；!！?？\t]+")
_PIECE_RE = re.compile(r"[^,]+")
_TAG_RE = re.compile(r"</?p>|\s+")


SCALE = {"万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}


def _number(token: str) -> float:
    """Arabic or Chinese digits up to 99 (两, 十, 二十五)."""
    if token[0].isdigit():
        return float(token)
    tens, ten, units = token.partition("十")
    if not ten:
        return float(_CN.get(token, 0))
    return float((_CN.get(tens, 1) if tens else 1) * 10 + (_CN.get(units, 0) if units else 0))


def _num(x: float) -> int | float:
    x = round(x, 4)  # 80.96 × 10 000 is 809600.0000000001 in binary: 809600
    return int(x) if float(x).is_integer() else x


def _last(regex: re.Pattern, text: str) -> re.Match | None:
    found = None
    for found in regex.finditer(text):  # noqa: B007 - the last match counts
        pass
    return found


def _drop(text: str, plain: str, *patterns: re.Pattern) -> str:
    """`text` without the spans that `patterns` find in `plain` (same length, titles masked)."""
    spans = sorted(m.span() for p in patterns for m in p.finditer(plain))
    out, last = [], 0
    for a, b in spans:
        if a >= last:
            out.append(text[last:a])
        last = max(last, b)
    out.append(text[last:])
    return "".join(out)


def _clean(name: str) -> str:
    """Indicator text without tags, attributions, list markers, fillers and the verb group."""
    name = _ATTR_RE.sub("", _TITLES_RE.sub(r"\1", _TAG_RE.sub("", name)))
    name = _BUNDLE_TAIL_RE.sub("", name)
    close = name.rfind(")")
    if close >= 0 and "(" not in name[:close]:
        name = name[close + 1 :]  # the end of an attribution "(…负责)" of the previous item
    for _ in range(4):
        before = name
        name = _LEADING_COUNT_RE.sub("", _VERB_TAIL_RE.sub("", _LEAD_RE.sub("", name)))
        name = _TRAILING_YEAR_RE.sub("", name)  # "覆盖率2023年达到80%" -> 覆盖率
        if name.startswith(("(", "“")) and {"(": ")", "“": "”"}[name[0]] not in name:
            name = name[1:]  # an opening bracket or quote whose closing one is further on
        if name.endswith(")") and "(" not in name:
            name = name[:-1]
        if name.count("(") > name.count(")"):  # "基本清洁(垃圾盖度≤5‰)": named inside the bracket
            name = name[name.rfind("(") + 1 :]
        if name == before:
            break
    return name.rstrip("的、和及与暨")


class _Clause:
    """One clause (a sentence piece between commas) and the context it reads values in."""

    def __init__(self, text: str, plain: str, start: int, years: list, sentence: dict) -> None:
        self.text, self.plain, self.start = text, plain, start
        self.years, self.sentence = years, sentence
        self.prefix = ""  # subject prefix of the clause's first full rate name
        self.rates_seen = False
        self.verb = ""  # reporting verb of the clause's last count (achievements)
        self.grouped = False  # the last count grouped the next one ("7个方面58项")
        self.respectively = ""  # the name of counts given "分别" (one name, several levels)
        self.respectively_cmp: str | None = None

    def year_at(self, pos: int) -> int | None:
        i = bisect_right(self.years, (self.start + pos, 10**9)) - 1
        return self.years[i][1] if i >= 0 else None

    def named(self, name: str, case: bool = False) -> str:
        """An empty name is the sentence's last one; a generic one gets the previous clause; a
        case ("无外线工程的", `case`) gets what the last clause without a figure names."""
        if not name:  # "持续开展案卷评查,每年不少于1次": the clause before names it
            prev = _clean(_COUNT_TEXT_RE.sub("", self.sentence.get("prev", "")))
            prev = re.sub(r"^(?:持续|积极|认真|扎实|深入|常态化)", "", prev)[-30:]
            if prev and self.sentence.get("prev_figured") is False and self.sentence.get("last"):
                return prev  # "市场主体总量突破千万户,达1042.8万户": the clause just before, not a figure's
            return self.sentence.get("last") or prev
        if case and len(name) <= 16 and self.sentence.get("subject"):
            # "办电时间,无外线工程的不超过5个工作日,有外线工程的不超过15个工作日": the cases of
            # what the clause before names
            return _clean(_COUNT_TEXT_RE.sub("", self.sentence["subject"]))[-30:] + name
        if name in _GENERIC and self.sentence.get("prev"):
            return _clean(_COUNT_TEXT_RE.sub("", self.sentence["prev"]))[-30:] + name
        return name

    def record(self, pos: int, name: str, cmp: str | None, value: float, unit: str, per) -> dict:
        self.sentence["last"], self.sentence["figured"] = name, True
        text = _TAG_RE.sub("", self.text)
        return {
            "indicator": name,
            "comparator": cmp,
            "value": _num(value),
            "unit": unit,
            "per": per,
            "year": self.year_at(pos),
            "text": text,
            "_pos": self.start + pos,
        }


# ---------------------------------------------------------------- rates


def _split_items(head: str) -> list[str]:
    """Rate items sharing one value ("A率、B率和C率"); leading non-rate parts join the next item."""
    parts = _ITEM_SPLIT_RE.split(_clean(head))
    items, cur = [], ""
    for i in range(0, len(parts), 2):
        cur += (parts[i - 1] if i else "") + parts[i]
        if _RATE_END_RE.search(parts[i]) and len(parts[i]) >= 3:
            items.append(cur)
            cur = ""
    if cur and items:
        items[-1] += cur
    elif cur:
        items.append(cur)
    return [c for c in (_clean(it) for it in items) if c]


def _prefix_of(name: str) -> str:
    """The subject of a rate name: up to its last subject noun or 的 ("行政规范性文件")."""
    ends = [m.end() for m in _SUBJECT_END_RE.finditer(name) if len(name) - m.end() >= 2]
    return name[: ends[-1]] if ends else ""


def _is_bare(name: str) -> bool:
    return len(name) <= 5 and not _SUBJECT_END_RE.search(name)


def _level_names(head: str, k: int) -> list[str] | None:
    """ "市、县(区)级…覆盖率" with 2 values -> ["市级…覆盖率", "县(区)级…覆盖率"]."""
    idx = head.find("级")
    if idx < 0:
        return None
    levels = [_LEAD_RE.sub("", lv.rsplit("的", 1)[-1]) for lv in _LEVEL_SPLIT_RE.split(head[:idx])]
    rest = _clean(head[idx + 1 :])
    if len(levels) != k or not rest or not all(0 < len(lv) <= 6 for lv in levels):
        return None
    return [f"{lv}级{rest}" for lv in levels]


def _rate_names(clause: _Clause, head: str, k: int) -> list[str]:
    """Names for k values after `head`: its rate items, levels or numbered copies."""
    items = _split_items(head) or [""]
    if not clause.prefix and items[0] and not _is_bare(items[0]):
        clause.prefix = _prefix_of(items[0])
    first = 0 if clause.rates_seen else 1
    items = items[:first] + [clause.prefix + it if _is_bare(it) else it for it in items[first:]]
    clause.rates_seen = True
    items = [clause.named(it) for it in items]
    if k == 1 or len(items) == k:
        return items
    if len(items) == 1:
        return _level_names(head, k) or [f"{items[0]}({i + 1})" for i in range(k)]
    return items[:k] + [f"{items[-1]}({i + 1})" for i in range(k - len(items))]


def _rate_head(clause: _Clause, pre: str, pre_plain: str, cmp_m, mode: str) -> str | None:
    head = pre[: cmp_m.start()] if cmp_m else pre
    if _NEGATED_RE.search(head):
        return None
    intro = _INTRO_RE.match(head)
    if intro and len(head) - intro.end() >= 4:
        head = head[intro.end() :]
    if _CHANGE_RE.search(_VERB_TAIL_RE.sub("", head)):
        head = _BASELINE_RE.sub("", head)
    if mode == "achievement" and not _clean(head) and pre_plain.endswith("占"):
        head = "占比"
    return head


_CHANGE_WORD_RE = re.compile(_CHANGE_WORDS)


def _change(
    clause: _Clause, pos: int, pre: str, compare: re.Match, value: float | list[float], unit: str
):
    """A report's change over a period ("刑事立案数(同比下降13.4%)", "比2023年减少105项"): the
    figure with what changed and how in its name (never a level to meet a target with)."""
    word = _CHANGE_WORD_RE.search(pre, compare.end())
    if word is None:
        return []
    subject = _clean(pre[: compare.start()].rstrip("(（ ,，、"))
    said = compare.group(0) if compare.group(0) in ("同比", "环比") else ""
    between = _clean(pre[compare.end() : word.start()])
    if between and not subject:  # "同比审批效率提升11.54%": what changed comes after 同比
        subject, said = between, ""
    if not subject and clause.sentence.get("last"):  # "…出庭率达65%,比上年同期提升43.8%"
        subject, said = clause.sentence["last"], compare.group(0)
    values = value if isinstance(value, list) else [value]
    subjects = subject.split("、") if len(values) > 1 else [subject]
    if len(subjects) != len(values):  # "起数、死亡人数同比分别下降17.7%、12.5%": one each
        subjects, values = [subject], values[:1]
    return [
        clause.record(
            pos, clause.named(s + said + word.group(0) if s else word.group(0)), None, v, unit, None
        )
        for s, v in zip(subjects, values, strict=True)
    ]


def _percent(clause: _Clause, m: re.Match, prev_end: int, mode: str) -> tuple[list[dict], int]:
    text, plain = clause.text, clause.plain
    values, end = [float(m["num"])], m.end()
    while nxt := _NEXT_PCT_RE.match(plain, end):
        values.append(float(nxt.group(1)))
        end = nxt.end()
    post = _POST_RE.match(plain, end)
    pre, pre_plain = text[prev_end : m.start()], plain[prev_end : m.start()]
    if plain.startswith(("的比例", "的比重"), post.end()) or pre_plain.endswith("各占"):
        return [], post.end()
    if mode == "achievement" and (compare := _PERIOD_COMPARE_RE.search(pre_plain)):
        return _change(clause, m.start(), pre, compare, values, m["pct"]), post.end()
    cmp_m = _last(_CMP_RE, pre_plain)
    head = _rate_head(clause, pre, pre_plain, cmp_m, mode)
    if head is None:
        return [], post.end()
    tail = None if post.group(1) else re.match(r"[\u4e00-\u9fff]{1,8}", text[end:])
    if tail and not tail.group(0).startswith("的") and not _RATE_END_RE.search(_clean(head)):
        head = _clean(head) + tail.group(0)  # "审核100%覆盖" -> 审核覆盖
    after = _clean(_TAG_RE.sub("", text[post.end() :]).lstrip("的"))[:20]
    after = after[: after.rfind("(")] if after.count("(") > after.count(")") else after
    if _OPENS_ON_VALUE_RE.fullmatch(pre_plain) and len(after) >= 2 and len(values) == 1:
        names = [
            after
        ]  # "75%以上科技人员落户企业", "50%以上的专利由企业申请": what follows names it
    else:
        names = _rate_names(clause, head, len(values))
    if post.group(1):
        cmp = _POST_CMP.get(post.group(1), "<=")
    elif cmp_m:
        cmp = _CMP_BY_GROUP[cmp_m.lastgroup]
    elif _DOWN_RE.search(head[-3:]) and pre_plain.endswith(("到", "至")):
        cmp = "<="
    else:
        cmp = "<=" if any(n.endswith(BAD_RATES) for n in names) else ">="
    values = values * len(names) if len(values) == 1 else values
    recs = [
        clause.record(m.start(), n, cmp, v, m["pct"], None)
        for n, v in zip(names, values, strict=False)
    ]
    return recs, post.end()


# ---------------------------------------------------------------- counts


def _frame(clause: _Clause, pre_plain: str) -> tuple[str | None, bool, bool]:
    """(per, strong, own) of a count: its own period frame, else the sentence's."""
    own = True
    if _QUARTER_FRAME_RE.search(pre_plain):
        clause.sentence["per"] = ("quarter", True)
    elif _OTHER_FRAME_RE.search(pre_plain):
        clause.sentence["per"] = (None, True)
    elif m := _YEAR_FRAME_RE.search(pre_plain):
        clause.sentence["per"] = ("year", m.group(0).startswith(("每", "全年")))
    else:
        own = False
    per, strong = clause.sentence.get("per", (None, False))
    return per, strong, own


def _count_cmp(
    m: re.Match, post: str | None, cmp_m, frame: tuple, tail: str, pre_plain: str = ""
) -> str | None:
    """The comparator of a count in a plan, or None when the count is not a target."""
    per, strong, own = frame
    if tail.startswith("的") and not cmp_m and post not in ("内", "以内", "之内"):
        return None  # "3-5分钟的法治课": an attribute
    if post:
        return _POST_CMP.get(post, "<=")
    if cmp_m:
        return _CMP_BY_GROUP[cmp_m.lastgroup]
    if strong and (m["num"][0].isdigit() or own):
        return ">="
    if m["num"][0].isdigit() and _BUILD_RE.search(pre_plain) and not _MONEY_RE.match(tail):
        return ">="
    if m["num"][0].isdigit() and _REACH_RE.search(pre_plain) and not _MONEY_RE.match(tail):
        return ">="  # "参保人数达到424万人", "每千人病床数达到5张": a level to reach
    return None


def _relative(
    clause: _Clause, pos: int, pre: str, change: re.Match, value: float, mode: str
) -> dict:
    """ "败诉率较2022年再下降5个百分点" -> (败诉率, "<=", -5); reports keep the verb and the size."""
    name = _clean(_BASELINE_RE.sub("", pre[: change.start()]).rstrip("(（ "))
    if mode == "achievement":
        return clause.record(
            pos, clause.named(name + change.group(1)), None, value, "个百分点", None
        )
    down = bool(_DOWN_RE.match(change.group(1)))
    cmp, signed = ("<=", -value) if down else (">=", value)
    return clause.record(pos, clause.named(name), cmp, signed, "个百分点", None)


def _count(clause: _Clause, m: re.Match, prev_end: int, next_start: int, mode: str) -> list[dict]:
    text, plain, unit = clause.text, clause.plain, m["unit"] + (m["rate"] or "")
    if unit in ("日", "天") and plain[max(0, m.start() - 1) : m.start()] == "月":
        return []  # a date, "3月1日"
    if mode == "achievement" and not m["num"][0].isdigit():
        return []
    if not m["num"][0].isdigit() and unit in ("个", "项", "条"):
        return []  # a slogan, not a measure: "两个维护", "三个不决策", "四个意识"
    if (
        unit in _REPORT_UNITS
        and mode == "target"
        and not _PLAN_COUNTED_RE.search(clause.plain[prev_end : m.start()])
        and not _BOUND_BEFORE_RE.search(plain[prev_end : m.start()])
    ):
        return []
    before_value = plain[prev_end : m.start()].replace("约", "")
    # an amount of investment to reach, not a project's spending ("项目总投资…,计划完成投资…")
    invested = _INVESTMENT_RE.search(before_value) and "总投资" not in plain
    if (
        unit in ("元", "美元")
        and mode == "target"
        and (
            not (
                _MONEY_OUTPUT_RE.search(before_value)
                or invested
                or (
                    _MONEY_FLOOR_RE.search(before_value)
                    and _POST_RE.match(plain, m.end()).group(1) in ("以上", "及以上")
                )
            )
            or _GRANT_RE.search(plain.replace("投资", "") if invested else plain)
        )
    ):
        return []
    value = _number(m["num"]) * SCALE.get(m["wan"], 1)
    post = _POST_RE.match(plain, m.end())
    post_word = post.group(1) if post.group(1) != "内" or unit in TIME_UNITS else None
    pre, pre_plain = text[prev_end : m.start()], plain[prev_end : m.start()]
    # the words after the count, an aside in brackets left out ("4次法治绍兴(法治政府)建设推进会")
    tail = re.sub(r"[(（][^()（）]{0,20}[)）]", "", text[post.end() : next_start]).split("(", 1)[0]
    tail = "" if tail.startswith(("、", "和")) else tail
    cmp_m = _last(_CMP_RE, pre_plain)
    frame = _frame(clause, pre_plain)
    compare = _PERIOD_COMPARE_RE.search(pre_plain) if mode == "achievement" else None
    if compare and unit != "个百分点":  # (points are read below with their verb: _relative)
        return _change(clause, m.start(), pre, compare, value, unit)
    level = unit in LEVEL_UNITS  # "细颗粒物年均浓度不高于28微克/立方米": 年均 names the level
    frames = (_QUARTER_FRAME_RE,) if level else (_YEAR_FRAME_RE, _QUARTER_FRAME_RE)
    frames = () if mode == "achievement" else frames  # a report's "全年学习12次" keeps its year
    name_pre = _drop(pre, pre_plain, *frames, _CMP_RE, _FILLER_RE)
    if unit == "个百分点" and (change := _CHANGE_RE.search(_VERB_TAIL_RE.sub("", name_pre))):
        return [_relative(clause, m.start(), name_pre, change, value, mode)]
    cmp = _count_cmp(m, post_word, cmp_m, frame, tail, pre_plain) if mode == "target" else None
    listed = pre_plain.lstrip("、,和及与 ").strip()
    if (
        mode == "target"
        and cmp is None
        and clause.sentence.get("floor")
        and m["num"][0].isdigit()
        and 2 <= len(listed) <= 16
        and re.fullmatch(r"[\u4e00-\u9fff“”()]+", listed)
        and not tail.strip(" 。;,、")
    ):
        cmp = (
            ">="  # "完成旅客吞吐量1370万人次、货邮吞吐量15.5万吨": the list goes on with the floor
        )
    shared = mode == "target" and clause.respectively and pre_plain.strip() in ("、", "和", "及")
    if shared and cmp is None:
        cmp = clause.respectively_cmp  # "分别达到5000人、6000人": the first level's comparator
    if mode == "target" and cmp is None:
        return []
    if mode == "target" and cmp == ">=":
        clause.sentence["floor"] = True
    if mode == "achievement":
        if next_start < len(text) and _GROUPING_TAIL_RE.fullmatch(text[post.end() : next_start]):
            if verb := _REPORT_VERB_RE.search(pre_plain):  # the 58's verb
                clause.verb, clause.grouped = verb.group(0), True
            return []  # "制定了7个方面58项具体措施": the 7 groups the 58, which the text counts
        if next_start < len(text) and "、" in tail:  # "对181件上会议题、拟签订的57份合作协议…"
            tail = tail.split("、", 1)[0]
        verb = _REPORT_VERB_RE.search(pre_plain) or _REPORT_VERB_RE.match(tail[:4])
        if not verb and _DISPOSAL_RE.search(plain[: m.start()]):
            # "将全县…的278项行政许可事项统一划入县行政审批局": 将 puts the verb after the object;
            # "对181件上会议题、拟签订的57份合作协议进行了合法性审查": so does 对…进行
            carried = _CARRY_OUT_RE.search(plain, post.end())
            if carried:
                verb = _REPORT_VERB_RE.search(carried.group(0))
                tail = tail.split("进行", 1)[0]
            elif not tail.endswith("的"):
                verb = _REPORT_VERB_RE.search(plain, post.end())
        joined = pre.lstrip().startswith(_JOINS) or pre.rstrip().endswith(_JOINS)
        if not verb and not (joined and clause.verb) and not _REPORT_VERB_RE.search(pre_plain):
            # "3家重点单位开展大会口头述法": the count is its subject's, the verb comes after;
            # "A区、B街道和2个项目荣获…": the names joined before the count are not what it counts
            verb = _REPORT_VERB_RE.search(tail)
            if verb and joined:
                name_pre = ""
        if verb:
            clause.verb = clause.sentence["verb"] = verb.group(0)
        elif clause.verb and pre.lstrip().startswith(("、", "和", "及", "与", "暨")):
            # "办理建议88件、提案85件", "召开6次党组会暨12次中心组学习会": the verb is shared
            name_pre = clause.verb + pre.lstrip()[1:]
        elif clause.verb and (
            (clause.grouped and _GROUPING_TAIL_RE.fullmatch(pre.strip()))
            or pre.rstrip().endswith(("、", "和", "及", "与", "暨"))
        ):
            name_pre = clause.verb  # "召开6次党组会暨12次学习会": the object comes after the count
        elif (
            _COPULA_RE.search(pre_plain)
            or pre_plain.lstrip().startswith(("其中", "有", "已"))
            or _PERIOD_OPENING_RE.match(pre_plain.lstrip())
            or _COUNT_NOUN_RE.search(pre_plain)
            or (
                _SCOPE_ONLY_RE.fullmatch(pre_plain.strip())
                and re.match(r"[\u4e00-\u9fff“]{2}", tail)
            )
        ):
            # "窗口办件数量为30751件", "其中行政许可16634件", "达1042.8万户", and a figure
            # opening its clause ("292个电子证照跨部门调用"): a report's figure as it stands;
            # "其中20项行政许可、5项行政确认": the figures after it share its 其中
            if pre_plain.lstrip().startswith("其中"):
                clause.verb = clause.sentence["verb"] = "其中"
            elif period := _PERIOD_OPENING_RE.match(pre_plain.lstrip()):
                clause.verb = period.group(0)  # "全年行政复议20件、行政诉讼33件": shared
        elif (
            (clause.sentence.get("verb") or clause.sentence.get("carried_verb"))
            and not tail.strip(" 。;,")
            and pre_plain.strip()
        ):
            # "公开收费项目28项,政府性基金项目5项": the sentence's verb, the count ending its clause
            # (a part after ";" names its figure as it stands: "…;行政许可80.96万宗")
            name_pre = clause.sentence.get("verb", "") + pre.lstrip()
        else:
            return []
    # "办电时间,无电力外线工程的不超过5个工作日": a case of the clause before, named by it
    case = mode == "target" and name_pre.rstrip().endswith("的") and not tail.strip(" 。;,")
    name = clause.named(_clean(_clean(name_pre) + _clean(tail[:30])), case)
    if mode == "target":
        # "市场主体分别达到17.6万户、19.5万户以上": the levels after the first are its name's
        if shared:
            name = clause.respectively
        elif "分别" in pre_plain:
            clause.respectively, clause.respectively_cmp = name, cmp
    per = frame[0] if mode == "target" and not level else None
    return [clause.record(m.start(), name, cmp, value, unit, per)]


# ---------------------------------------------------------------- clauses


def _zero(clause: _Clause) -> list[dict]:
    """ "无…情形", "没有发生…的行为", "不存在…的情形" -> (what, "=", 0, "件")."""
    piece = _LEAD_RE.sub("", _TAG_RE.sub("", clause.text)).rstrip(")。")
    m = _ZERO_ANY_RE.search(piece) or _ZERO_START_RE.search(piece)
    if not m:
        return []
    what = m.group("what").lstrip("的")
    return [clause.record(max(clause.text.find(what[:4]), 0), what, "=", 0, "件", None)]


def _value(m: re.Match) -> tuple[float, str]:
    if m["pct"]:
        return float(m["num"]), m["pct"]
    return _number(m["num"]) * SCALE.get(m["wan"], 1), m["unit"] + (m["rate"] or "")


def _from_to(
    clause: _Clause, m: re.Match, to: re.Match, reached: re.Match, prev_end: int
) -> tuple[list[dict], int]:
    """ "公园数量从438座增加到1000座以上" -> (公园数量, ">=", 1000, "座"); "由15日压缩到7日" -> "<="."""
    text, plain = clause.text, clause.plain
    post = _POST_RE.match(plain, reached.end())
    pre_plain = plain[prev_end : m.start()]
    start = prev_end + _FROM_RE.search(pre_plain).start()
    name_pre = _drop(text[prev_end:start], plain[prev_end:start], _CMP_RE, _FILLER_RE)
    if post.group(1) and (post.group(1) != "内" or reached["unit"] in TIME_UNITS):
        cmp = _POST_CMP.get(post.group(1), "<=")
    else:
        cmp = "<=" if to["verb"] and _DOWN_RE.search(to["verb"]) else ">="
    value, unit = _value(reached)
    name = _clean(name_pre) or _clean(_TAG_RE.sub("", text[post.end() :])[:30])
    per = _frame(clause, pre_plain)[0] if not reached["pct"] else None
    return [clause.record(reached.start(), clause.named(name), cmp, value, unit, per)], post.end()


def _read_clause(clause: _Clause, mode: str) -> list[dict]:
    found = _zero(clause) if mode == "target" else []
    matches = list(_VALUE_RE.finditer(clause.plain))
    if mode == "achievement":  # points are a report's figure only as a score it got
        matches = [
            m
            for m in matches
            if m["unit"] != "分"
            or _SCORED_RE.search(clause.plain[max(0, m.start() - 12) : m.start()])
        ]
    prev_end = 0
    for i, m in enumerate(matches):
        if m.start() < prev_end or _BUNDLE_RE.match(clause.plain, max(m.start() - 1, 0)):
            continue  # "“六个" of a bundle "“六个100%”" counts nothing
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        to = (
            _TO_RE.fullmatch(clause.plain, _POST_RE.match(clause.plain, m.end()).end(), nxt.start())
            if nxt and (m["pct"] or m["num"][0].isdigit())
            else None
        )
        if to and m["unit"] == nxt["unit"] == "年" and _YEAR_NUM_RE.fullmatch(nxt["num"]):
            prev_end = nxt.end()  # "从2022年至2024年": a span of years, no value rising
            continue
        if to and _FROM_RE.search(clause.plain[prev_end : m.start()]):
            got, prev_end = _from_to(clause, m, to, nxt, prev_end)
        elif m["pct"]:
            if not m["num"][0].isdigit():
                continue
            got, prev_end = _percent(clause, m, prev_end, mode)
        else:
            if m["unit"] in STRICT_UNITS and (
                mode != "target" or not _STRICT_CMP_RE.search(clause.plain[prev_end : m.start()])
            ):
                continue  # a year, a span or an age, not a value
            next_start = matches[i + 1].start() if i + 1 < len(matches) else len(clause.text)
            got = _count(clause, m, prev_end, next_start, mode)
            if got or mode != "achievement" or m["num"][0].isdigit():
                # (a report's "召开…四个协调小组会议6次": 四个 is no figure, 召开 stays the 6's)
                prev_end = _POST_RE.match(clause.plain, m.end()).end()
        found.extend(got)
    return sorted(found, key=lambda r: r["_pos"])


def _masked(line: str) -> str:
    """The line with the inside of 《titles》 and “quotes” replaced by □ (same length)."""
    out, last = [], 0
    for m in _MASK_RE.finditer(line):
        if _BUNDLE_RE.match(line, m.start()):
            continue
        a, b = m.span()
        out.append(line[last : a + 1] + _MASK_CHAR * (b - a - 2))
        last = b - 1
    out.append(line[last:])
    return "".join(out)


def _years(plain: str) -> list[tuple[int, int]]:
    """(position, year) of the years a line names as the period of what follows it."""
    found = []
    for m in _YEAR_RE.finditer(plain):
        if not _NOT_PERIOD_YEAR_RE.search(plain[max(0, m.start() - 7) : m.start()]):
            found.append((m.start(), int(m.group(1))))
    return found


# a standard set at a level ("城乡居民医保补助标准由每人每年670元提高到700元", "孤儿养育标准提高到
# 每人每月2200元"): the level it is to be, "=" (a sum granted is otherwise no target: _GRANT_RE)
_STANDARD_RE = re.compile(
    r"(?:^|(?<=[将把]))(?P<name>[^,;:。由将把]{2,30}?标准)(?:由[^,;:。]{0,24}?)?(?:统一|逐步)?"
    r"(?:提高|提升|上调|调整|增加|增长)(?:到|至|为)"
    r"(?:每(?:人|生|户)?(?:每)?(?:年|月|天|日)?)?(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>元|万元)"
    r"(?P<rate>/(?:人|户|生)?(?:年|月|天|日)?)?"
)


def _standard(clause: _Clause) -> dict | None:
    m = _STANDARD_RE.search(clause.plain)
    if not m or not re.search(r"[\u4e00-\u9fff]{2}", m["name"]):
        return None
    value = float(m["num"])
    return {
        "indicator": _clean(clause.text[m.start("name") : m.end("name")]),
        "comparator": "=",
        "value": _num(value),
        "unit": m["unit"] + (m["rate"] if m["rate"] and len(m["rate"]) > 1 else ""),
        "per": None,
        "year": clause.year_at(m.start("num")),
        "text": clause.text,
    }


def _read(text: str, mode: str) -> Iterator[dict]:
    for line in text.split("\n"):
        marker = _LINE_MARKER_RE.match(line)
        line = line[marker.end() :] if marker else line
        plain = _masked(line)
        years = _years(plain)
        carried: dict = {}
        for sm in _SENTENCE_RE.finditer(plain):
            # a list parted by ";" goes on with the verb of its first part: "其中,行政处罚137万宗;
            # 行政许可81万宗;行政强制2.8万宗" (a report's figures, not a plan's targets)
            verb = carried.get("verb") or carried.get("carried_verb")
            sentence: dict = {"carried_verb": verb} if verb else {}
            carried = sentence if plain[sm.end() : sm.end() + 1] in (";", "；") else {}
            for pm in _PIECE_RE.finditer(plain, sm.start(), sm.end()):
                a, b = pm.span()
                clause = _Clause(line[a:b], plain[a:b], a, years, sentence)
                sentence["figured"] = False
                standard = _standard(clause) if mode == "target" else None
                if standard:
                    yield standard
                else:
                    yield from _read_clause(clause, mode)
                sentence["prev"] = line[a:b]
                sentence["prev_figured"] = sentence["figured"]
                if not sentence["figured"]:
                    sentence["subject"] = line[a:b]  # the last clause naming without a figure


def _unique(records: Iterator[dict], keys: tuple[str, ...]) -> list[dict]:
    seen, out = set(), []
    for rec in records:
        rec.pop("_pos", None)
        key = tuple(rec[k] for k in keys)
        if rec["indicator"] and key not in seen:
            seen.add(key)
            out.append(rec)
    return out


def extract_targets(text: str, default_year: int | None = None) -> list[dict]:
    """Target dicts (docs/parse-output.md) of a plan text, in source order, each once.

    `default_year` is accepted for symmetry with the deadline parser and not used: a target's year
    comes only from the text (see the module docstring).
    """
    keys = ("indicator", "comparator", "value", "unit", "per", "year", "text")
    return _unique(_read(text, "target"), keys)


# the heading of a report's closing part on the work to come ("三、2024年工作打算", "四、下一步工作"):
# its figures are plans, not results
_COMING_PART_RE = re.compile(
    rf"^\s*(?:{CN_SMALL}+[、.]|[(（]{CN_SMALL}+[)）]|\d{{1,2}}[.、])?\s*"
    r"(?:(?:(?:19|20)\d{2}年度?|明年|下一?年度?|今后[^。;:]{0,6})[^。;:]{0,12}?(?:工作)?(?:打算|计划|安排|思路|谋划)"
    r"|下一步[^。;:]{0,12})\s*(?:[。:]|$)"
)


def _done_part(text: str) -> str:
    """A report's text before its part on the work to come."""
    return text[: len(text) - len(coming_part(text))]


def coming_part(text: str) -> str:
    """A report's part on the work to come ("三、2024年工作打算" and what follows), or ""."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if k and _COMING_PART_RE.match(line[:40]):
            return "\n".join(lines[k:])
    return ""


# a printed line's break inside a sentence (a PDF's paragraph wrapped at the page's width:
# "…资助金额" / "8729.9万元;…"): the sentence goes on; a short line (a heading) or one closing a
# sentence ends there, as does a line before an outline number
_WRAPPED_LINE_RE = re.compile(
    r"(?<=[^\n。;；!！?？:：]{25})\n(?!\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]{1,3}[)）]"
    rf"|\d{{1,3}}[.、．](?!\d)|第[一二三四五六七八九十]+[章节部分条]|{ORDINAL_CLAUSE}))"
)


def extract_achievements(text: str, year: int | None) -> list[dict]:
    """Achievement dicts (indicator, value, unit, year, text) of a report, in source order; its
    part on the coming year's work ("三、2024年工作打算") holds plans, not results."""
    text = _WRAPPED_LINE_RE.sub("", _done_part(text))
    recs = _unique(_read(text, "achievement"), ("indicator", "value", "unit", "year", "text"))
    return [
        {
            "indicator": r["indicator"],
            "value": r["value"],
            "unit": r["unit"],
            "year": year if r["year"] is None else r["year"],
            "text": r["text"],
        }
        for r in recs
    ]
