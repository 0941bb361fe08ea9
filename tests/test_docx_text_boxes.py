"""A Word cover's title in a text box (as Word covers often are) gives the report its year and agency: text boxes
were skipped whole (``year_not_found``). Word stores a box twice — a shape and its VML fallback — and its title is
read once."""

from __future__ import annotations

import io
import zipfile

import pytest

from tests.factory import as_docx, tab_report
from xxgk.parser import parse
from xxgk.readers import read_bytes

TITLE = "海城市教育局2023年政府信息公开工作年度报告"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _box(content: str, fallback: bool) -> str:
    """A floating text box holding ``content`` (paragraphs) as Word writes it: a shape, and (``fallback``) its VML
    copy for older readers."""
    shape = (f"<w:drawing><wp:anchor xmlns:wp='{WP}'><a:graphic xmlns:a='{A}'><a:graphicData uri='{WPS}'>"
             f"<wps:wsp xmlns:wps='{WPS}'><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp>"
             "</a:graphicData></a:graphic></wp:anchor></w:drawing>")
    if not fallback:
        return f"<w:r>{shape}</w:r>"
    vml = ("<w:pict><v:shape xmlns:v='urn:schemas-microsoft-com:vml'><v:textbox>"
           f"<w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict>")
    return (f"<w:r><mc:AlternateContent xmlns:mc='{MC}'><mc:Choice Requires='wps'>{shape}</mc:Choice>"
            f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>")


def _cover_in_a_box(fallback: bool) -> bytes:
    source = io.BytesIO(as_docx(tab_report(agency="海城市教育局", year=2023)))
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "word/document.xml":
                title = f"<w:p><w:r><w:t>{TITLE}</w:t></w:r></w:p>"
                assert title.encode() in data
                data = data.replace(title.encode(), f"<w:p>{_box(title, fallback)}</w:p>".encode(), 1)
            new.writestr(item, data)
    return out.getvalue()


@pytest.mark.parametrize("fallback", [True, False], ids=["with VML fallback", "shape only"])
def test_a_cover_title_in_a_text_box_gives_the_year_and_agency(fallback):
    text = read_bytes(_cover_in_a_box(fallback), ".docx").parse_text
    record = parse(text)
    assert (record.agency, record.year) == ("海城市教育局", 2023)
    assert text.count(TITLE) == 1  # the shape and its fallback: one title
    assert not {"year_not_found", "agency_not_found"} & {f.code for f in record.findings}
