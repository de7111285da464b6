# ruff: noqa: E501  (article paragraphs are kept one per line)
"""Legacy charsets: each page declared, undeclared and mis-declared decodes to its exact text.

Each case is a short news article in the language a charset is used for, encoded in
that charset. "Declared" pages say their charset in <meta> (or the transport says it);
"undeclared" pages say nothing; "mis-declared" pages say something the bytes contradict
(a template's "utf-8" or "iso-8859-1" over legacy bytes, KOI8-R labelled windows-1251,
a <meta> contradicting the BOM or the transport), as browsers meet them.
"""

from __future__ import annotations

import pytest

import newsparse
from newsparse.charset import decode_bytes

# charset (Python codec): (language, headline, paragraphs)
CASES: dict[str, tuple[str, str, list[str]]] = {
    "cp1251": (
        "ru",
        "Биткоин подорожал до 62 тысяч долларов",
        [
            "Курс биткоина во вторник вырос на 4,3% и впервые за месяц превысил отметку в 62 тысячи долларов. Аналитики связывают рост с притоком средств в биржевые фонды.",
            "По данным агрегатора CoinGecko, суточный объём торгов на крупнейших биржах увеличился почти вдвое. Эфир также подорожал — до 3400 долларов.",
            "«Рынок ждёт решения ФРС по ставке, и инвесторы заранее закладывают её снижение», — отметил аналитик одной из московских инвестиционных компаний.",
        ],
    ),
    "koi8_r": (
        "ru",
        "Центробанк ужесточил правила для криптобирж",
        [
            "Банк России подготовил законопроект, который обязывает криптовалютные биржи раскрывать сведения о своих владельцах и хранить резервы на счетах в российских банках.",
            "Документ вступит в силу с 1 января следующего года. Участники рынка считают, что новые требования приведут к уходу части небольших площадок.",
            "Представители отрасли уже направили в регулятор свои замечания и предложения, сообщает пресс-служба ассоциации.",
        ],
    ),
    "shift_jis": (
        "ja",
        "ビットコイン、一時900万円台を回復",
        [
            "暗号資産（仮想通貨）のビットコインは9日、国内の主要取引所で一時1BTC＝900万円台を回復した。米国の利下げ観測が強まり、リスク資産に資金が流入した。",
            "イーサリアムも前日比で5％近く上昇した。市場関係者は「現物ETFへの資金流入が続いており、需給は引き締まっている」と話している。",
            "一方で、規制強化への警戒感も根強く、相場の先行きは不透明だとの見方もある。",
        ],
    ),
    "euc_jp": (
        "ja",
        "金融庁、暗号資産の税制見直しを要望",
        [
            "金融庁は来年度の税制改正要望に、暗号資産の取引で得た利益を分離課税の対象とする案を盛り込んだ。現在は最大55％の総合課税となっている。",
            "業界団体は以前から税率の引き下げを求めており、今回の要望を歓迎している。与党の税制調査会で年末までに結論を出す見通しだ。",
        ],
    ),
    "gb18030": (
        "zh",
        "比特币价格重返六万美元上方",
        [
            "周二，比特币价格在亚洲交易时段上涨逾4%，重新站上6万美元关口。分析人士认为，美国通胀数据低于预期，提振了市场对美联储降息的押注。",
            "以太坊同步走高，报3400美元附近。数据显示，过去24小时全网爆仓金额超过3亿美元，其中空头占多数。",
            "不过，也有交易员提醒，短期内市场波动可能加剧，投资者应注意控制风险。",
        ],
    ),
    "big5": (
        "zh-TW",
        "比特幣價格重返六萬美元",
        [
            "週二，比特幣價格在亞洲交易時段上漲逾百分之四，重新站上六萬美元關口。分析師認為，美國通膨數據低於預期，提振了市場對聯準會降息的押注。",
            "以太坊同步走高，報三千四百美元附近。數據顯示，過去二十四小時全網爆倉金額超過三億美元。",
        ],
    ),
    "euc_kr": (
        "ko",
        "비트코인, 한 달 만에 8천만 원 회복",
        [
            "가상자산 대장주인 비트코인이 9일 국내 거래소에서 한 달 만에 8천만 원을 회복했다. 미국의 금리 인하 기대감이 커지면서 위험자산 선호 심리가 살아났다는 분석이다.",
            '이더리움도 전날보다 5% 가까이 올랐다. 업계 관계자는 "현물 ETF로 자금 유입이 이어지고 있다"며 "당분간 상승 흐름이 이어질 수 있다"고 말했다.',
        ],
    ),
    "iso8859_2": (
        "pl",
        "Kurs bitcoina przekroczył 250 tysięcy złotych",
        [
            "Bitcoin zdrożał we wtorek o ponad 4 proc. i po raz pierwszy od miesiąca kosztuje więcej niż 250 tys. zł. Analitycy wiążą wzrost z napływem środków do funduszy ETF.",
            "Według danych giełdowych dzienny wolumen obrotu na największych platformach wzrósł niemal dwukrotnie. Drożeje również ether, który zyskał 5 proc.",
            "Eksperci zwracają uwagę, że zmienność na rynku kryptowalut pozostaje wysoka, a inwestorzy powinni zachować ostrożność.",
        ],
    ),
    "cp1254": (
        "tr",
        "Bitcoin fiyatı yeniden 62 bin doların üzerine çıktı",
        [
            "Kripto para piyasasının lideri Bitcoin, salı günü yüzde 4'ün üzerinde değer kazanarak yeniden 62 bin doların üzerine çıktı. Analistler yükselişi borsa yatırım fonlarına gelen girişlere bağlıyor.",
            "Ethereum da aynı dönemde yüzde 5'e yakın yükseldi. Uzmanlar, Fed'in faiz kararı öncesinde piyasada oynaklığın artabileceği konusunda yatırımcıları uyarıyor.",
            "Türkiye'deki kripto para borsalarında işlem hacmi de son bir haftada belirgin şekilde arttı.",
        ],
    ),
}

