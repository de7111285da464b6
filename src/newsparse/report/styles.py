"""The inspect report's region colours and style sheets (no external resources)."""

from __future__ import annotations

__all__ = ["PAGE_CSS", "REGIONS", "REPORT_CSS"]

REGIONS: dict[str, tuple[str, str]] = {
    "root": ("main content root", "#455a64"),
    "block": ("body block", "#2e7d32"),
    "section": ("section heading", "#00838f"),
    "meta": ("metadata source", "#6a1b9a"),
    "takeaway": ("takeaway", "#ef6c00"),
    "comment": ("comment (↳ reply to its parent)", "#1565c0"),
    "ticker": ("ticker quote", "#ad1457"),
    "disclaimer": ("disclaimer", "#795548"),
    "dropped": ("dropped boilerplate (reason)", "#c62828"),
}
"""Region class (``np-<key>`` in the page view) -> (legend name, colour)."""

_REGION_RULES = "\n".join(
    f".np-{key}{{--np:{colour};outline:2px solid {colour};outline-offset:1px;"
    f"background-color:{colour}12}}"
    for key, (_name, colour) in REGIONS.items()
)

PAGE_CSS = (
    "html{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#222;"
    "background:#fff}body{margin:12px 16px;max-width:980px}"
    "img,span[title^='image']{color:#777}table{border-collapse:collapse}"
    "td,th{border:1px solid #ddd;padding:2px 6px}a{color:#0b57d0;text-decoration:underline}"
    "nav ul,header ul,footer ul{padding-left:18px}"
    ".np{display:block;margin:6px 0;padding:2px 4px}"
    "span.np,a.np,time.np,strong.np,em.np,b.np,i.np{display:inline-block}"
    ".np::before{content:attr(data-np-label);display:block;width:fit-content;max-width:100%;"
    "font:600 11px/1.3 system-ui,sans-serif;color:#fff;background:var(--np);"
    "padding:1px 5px;margin:0 0 2px;border-radius:3px;white-space:nowrap;overflow:hidden;"
    "text-overflow:ellipsis}"
    ".np-root{outline-style:dashed;background-color:transparent}"
    ".np-dropped{opacity:.75;text-decoration:line-through}"
    ".np-dropped::before{text-decoration:none}"
    ".np-head{border:1px dashed #6a1b9a;padding:6px 10px;margin-bottom:14px}"
    ".np-head-title{font-size:13px;margin:0 0 4px;color:#6a1b9a}"
    ".np-head .np{display:flex;gap:8px;align-items:baseline;margin:3px 0;white-space:nowrap;"
    "overflow:hidden;text-overflow:ellipsis;font-size:13px}"
    ".np-head .np::before{margin:0;flex:none}\n" + _REGION_RULES
)
"""The page view's style sheet: region outlines, tints and labels."""

_SWATCHES = "\n".join(
    f".sw-{key}{{background:{colour}}}" for key, (_name, colour) in REGIONS.items()
)

REPORT_CSS = (
    "html,body{margin:0;height:100%;font:14px/1.4 system-ui,-apple-system,'Segoe UI',"
    "sans-serif;color:#222}"
    ".layout{display:flex;height:100vh}"
    ".view{flex:1 1 auto;min-width:0;border-right:1px solid #ccc}"
    "iframe.page{width:100%;height:100%;border:0;display:block}"
    ".panel{flex:0 0 430px;overflow:auto;padding:10px 14px;background:#fafafa}"
    ".panel h1{font-size:18px;margin:0}.panel h2{font-size:15px;margin:14px 0 4px;"
    "border-bottom:1px solid #ddd}.panel h3{font-size:13px;margin:8px 0 2px}"
    ".page-title{margin:2px 0 6px;color:#555}"
    ".legend{list-style:none;padding:0;margin:0;display:grid;"
    "grid-template-columns:1fr 1fr;gap:2px 10px}"
    ".legend-item{display:flex;align-items:center;gap:6px;font-size:12px}"
    ".swatch{display:inline-block;width:14px;height:14px;border-radius:3px;flex:none}"
    ".count{color:#777}"
    ".fields{border-collapse:collapse;width:100%;font-size:12px}"
    ".fields th{text-align:left;vertical-align:top;padding:2px 6px 2px 0;white-space:nowrap}"
    ".fields td{padding:2px 0;word-break:break-word}.why{color:#6a1b9a;font-size:11px}"
    ".none{color:#999}.panel ol,.panel ul{padding-left:18px;font-size:12px}"
    ".panel code{display:block;color:#777;font-size:10px;word-break:break-all}\n" + _SWATCHES
)
"""The report's own style sheet: the layout, legend and Article panel."""
