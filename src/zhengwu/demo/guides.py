"""Demo service guides (part of ``zhengwu:demo``): a dozen realistic guides
of five departments under 办事服务, across life and business events, with
blank forms to download. They go online through the real three reviews."""

from datetime import date
from plone import api
from plone.namedfile.file import NamedBlobFile
from zhengwu.demo.publishing import publish
from zhengwu.guides.guide import Material
from zhengwu.guides.guide import ProcessStep


HALL = "示例市政务服务中心（示例市人民大道100号）一楼综合受理窗口"
HOURS = "周一至周五 上午9:00-12:00，下午13:30-17:00（法定节假日除外）"
FREE = "不收费"

# A one-page PDF: the blank forms of the demo.
BLANK_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
    b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
    b"4 0 obj<</Length 44>>stream\nBT /F1 18 Tf 72 760 Td (Blank form) Tj ET\nendstream endobj\n"
    b"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

# id, department, item name, code, type, objects, themes, legal basis, conditions,
# materials (name, originals, copies, format, required, source, form file name),
# steps, statutory days, promised days, fee, visits, online
GUIDES = (
    (
        "hkqr",
        "gaj",
        "户口迁入登记（投靠类）",
        "11999900MB00000404000110001",
        "administrative_confirmation",
        ["natural_person"],
        ["household_registration"],
        "《中华人民共和国户口登记条例》第十条",
        "夫妻投靠、父母投靠子女、子女投靠父母，且被投靠人具有本市常住户口。",
        (
            ("户口迁入申请表", 1, 0, "paper", True, "申请人填写", "户口迁入申请表.pdf"),
            ("居民户口簿", 1, 0, "paper", True, "公安机关核发", None),
            ("居民身份证", 1, 1, "paper", True, "公安机关核发", None),
            (
                "亲属关系证明（结婚证或出生医学证明）",
                1,
                1,
                "paper",
                True,
                "民政或卫健部门核发",
                None,
            ),
        ),
        (
            ("申请", "申请人到户籍窗口或通过“示例市民”APP提交申请。"),
            ("受理", "材料齐全的当场受理，不齐全的一次性告知补正。"),
            ("审核", "派出所审核并签署意见。"),
            ("办结", "准予迁入的，签发准予迁入证明或直接办理落户。"),
        ),
        20,
        5,
        FREE,
        1,
        "https://zwfw.example.gov.cn/gaj/hkqr",
    ),
    (
        "sfzhl",
        "gaj",
        "居民身份证换领",
        "11999900MB00000404000110002",
        "administrative_license",
        ["natural_person"],
        ["certificates", "household_registration"],
        "《中华人民共和国居民身份证法》第十一条",
        "居民身份证有效期满、登记内容变更或严重损坏不能辨认的。",
        (
            ("原居民身份证", 1, 0, "paper", True, "公安机关核发", None),
            ("居民户口簿", 1, 0, "paper", False, "公安机关核发", None),
        ),
        (
            ("现场采集", "到任一户籍窗口采集人像和指纹。"),
            ("缴费", "按标准缴纳工本费。"),
            ("领取", "制证完成后到窗口领取或选择邮寄送达。"),
        ),
        60,
        15,
        "工本费每证20元（《财政部 国家发展改革委关于居民身份证收费标准及有关问题的通知》）",
        1,
        None,
    ),
    (
        "crjtxz",
        "gaj",
        "普通护照签发",
        "11999900MB00000404000110003",
        "administrative_license",
        ["natural_person"],
        ["exit_entry", "certificates"],
        "《中华人民共和国护照法》第五条",
        "具有本市户籍的中国公民；非本市户籍的，按全国通办规定办理。",
        (
            ("中国公民出入境证件申请表", 1, 0, "paper", True, "现场填写", "出入境证件申请表.pdf"),
            ("居民身份证", 1, 0, "paper", True, "公安机关核发", None),
        ),
        (
            ("预约", "通过“移民局”APP或网站预约。"),
            ("申请", "现场采集指纹和照片，提交材料。"),
            ("领取", "7个工作日内制证，可选择邮寄。"),
        ),
        15,
        7,
        "护照每本120元",
        1,
        "https://zwfw.example.gov.cn/gaj/hz",
    ),
    (
        "ywjyrx",
        "jyj",
        "义务教育阶段新生入学登记",
        "11999900MB00000300000210001",
        "public_service",
        ["natural_person"],
        ["education"],
        "《中华人民共和国义务教育法》第十二条",
        "年满6周岁的适龄儿童，户籍或居住证在本学区。",
        (
            ("居民户口簿", 1, 1, "both", True, "公安机关核发", None),
            ("房屋产权证明或租赁备案证明", 1, 1, "both", True, "不动产登记机构", None),
            ("预防接种证查验证明", 1, 0, "paper", True, "接种单位", None),
        ),
        (
            ("网上登记", "每年5月在示例市义务教育入学平台登记。"),
            ("审核", "学校和教育局联合审核材料。"),
            ("公布结果", "7月上旬公布录取结果。"),
        ),
        40,
        30,
        FREE,
        0,
        "https://zwfw.example.gov.cn/jyj/rx",
    ),
    (
        "jszgrd",
        "jyj",
        "教师资格认定",
        "11999900MB00000300000210002",
        "administrative_license",
        ["natural_person"],
        ["professional_qualifications", "employment"],
        "《中华人民共和国教师法》第十三条；《教师资格条例》",
        "取得教师资格考试合格证明，普通话水平达到二级乙等以上，体检合格。",
        (
            ("教师资格认定申请表", 1, 0, "paper", True, "网上生成后打印", "教师资格认定申请表.pdf"),
            ("体检表", 1, 0, "paper", True, "指定医院", None),
            ("普通话水平测试等级证书", 0, 1, "electronic", True, "语言文字部门", None),
        ),
        (
            ("网上申报", "在中国教师资格网提交申请。"),
            ("现场确认", "到认定机构确认材料。"),
            ("认定", "认定机构审核后颁发证书。"),
        ),
        30,
        20,
        FREE,
        1,
        "https://www.jszg.edu.cn",
    ),
    (
        "sydj",
        "wjw",
        "生育登记服务",
        "11999900MB00000600000310001",
        "public_service",
        ["natural_person"],
        ["birth_adoption"],
        "《中华人民共和国人口与计划生育法》",
        "夫妻一方户籍在本市，或在本市持有居住证。",
        (("夫妻双方居民身份证", 1, 0, "electronic", True, "公安机关核发", None),),
        (
            ("网上申请", "通过“示例市民”APP填写生育登记信息。"),
            ("即时办结", "信息核验通过后即时生成生育服务登记。"),
        ),
        1,
        0,
        FREE,
        0,
        "https://zwfw.example.gov.cn/wjw/sydj",
    ),
    (
        "csyxzm",
        "wjw",
        "出生医学证明首次签发",
        "11999900MB00000600000310002",
        "administrative_confirmation",
        ["natural_person"],
        ["birth_adoption", "certificates"],
        "《中华人民共和国母婴保健法》第二十三条",
        "在本市依法设置助产技术服务的医疗保健机构内出生的新生儿。",
        (
            (
                "出生医学证明首次签发登记表",
                1,
                0,
                "paper",
                True,
                "助产机构提供",
                "出生医学证明登记表.pdf",
            ),
            ("父母双方居民身份证", 1, 1, "paper", True, "公安机关核发", None),
        ),
        (
            ("登记", "新生儿父母在出生医院填写登记表。"),
            ("签发", "医院核对信息后签发出生医学证明。"),
        ),
        5,
        1,
        FREE,
        1,
        None,
    ),
    (
        "yszczc",
        "wjw",
        "医师执业注册",
        "11999900MB00000600000310003",
        "administrative_license",
        ["natural_person"],
        ["professional_qualifications", "healthcare"],
        "《中华人民共和国医师法》第十三条",
        "取得医师资格，经拟执业医疗机构同意。",
        (
            ("医师执业注册申请审核表", 1, 0, "paper", True, "申请人填写", None),
            ("医师资格证书", 1, 1, "paper", True, "卫生健康部门核发", None),
            ("拟执业机构聘用证明", 1, 0, "paper", True, "医疗机构出具", None),
        ),
        (
            ("网上申请", "在电子化注册系统提交申请。"),
            ("审核", "卫生健康委审核。"),
            ("发证", "准予注册的发放电子证照。"),
        ),
        20,
        10,
        FREE,
        0,
        "https://zwfw.example.gov.cn/wjw/yszc",
    ),
    (
        "tzxmba",
        "fgw",
        "企业投资项目备案",
        "11999900MB00000200000410001",
        "other_power",
        ["legal_person"],
        ["investment_approval"],
        "《企业投资项目核准和备案管理条例》第十三条",
        "不属于《政府核准的投资项目目录》范围的企业投资项目。",
        (("项目备案信息表", 0, 0, "electronic", True, "在线平台填报", None),),
        (
            ("在线填报", "登录投资项目在线审批监管平台填报项目信息。"),
            ("即时备案", "信息完整的即时生成备案证明。"),
        ),
        1,
        0,
        FREE,
        0,
        "https://tzxm.example.gov.cn",
    ),
    (
        "qysldj",
        "fgw",
        "企业开办一件事",
        "11999900MB00000200000410002",
        "public_service",
        ["legal_person"],
        ["business_start", "establishment_change"],
        "《中华人民共和国市场主体登记管理条例》；《国务院办公厅关于进一步优化企业开办服务的通知》",
        "在本市新设立的有限责任公司、个人独资企业和合伙企业。",
        (
            ("企业开办一件事申请表", 1, 0, "both", True, "在线生成", "企业开办申请表.pdf"),
            ("公司章程", 1, 0, "both", True, "申请人自备", None),
            ("住所使用证明", 0, 1, "both", True, "申请人自备", None),
            ("股东、法定代表人身份证明", 0, 1, "electronic", True, "公安机关核发", None),
        ),
        (
            ("一网申报", "在企业开办“一网通办”平台一次填报营业执照、公章、发票和社保登记信息。"),
            ("并联审批", "市场监管、公安、税务、人社部门同步办理。"),
            ("一次领取", "营业执照、印章、发票一次领取或免费邮寄。"),
        ),
        3,
        1,
        "不收费（首套印章由政府购买服务）",
        0,
        "https://zwfw.example.gov.cn/qykb",
    ),
    (
        "dljzxk",
        "czj",
        "代理记账机构执业许可",
        "11999900MB00000500000510001",
        "administrative_license",
        ["legal_person"],
        ["operating_permits", "tax_finance"],
        "《中华人民共和国会计法》第三十六条；《代理记账管理办法》",
        "为依法设立的企业；专职从业人员不少于3名；主管代理记账业务的负责人具有会计师以上职称。",
        (
            (
                "代理记账机构执业许可申请表",
                1,
                0,
                "paper",
                True,
                "申请人填写",
                "代理记账许可申请表.pdf",
            ),
            ("营业执照", 0, 1, "paper", True, "市场监管部门核发", None),
            ("专职从业人员身份证明和会计资格证明", 0, 1, "paper", True, "申请人自备", None),
            ("办公场所使用证明", 0, 1, "paper", True, "申请人自备", None),
        ),
        (
            ("申请", "通过网上或窗口提交申请材料。"),
            ("受理", "材料齐全的当场受理。"),
            ("审查", "财政局审查材料。"),
            ("决定", "符合条件的颁发代理记账许可证书。"),
        ),
        10,
        5,
        FREE,
        0,
        "https://zwfw.example.gov.cn/czj/dljz",
    ),
    (
        "syjsqj",
        "bgs",
        "失业保险金申领",
        "11999900MB00000100000610001",
        "administrative_payment",
        ["natural_person"],
        ["employment", "social_security"],
        "《失业保险条例》第十四条",
        "失业前用人单位和本人已缴纳失业保险费满一年，非因本人意愿中断就业，已办理失业登记。",
        (
            ("居民身份证或社会保障卡", 1, 0, "paper", True, "公安或人社部门核发", None),
            ("解除或终止劳动合同证明", 0, 1, "paper", True, "原用人单位出具", None),
        ),
        (
            ("申请", "通过“示例人社”APP或窗口提交申请。"),
            ("审核", "经办机构审核参保缴费和失业情况。"),
            ("发放", "按月发放至本人社会保障卡金融账户。"),
        ),
        10,
        3,
        FREE,
        0,
        "https://zwfw.example.gov.cn/rs/syj",
    ),
)