#: The WHATWG name each case's charset is reported as, and a label a page would use.
NAMES = {
    "cp1251": ("windows-1251", "windows-1251"),
    "koi8_r": ("koi8-r", "KOI8-R"),
    "shift_jis": ("shift_jis", "Shift_JIS"),
    "euc_jp": ("euc-jp", "EUC-JP"),
    "gb18030": ("gb18030", "GB18030"),
    "big5": ("big5", "Big5"),
    "euc_kr": ("euc-kr", "EUC-KR"),
    "iso8859_2": ("iso-8859-2", "ISO-8859-2"),
    "cp1254": ("windows-1254", "windows-1254"),
}
#: What a mis-declared page of each charset claims instead.
WRONG = {
    "cp1251": "iso-8859-1",
    "koi8_r": "utf-8",
    "shift_jis": "euc-jp",
    "euc_jp": "shift_jis",
    "gb18030": "utf-8",
    "big5": "utf-8",
    "euc_kr": "utf-8",
    "iso8859_2": "iso-8859-1",
    "cp1254": "utf-8",
}


def page(title: str, paras: list[str], meta: str = "") -> str:
    ps = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>"
        f"<article><h1>{title}</h1>{ps}</article></body></html>"
    )


def check(data: bytes, codec: str, encoding: str | None = None) -> newsparse.Article:
    """The article's headline and paragraphs come out exactly as written."""
    _, title, paras = CASES[codec]
    article = newsparse.parse(data, encoding=encoding)
    assert article.title == title
    assert article.text == "\n\n".join(paras)
    return article


@pytest.mark.parametrize("codec", sorted(CASES))
def test_declared_in_meta(codec: str) -> None:
    name, label = NAMES[codec]
    _, title, paras = CASES[codec]
    data = page(title, paras, f'<meta charset="{label}">').encode(codec)
    article = check(data, codec)
    assert (article.encoding, article.encoding_source) == (name, "meta")


@pytest.mark.parametrize("codec", sorted(CASES))
def test_declared_by_http_equiv_and_transport(codec: str) -> None:
    name, label = NAMES[codec]
    _, title, paras = CASES[codec]
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={label.lower()}">'
    article = check(page(title, paras, meta).encode(codec), codec)
    assert (article.encoding, article.encoding_source) == (name, "meta")
    article = check(page(title, paras).encode(codec), codec, encoding=label)
    assert (article.encoding, article.encoding_source) == (name, "transport")


@pytest.mark.parametrize("codec", sorted(CASES))
def test_undeclared_is_detected(codec: str) -> None:
    _, title, paras = CASES[codec]
    article = check(page(title, paras).encode(codec), codec)
    assert article.encoding_source == "detected"
    # The detector may name a superset of the charset (cp949 for EUC-KR): same text.
    assert decode_bytes(page(title, paras).encode(codec)).text == page(title, paras)


@pytest.mark.parametrize("codec", sorted(CASES))
def test_mis_declared_in_meta_is_overruled(codec: str) -> None:
    _, title, paras = CASES[codec]
    data = page(title, paras, f'<meta charset="{WRONG[codec]}">').encode(codec)
    article = check(data, codec)
    assert article.encoding_source == "detected"


@pytest.mark.parametrize("codec", sorted(CASES))
def test_mis_declared_by_transport_is_overruled(codec: str) -> None:
    _, title, paras = CASES[codec]
    article = check(page(title, paras).encode(codec), codec, encoding=WRONG[codec])
    assert article.encoding_source == "detected"


