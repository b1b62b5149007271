"""A minimal text-only PDF writer (A4, Helvetica, WinAnsi) for erasure certificates.

Certificates are a page of plain text; a dependency for that is not worth it, and the output
is read back with pypdf in the tests. Characters outside Windows-1252 become '?'.
"""

from __future__ import annotations

import textwrap

PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN = 56
LINE = 14
WRAP = 90


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _pages(lines: list[tuple[str, bool]]) -> list[list[tuple[str, bool]]]:
    per_page = (PAGE_H - 2 * MARGIN) // LINE
    wrapped: list[tuple[str, bool]] = []
    for text, bold in lines:
        parts = textwrap.wrap(text, WRAP) or [""]
        wrapped += [(p, bold) for p in parts]
    return [wrapped[i : i + per_page] for i in range(0, len(wrapped), per_page)] or [[]]


def text_pdf(lines: list[tuple[str, bool]], title: str = "") -> bytes:
    """A PDF of ``lines`` (text, bold?), wrapped and paginated."""
    objects: list[bytes] = []
    pages = _pages(lines)
    # 1 catalog, 2 pages, 3 font, 4 bold font, 5 info, then (content, page) per page
    first = 6
    kids = " ".join(f"{first + 2 * i + 1} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for name in ("Helvetica", "Helvetica-Bold"):
        objects.append(
            f"<< /Type /Font /Subtype /Type1 /BaseFont /{name} "
            f"/Encoding /WinAnsiEncoding >>".encode()
        )
    objects.append(b"<< /Title (" + _escape(title) + b") /Producer (BoWebb Console) >>")
    for i, page in enumerate(pages):
        stream = [b"BT", f"{LINE} TL".encode(), f"{MARGIN} {PAGE_H - MARGIN} Td".encode()]
        for text, bold in page:
            stream.append(f"/{'F2' if bold else 'F1'} 10 Tf".encode())
            stream.append(b"(" + _escape(text) + b") Tj T*")
        stream.append(b"ET")
        body = b"\n".join(stream)
        objects.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
            f"/Contents {first + 2 * i} 0 R >>".encode()
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 5 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)
