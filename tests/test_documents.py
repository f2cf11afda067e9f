"""Splitting files into documents and reading their metadata (标题、文号、发文机关、日期、年度)."""

from loaders.plans.documents import metadata_fields, split_documents, title_from_heading, years_of

GAZETTE = """某某县人民政府公报
目录
关于印发《某某县2021年法治政府建设工作要点》的通知
(某法办发〔2021〕3号).....2

某某县人民政府办公室关于印发《某某县2021年法治政府建设工作要点》的通知

某法办发〔2021〕3号

各乡镇人民政府:
现将《某某县2021年法治政府建设工作要点》印发给你们,请认真贯彻落实。
某某县人民政府办公室
2021年3月2日
某某县2021年法治政府建设工作要点
一、依法全面履行政府职能
(一)加强权责清单管理。(司法局牵头,各有关部门配合)

关于印发《某某县行政执法监督办法》
的通知

某法办发〔2021〕5 号

第一条 为了加强行政执法监督,制定本办法。
"""


def test_gazette_is_split_at_each_doc_number_line():
    docs = split_documents(GAZETTE.split("\n"))
    assert [d.doc_number for d in docs] == ["某法办发〔2021〕3号", "某法办发〔2021〕5号"]
    assert [d.title for d in docs] == ["某某县2021年法治政府建设工作要点", "某某县行政执法监督办法"]
    assert docs[0].issuer == "某某县人民政府办公室"
    assert docs[0].issued_on == "2021-03-02"
    assert docs[0].years == [2021]
    assert docs[1].lines[-2] == "第一条 为了加强行政执法监督,制定本办法。"


def test_single_page_document_metadata_from_page_block():
    text = """首页>政府信息公开
索引号 1164/2022-00172 文号 某政办发〔2022〕48号
发布日期 2022-09-26
某县人民政府办公室关于印发某县法治政府建设实施方案(2022—2025年)的通知
各镇人民政府:
某县人民政府办公室
二〇二二年九月十八日
某县法治政府建设实施方案(2022—2025年)
"""
    (doc,) = split_documents(text.split("\n"))
    assert doc.doc_number == "某政办发〔2022〕48号"
    assert doc.title == "某县法治政府建设实施方案(2022—2025年)"
    assert doc.issuer == "某县人民政府办公室"
    assert doc.issued_on == "2022-09-18"
    assert doc.years == [2022, 2023, 2024, 2025]


def test_title_without_notice_is_guessed_from_title_words():
    text = (
        "某县人民政府\n关于2019年度法治政府建设工作情况的报告\n某府〔2020〕9号\n市政府:\n2019年,…"
    )
    (doc,) = split_documents(text.split("\n"))
    assert doc.title == "某县人民政府关于2019年度法治政府建设工作情况的报告"
    assert doc.years == [2019]
    assert doc.doc_number == "某府〔2020〕9号"


def test_years_of_titles():
    assert years_of("行动计划(2023—2024年)") == [2023, 2024]
    assert years_of("行动计划(20232024年)") == [2023, 2024]
    assert years_of("规划(2021-2025年)") == [2021, 2022, 2023, 2024, 2025]
    assert years_of("某县2020年工作要点") == [2020]
    assert years_of("2016年到2020年某市法治政府建设规划") == [2016, 2017, 2018, 2019, 2020]
    assert years_of("工作要点") == []


def test_title_from_heading():
    assert title_from_heading("某办公室关于印发《某方案》的通知") == "某方案"
    assert title_from_heading("某办公室关于印发某县某方案的通知") == "某县某方案"
    assert title_from_heading("某办公室 印发《关于压实责任 持续推动") == "关于压实责任 持续推动"


def test_attachment_with_table_becomes_its_own_document():
    lines = [
        "某方案",
        "一、总体要求",
        "正文。",
        "附件:2020年某县任务分解表",
        "2020年某县任务分解表",
        "任务分类\t主要任务\t具体措施\t责任单位\t完成时限",
        "一、职能\t1. 审批。\t(1) 公布清单。\t司法局牵头\t6月底前",
        "\t\t(2) 取消审批。\t司法局牵头\t6月底前",
    ]
    docs = split_documents(lines)
    assert [d.title for d in docs] == ["某方案", "2020年某县任务分解表"]
    assert docs[1].years == [2020]
    assert docs[0].lines == lines[:3]


def test_a_metadata_block_run_onto_one_line_gives_its_fields():
    line = (
        "索引号: 11310120MB2F/2024-00012发文机关: 某区发展和改革委员会标题: 某区促进产教融合"
        "实施方案(2024-2026年)发文字号: 某发改规〔2024〕1号成文日期: 2024年2月2日"
    )
    assert metadata_fields([line]) == {
        "issuer": "某区发展和改革委员会",
        "title": "某区促进产教融合实施方案(2024-2026年)",
        "doc_number": "某发改规〔2024〕1号",
        "date": "2024年2月2日",
    }
