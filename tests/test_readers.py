"""Reading files: encodings, Word, PDF, web pages, and a clear reason for every failure."""

from __future__ import annotations

import codecs

import pytest

from govreports.corpus.readers import ReadError, decode_bytes, read_file

SENTENCE = "全镇生产总值预计增长8.5%左右；财政总收入增长10%左右。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8-sig"),
        (SENTENCE.encode("gb18030"), "gb18030"),
        (SENTENCE.encode("gbk"), "gb18030"),
        (SENTENCE.encode("utf-16"), "utf-16"),  # with BOM
        (SENTENCE.encode("utf-16-le"), "utf-16-le"),
        (SENTENCE.encode("utf-16-be"), "utf-16-be"),
        (("索引号: 001008006002071/2020-144703\n" + SENTENCE).encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_decode_bytes_detects_encoding(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert SENTENCE in text
    assert found == encoding
    assert not text.startswith("\ufeff")


def test_binary_and_undecodable_bytes_have_reasons() -> None:
    with pytest.raises(ReadError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    with pytest.raises(ReadError, match="undecodable"):
        decode_bytes(b"\x81\x20\xff\xfe\x80" * 30)


def test_read_docx_paragraphs_and_tables(tmp_path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("店口镇2020年度政府工作报告")
    document.add_paragraph("一、2019年工作回顾")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "财政总收入"
    table.rows[0].cells[1].text = "6.6亿元"
    document.add_paragraph(SENTENCE)
    path = tmp_path / "report.docx"
    document.save(path)
    raw = read_file(path)
    assert raw.format == "docx"
    assert raw.text.split("\n") == ["店口镇2020年度政府工作报告", "一、2019年工作回顾", "财政总收入\t6.6亿元", SENTENCE]


def _pdf(path, text: str | None) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from govreports.viz import style as figures

    figures.use_style()
    fig = plt.figure(figsize=(6, 2))
    if text is None:
        fig.figimage(np.random.default_rng(0).random((40, 40)))
    else:
        fig.text(0.05, 0.5, text)
    fig.savefig(path)
    plt.close(fig)


def test_read_pdf_text_layer(tmp_path) -> None:
    path = tmp_path / "report.pdf"
    _pdf(path, "店口镇2020年度政府工作报告\n" + SENTENCE)
    raw = read_file(path)
    assert raw.format == "pdf"
    assert "店口镇2020年度政府工作报告" in raw.text
    assert SENTENCE in raw.text


def test_pdf_without_text_layer_says_so(tmp_path) -> None:
    path = tmp_path / "scan.pdf"
    _pdf(path, None)
    with pytest.raises(ReadError, match="no text layer"):
        read_file(path)


def test_read_html_drops_scripts_and_keeps_blocks(tmp_path) -> None:
    page = (
        '<html><head><meta charset="gb2312"><title>t</title><style>p{color:red}</style></head><body>'
        "<nav>首页 > 政府信息公开</nav><script>var visits=1;</script>"
        "<h1>店口镇2020年度政府工作报告</h1><p>一、2019年工作回顾</p><p>" + SENTENCE + "</p>"
        "<footer>主办单位：店口镇人民政府</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gb18030"))
    raw = read_file(path)
    lines = [line.strip() for line in raw.text.split("\n") if line.strip()]
    assert lines == ["店口镇2020年度政府工作报告", "一、2019年工作回顾", SENTENCE]
    assert raw.encoding == "gb18030"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\r\n ", "empty file"),
        ("report.doc", b"\xd0\xcf\x11\xe0", "old Word .doc"),
        ("table.xlsx", b"PK\x03\x04", "not read"),
        ("broken.docx", b"this is not a zip", "not a readable .docx"),
        ("broken.pdf", b"%PDF-1.4 garbage", "PDF"),
    ],
)
def test_unreadable_files_name_the_reason(tmp_path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError, match=reason):
        read_file(path)
