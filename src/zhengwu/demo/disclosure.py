"""Demo disclosure catalogs (part of ``zhengwu:demo``): one catalog per
department under 政府信息公开, a few dozen realistic items across topics and
genres, one repealed document with its successor, and a policy
interpretation. Items go online through the real three-level review."""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from z3c.relationfield import RelationValue
from zhengwu import clock
from zhengwu.demo.publishing import publish
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified


CATALOGS = (
    # catalog id, department, title
    ("szf", "bgs", "示例市人民政府信息公开目录"),
    ("fgw", "fgw", "示例市发展和改革委员会信息公开目录"),
    ("czj", "czj", "示例市财政局信息公开目录"),
    ("jyj", "jyj", "示例市教育局信息公开目录"),
    ("wjw", "wjw", "示例市卫生健康委员会信息公开目录"),
)

# Administrative normative documents (行政规范性文件) among the items: the
# annual report counts those issued, repealed and in force.
NORMATIVE = dict.fromkeys(("yshj-ssyj", "yjya-2020", "yjya-2026", "zxzj-gl", "xq-hf"), "normative")

# catalog, id, title, document number, written date, topic, genre, keywords, summary
ITEMS = (
    (
        "szf",
        "zfgzbg-2026",
        "2026年示例市人民政府工作报告",
        "",
        date(2026, 1, 20),
        "0201",
        "report",
        ("政府工作报告",),
        "回顾2025年工作，部署2026年重点任务。",
    ),
    (
        "szf",
        "yshj-ssyj",
        "示例市人民政府关于进一步优化营商环境的实施意见",
        "示政发〔2026〕3号",
        date(2026, 2, 18),
        "0301",
        "opinion",
        ("营商环境",),
        "从市场准入、政务服务、要素保障等方面提出二十条措施。",
    ),
    (
        "szf",
        "yshj-jd",
        "《关于进一步优化营商环境的实施意见》政策解读",
        "",
        date(2026, 2, 20),
        "0301",
        "other",
        ("政策解读", "营商环境"),
        "解读实施意见的出台背景、主要内容和创新举措。",
    ),
    (
        "szf",
        "zwgk-yd",
        "示例市2026年政务公开工作要点",
        "示政办发〔2026〕5号",
        date(2026, 3, 10),
        "0201",
        "notice",
        ("政务公开",),
        "明确全年政务公开重点任务和责任分工。",
    ),
    (
        "szf",
        "yjya-2020",
        "示例市突发事件总体应急预案（2020年版）",
        "示政发〔2020〕11号",
        date(2020, 6, 1),
        "0203",
        "notice",
        ("应急预案",),
        "规定全市突发事件应对的组织体系和运行机制。",
    ),
    (
        "szf",
        "yjya-2026",
        "示例市突发事件总体应急预案（2026年修订）",
        "示政发〔2026〕9号",
        date(2026, 5, 12),
        "0203",
        "notice",
        ("应急预案",),
        "根据新的应急管理体制修订总体应急预案。",
    ),
    (
        "szf",
        "fzgfxwj",
        "示例市人民政府关于废止部分规范性文件的决定",
        "示政发〔2026〕12号",
        date(2026, 6, 30),
        "0201",
        "decision",
        ("规范性文件", "清理"),
        "决定废止已不适应改革发展要求的规范性文件8件。",
    ),
    (
        "szf",
        "zsgz-tg",
        "示例市人民政府关于2026年征兵工作的通告",
        "示政通〔2026〕2号",
        date(2026, 7, 15),
        "2102",
        "public_notice",
        ("征兵",),
        "公布2026年征兵对象、条件和报名时间。",
    ),
    (
        "szf",
        "fxjz-2026",
        "示例市防汛抗旱工作情况通报",
        "示政办函〔2026〕21号",
        date(2026, 9, 3),
        "0603",
        "bulletin",
        ("防汛",),
        "通报今年汛期工作情况和下一步安排。",
    ),
    (
        "szf",
        "hy-jy-2026",
        "市政府第十五次常务会议纪要",
        "示政纪〔2026〕15号",
        date(2026, 10, 9),
        "0201",
        "minutes",
        ("常务会议",),
        "研究城市更新、养老服务等事项。",
    ),
    (
        "fgw",
        "jjsh-jh",
        "示例市2026年国民经济和社会发展计划",
        "",
        date(2026, 1, 25),
        "0301",
        "report",
        ("发展计划",),
        "提出2026年经济社会发展主要预期目标。",
    ),
    (
        "fgw",
        "zdxm-2026",
        "示例市2026年重大建设项目清单",
        "示发改投资〔2026〕8号",
        date(2026, 3, 2),
        "0306",
        "notice",
        ("重大项目",),
        "公布2026年市级重大建设项目120个。",
    ),
    (
        "fgw",
        "jgjc-2026",
        "示例市居民用水价格调整听证结果公告",
        "示发改价格〔2026〕3号",
        date(2026, 4, 8),
        "0304",
        "announcement",
        ("水价", "听证"),
        "公布居民用水阶梯价格调整方案听证结果。",
    ),
    (
        "fgw",
        "xyjs-2026",
        "示例市社会信用体系建设2026年工作要点",
        "示发改财金〔2026〕12号",
        date(2026, 4, 28),
        "0407",
        "notice",
        ("信用",),
        "推进信用信息共享和守信激励失信惩戒。",
    ),
    (
        "fgw",
        "nyfz-pf",
        "关于示例市光伏发电项目核准的批复",
        "示发改能源〔2026〕19号",
        date(2026, 8, 16),
        "0507",
        "reply",
        ("光伏", "核准"),
        "同意核准示例市50兆瓦光伏发电项目。",
    ),
    (
        "czj",
        "ys-2026",
        "示例市2026年财政预算",
        "",
        date(2026, 1, 28),
        "0401",
        "report",
        ("预算",),
        "经市人民代表大会批准的2026年市级财政预算。",
    ),
    (
        "czj",
        "js-2025",
        "示例市2025年财政决算",
        "",
        date(2026, 7, 30),
        "0401",
        "report",
        ("决算",),
        "经市人大常委会批准的2025年市级财政决算。",
    ),
    (
        "czj",
        "zfcg-2026",
        "示例市2026年政府集中采购目录及标准",
        "示财采〔2026〕1号",
        date(2026, 1, 5),
        "0401",
        "notice",
        ("政府采购",),
        "公布2026年政府集中采购目录和采购限额标准。",
    ),
    (
        "czj",
        "sgjf-2026",
        "示例市市级部门2026年“三公”经费预算情况说明",
        "",
        date(2026, 2, 10),
        "0401",
        "other",
        ("三公经费",),
        "说明市级部门因公出国（境）费、公务用车费和公务接待费预算。",
    ),
    (
        "czj",
        "zxzj-gl",
        "示例市市级财政专项资金管理办法",
        "示财预〔2026〕6号",
        date(2026, 5, 20),
        "0401",
        "notice",
        ("专项资金",),
        "规范专项资金设立、分配、使用和绩效管理。",
    ),
    (
        "czj",
        "sjjd-gg",
        "示例市2025年度市级预算执行审计查出问题整改情况",
        "",
        date(2026, 10, 20),
        "0408",
        "report",
        ("审计整改",),
        "报告审计查出问题的整改进展。",
    ),
    (
        "jyj",
        "zk-2026",
        "示例市2026年初中学业水平考试和高中招生工作意见",
        "示教发〔2026〕4号",
        date(2026, 3, 15),
        "1102",
        "opinion",
        ("中考", "招生"),
        "明确中考科目、录取办法和招生计划。",
    ),
    (
        "jyj",
        "xq-hf",
        "示例市2026年义务教育学校招生学区划分方案",
        "示教发〔2026〕7号",
        date(2026, 5, 6),
        "1102",
        "notice",
        ("学区", "招生"),
        "公布各义务教育学校招生范围。",
    ),
    (
        "jyj",
        "xqjy-fz",
        "关于推进学前教育普及普惠安全优质发展的意见",
        "示教发〔2026〕10号",
        date(2026, 6, 18),
        "1102",
        "opinion",
        ("学前教育",),
        "扩大普惠性学前教育资源供给。",
    ),
    (
        "jyj",
        "jszg-gg",
        "示例市2026年秋季中小学教师资格认定公告",
        "示教通〔2026〕3号",
        date(2026, 8, 25),
        "1102",
        "announcement",
        ("教师资格",),
        "公布教师资格认定条件、时间和流程。",
    ),
    (
        "wjw",
        "ylbz-tz",
        "关于做好2026年秋冬季传染病防控工作的通知",
        "示卫健发〔2026〕22号",
        date(2026, 10, 12),
        "1301",
        "notice",
        ("传染病防控",),
        "部署流感等呼吸道传染病防控工作。",
    ),
    (
        "wjw",
        "jcyl-fa",
        "示例市紧密型县域医共体建设实施方案",
        "示卫健发〔2026〕9号",
        date(2026, 4, 16),
        "1301",
        "notice",
        ("医共体",),
        "推进县域医疗卫生资源整合。",
    ),
    (
        "wjw",
        "wsjk-tjgb",
        "2025年示例市卫生健康事业发展统计公报",
        "",
        date(2026, 6, 5),
        "1301",
        "communique",
        ("统计公报",),
        "公布全市医疗卫生资源和服务情况。",
    ),
    (
        "wjw",
        "yyfw-hf",
        "关于同意设立示例市第三人民医院的批复",
        "示卫健函〔2026〕31号",
        date(2026, 9, 22),
        "1301",
        "reply",
        ("医疗机构",),
        "同意设立三级综合医院一所。",
    ),
    (
        "wjw",
        "tyjs-sx",
        "示例市全民健身实施计划（2026—2030年）",
        "示卫健发〔2026〕14号",
        date(2026, 7, 1),
        "1303",
        "notice",
        ("全民健身",),
        "提出到2030年全民健身主要目标和任务。",
    ),
)