@pytest.mark.parametrize(
    ("codec", "wrong"),
    [
        ("cp1254", "windows-1252"),  # six letters differ: ğ ş ı İ read as ð þ ý Ý
        ("iso8859_2", "windows-1250"),  # ą ś ź sit elsewhere in windows-1250
        ("cp1251", "koi8-r"),
        ("big5", "gbk"),  # GBK decodes Big5's bytes without error, as other characters
        ("euc_kr", "iso-8859-1"),
    ],
)
def test_mis_declared_as_a_neighbour_charset(codec: str, wrong: str) -> None:
    """A label of a neighbouring charset whose reading is mojibake is overruled."""
    name, _ = NAMES[codec]
    _, title, paras = CASES[codec]
    article = check(page(title, paras, f'<meta charset="{wrong}">').encode(codec), codec)
    assert (article.encoding, article.encoding_source) == (name, "detected")


def test_koi8_r_labelled_windows_1251_is_overruled() -> None:
    """The classic Russian confusion: both are Cyrillic, only one gives words."""
    _, title, paras = CASES["koi8_r"]
    data = page(title, paras, '<meta charset="windows-1251">').encode("koi8_r")
    article = check(data, "koi8_r")
    assert (article.encoding, article.encoding_source) == ("koi8-r", "detected")


def test_transport_charset_beats_meta() -> None:
    """As in browsers: the HTTP charset wins over the page's own <meta>."""
    _, title, paras = CASES["cp1251"]
    data = page(title, paras, '<meta charset="koi8-r">').encode("cp1251")
    article = check(data, "cp1251", encoding="windows-1251")
    assert (article.encoding, article.encoding_source) == ("windows-1251", "transport")


def test_whatwg_labels() -> None:
    """Labels mean what they mean on the web: latin1 is windows-1252, gb2312 is GBK
    (read with GB18030's decoder), x-sjis is Shift_JIS (code page 932)."""
    _, title, paras = CASES["gb18030"]
    article = check(page(title, paras, '<meta charset="gb2312">').encode("gb18030"), "gb18030")
    assert (article.encoding, article.encoding_source) == ("gbk", "meta")
    _, title, paras = CASES["shift_jis"]
    data = page(title, paras, '<meta charset="x-sjis">').encode("cp932")
    assert check(data, "shift_jis").encoding == "shift_jis"
    text = "Smart “quotes” – and € signs"
    data = page(text, [text], '<meta charset="latin1">').encode("cp1252")
    article = newsparse.parse(data)
    assert (article.title, article.encoding) == (text, "windows-1252")


# --------------------------------------------------------------------------- UTF-16

VI_TITLE = "Giá Bitcoin tăng mạnh sau quyết định của Fed"
VI_PARAS = [
    "Giá Bitcoin đã tăng hơn 4% trong phiên giao dịch hôm thứ Ba, vượt mốc 62.000 USD lần "
    "đầu tiên trong một tháng. Các nhà phân tích cho rằng dòng tiền đổ vào các quỹ ETF là "
    "động lực chính.",
    "Ethereum cũng tăng gần 5%, lên khoảng 3.400 USD. Khối lượng giao dịch trên các sàn lớn "
    "đã tăng gần gấp đôi so với tuần trước.",
]


def vi(data: bytes, encoding: str | None = None) -> newsparse.Article:
    article = newsparse.parse(data, encoding=encoding)
    assert article.title == VI_TITLE
    assert article.text == "\n\n".join(VI_PARAS)
    return article


@pytest.mark.parametrize(("bom", "codec"), [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_utf16_declared_by_bom(bom: bytes, codec: str) -> None:
    article = vi(bom + page(VI_TITLE, VI_PARAS).encode(codec))
    assert (article.encoding, article.encoding_source) == (
        codec.replace("-le", "le").replace("-be", "be"),
        "bom",
    )


def test_utf16_declared_by_transport() -> None:
    article = vi(page(VI_TITLE, VI_PARAS).encode("utf-16-le"), encoding="UTF-16LE")
    assert (article.encoding, article.encoding_source) == ("utf-16le", "transport")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_undeclared_is_detected(codec: str) -> None:
    article = vi(page(VI_TITLE, VI_PARAS).encode(codec))
    assert article.encoding_source == "detected"


def test_utf16_mis_declared() -> None:
    """A <meta> saying windows-1252 inside UTF-16 bytes, a transport saying ISO-8859-1
    over a UTF-16 BOM: the bytes win, as in browsers (the BOM first of all)."""
    meta = '<meta charset="windows-1252">'
    article = vi(page(VI_TITLE, VI_PARAS, meta).encode("utf-16-le"))
    assert article.encoding_source == "detected"
    article = vi(b"\xfe\xff" + page(VI_TITLE, VI_PARAS).encode("utf-16-be"), "iso-8859-1")
    assert (article.encoding, article.encoding_source) == ("utf-16be", "bom")


def test_utf8_page_and_str_input() -> None:
    """A UTF-8 page reports UTF-8 and where that came from; str input reports none."""
    html = page(VI_TITLE, VI_PARAS, '<meta charset="utf-8">')
    assert (vi(html.encode()).encoding, vi(html.encode()).encoding_source) == ("utf-8", "meta")
    assert vi(page(VI_TITLE, VI_PARAS).encode()).encoding_source == "detected"
    article = vi(html)
    assert (article.encoding, article.encoding_source) == (None, None)