def create(root, departments):
    """The guides under 办事服务, whose default view is the guide index;
    idempotent."""
    section = root["bsfw"]
    if section.getLayout() != "service-guide-index":
        section.setLayout("service-guide-index")
    for (
        guide_id,
        dept_id,
        name,
        code,
        item_type,
        objects,
        themes,
        basis,
        conditions,
        materials,
        steps,
        statutory,
        promised,
        fee,
        visits,
        online,
    ) in GUIDES:
        if guide_id in section:
            continue
        dept = departments[dept_id]
        guide = api.content.create(
            container=section,
            type="ServiceGuide",
            id=guide_id,
            item_name=name,
            item_code=code,
            item_type=item_type,
            implementing_agency=dept.UID(),
            service_object=objects,
            themes=themes,
            legal_basis=basis,
            conditions=conditions,
            materials=[_material(*row) for row in materials],
            process=[ProcessStep(title=t, description=d) for t, d in steps],
            statutory_limit_days=statutory,
            promised_limit_days=promised,
            fee=fee,
            fee_basis=None if fee == FREE else "见收费标准所列文件",
            location=HALL,
            office_hours=HOURS,
            consult_phone=dept.phone or "12345",
            complaint_phone="12345",
            online_url=online,
            visits_required=visits,
            faq="问：材料不齐可以先受理吗？\n答：对非关键材料实行容缺受理，申请人承诺在规定时间内补齐。",
            last_reviewed=date(2026, 11, 2),
        )
        publish(guide)


def _material(name, originals, copies, format, required, source, form_name):
    blank = NamedBlobFile(data=BLANK_PDF, filename=form_name) if form_name else None
    return Material(
        name=name,
        originals=originals,
        copies=copies,
        format=format,
        required=required,
        source=source,
        blank_form=blank,
    )