def _published(written):
    """Two days after ``written`` at 10:00 China time, or now if that is
    later than the product's clock or the machine's (the catalog hides from
    visitors what takes effect after the machine's clock)."""
    day = datetime.combine(written + timedelta(days=2), time(10, 0), clock.CHINA)
    now = min(clock.now(), datetime.now(clock.CHINA)).replace(second=0, microsecond=0)
    return DateTime(min(day, now).isoformat())


def create(root, departments):
    """Catalogs and items; idempotent."""
    section = root["xxgk"]
    intids = getUtility(IIntIds)
    for catalog_id, dept_id, title in CATALOGS:
        if catalog_id not in section:
            catalog = api.content.create(
                container=section,
                type="DisclosureCatalog",
                id=catalog_id,
                title=title,
                organ=departments[dept_id].UID(),
                column_type="policy",
            )
            publish(catalog)
    for catalog_id, item_id, title, number, written, topic, genre, keywords, summary in ITEMS:
        catalog = section[catalog_id]
        if item_id not in catalog:
            item = api.content.create(
                container=catalog,
                type="DisclosureItem",
                id=item_id,
                title=title,
                description=summary,
                document_number=number or None,
                written_date=written,
                topic=topic,
                genre=genre,
                subject=keywords,
                text=RichTextValue(
                    f"<p>{summary}</p><p>（示例内容）</p>", "text/html", "text/x-html-safe"
                ),
            )
            if item_id == "yjya-2020":
                item.validity = "repealed"
                item.validity_date = date(2026, 5, 12)
            item.document_kind = NORMATIVE.get(item_id)
            # Published two days after it was written (never later than now),
            # so the portal's lists show documents of different days.
            item.setEffectiveDate(_published(written))
            # Created on the day it is dated: the pre-publish checks refuse
            # a publication date before the creation day.
            item.creation_date = item.effective_date
            item.reindexObject(idxs=["created", "effective", "effectiveRange"])
    # Relations before publication: the successor and the interpretation.
    section_szf = section["szf"]
    old, new = section_szf["yjya-2020"], section_szf["yjya-2026"]
    if old.superseded_by is None:
        old.superseded_by = RelationValue(intids.getId(new))
        modified(old)
    opinion, reading = section_szf["yshj-ssyj"], section_szf["yshj-jd"]
    if not opinion.interpretations:
        opinion.interpretations = [RelationValue(intids.getId(reading))]
        modified(opinion)
    for catalog_id, item_id, *_rest in ITEMS:
        publish(section[catalog_id][item_id])
