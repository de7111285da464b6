# ruff: noqa: E501  (article paragraphs are kept one per line)
"""Article.language: from the markup when it says, else detected from the title and body.

One short news article per language (17). Script rules tell ja, ko, zh, ar, uk and ru
without a model; Latin-script languages need py3langid (the ``lang`` extra) and are
skipped without it.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

import newsparse
from newsparse.extract import language

# language: (headline, body paragraph)
TEXTS: dict[str, tuple[str, str]] = {
    "en": (
        "Bitcoin climbs back above $62,000 as ETF inflows return",
        "Bitcoin rose more than 4% on Tuesday and climbed back above $62,000 for the first time in a month. Analysts pointed to fresh inflows into spot exchange-traded funds and to growing expectations that the Federal Reserve will cut interest rates later this year. Ether also gained, trading near $3,400.",
    ),
    "de": (
        "Bitcoin steigt wieder über 62.000 Dollar",
        "Der Bitcoin-Kurs ist am Dienstag um mehr als vier Prozent gestiegen und liegt erstmals seit einem Monat wieder über 62.000 Dollar. Analysten verweisen auf neue Zuflüsse in die börsengehandelten Fonds und auf die wachsende Erwartung, dass die US-Notenbank die Zinsen noch in diesem Jahr senken wird.",
    ),
    "fr": (
        "Le bitcoin repasse au-dessus de 62 000 dollars",
        "Le cours du bitcoin a progressé de plus de 4 % mardi et repasse au-dessus de 62 000 dollars pour la première fois depuis un mois. Les analystes évoquent le retour des flux entrants dans les fonds indiciels et les attentes croissantes d'une baisse des taux de la Réserve fédérale d'ici la fin de l'année.",
    ),
    "es": (
        "El bitcoin vuelve a superar los 62.000 dólares",
        "El precio del bitcoin subió más de un 4 % el martes y volvió a superar los 62.000 dólares por primera vez en un mes. Los analistas atribuyen el repunte a las nuevas entradas de capital en los fondos cotizados y a la creciente expectativa de que la Reserva Federal recorte los tipos de interés este año.",
    ),
    "pt": (
        "Bitcoin volta a superar os 62 mil dólares",
        "O preço do bitcoin subiu mais de 4% nesta terça-feira e voltou a superar os 62 mil dólares pela primeira vez em um mês. Os analistas atribuem a alta à volta das entradas nos fundos negociados em bolsa e à expectativa crescente de que o Federal Reserve corte os juros ainda este ano.",
    ),
    "it": (
        "Il bitcoin torna sopra i 62.000 dollari",
        "Il prezzo del bitcoin è salito di oltre il 4% martedì ed è tornato sopra i 62.000 dollari per la prima volta in un mese. Gli analisti collegano il rialzo ai nuovi afflussi nei fondi quotati e alle crescenti aspettative che la Federal Reserve tagli i tassi di interesse entro la fine dell'anno.",
    ),
    "nl": (
        "Bitcoin weer boven de 62.000 dollar",
        "De koers van bitcoin is dinsdag met meer dan vier procent gestegen en staat voor het eerst in een maand weer boven de 62.000 dollar. Analisten wijzen op nieuwe instroom in de beursgenoteerde fondsen en op de groeiende verwachting dat de Amerikaanse centrale bank de rente dit jaar nog zal verlagen.",
    ),
    "tr": (
        "Bitcoin fiyatı yeniden 62 bin doların üzerine çıktı",
        "Kripto para piyasasının lideri Bitcoin, salı günü yüzde 4'ün üzerinde değer kazanarak yeniden 62 bin doların üzerine çıktı. Analistler yükselişi borsa yatırım fonlarına gelen girişlere ve Fed'in bu yıl faiz indirimine gideceği beklentisine bağlıyor.",
    ),
    "ru": (
        "Биткоин подорожал до 62 тысяч долларов",
        "Курс биткоина во вторник вырос на 4,3% и впервые за месяц превысил отметку в 62 тысячи долларов. Аналитики связывают рост с притоком средств в биржевые фонды и ожиданиями снижения ставки ФРС.",
    ),
    "uk": (
        "Біткоїн знову подорожчав до 62 тисяч доларів",
        "Курс біткоїна у вівторок зріс більш ніж на чотири відсотки і вперше за місяць перевищив позначку в 62 тисячі доларів. Аналітики пов'язують зростання з припливом коштів до біржових фондів та очікуваннями зниження облікової ставки ФРС.",
    ),
    "pl": (
        "Kurs bitcoina przekroczył 250 tysięcy złotych",
        "Bitcoin zdrożał we wtorek o ponad 4 proc. i po raz pierwszy od miesiąca kosztuje więcej niż 250 tys. zł. Analitycy wiążą wzrost z napływem środków do funduszy ETF i oczekiwaniami na obniżkę stóp procentowych w USA.",
    ),
    "ja": (
        "ビットコイン、一時900万円台を回復",
        "暗号資産のビットコインは9日、国内の主要取引所で一時900万円台を回復した。米国の利下げ観測が強まり、リスク資産に資金が流入した。",
    ),
    "ko": (
        "비트코인, 한 달 만에 8천만 원 회복",
        "가상자산 대장주인 비트코인이 9일 국내 거래소에서 한 달 만에 8천만 원을 회복했다. 미국의 금리 인하 기대감이 커지면서 위험자산 선호 심리가 살아났다는 분석이다.",
    ),
    "zh": (
        "比特币价格重返六万美元上方",
        "周二，比特币价格在亚洲交易时段上涨逾4%，重新站上6万美元关口。分析人士认为，美国通胀数据低于预期，提振了市场对美联储降息的押注。",
    ),
    "vi": (
        "Giá Bitcoin tăng mạnh sau quyết định của Fed",
        "Giá Bitcoin đã tăng hơn 4% trong phiên giao dịch hôm thứ Ba, vượt mốc 62.000 USD lần đầu tiên trong một tháng. Các nhà phân tích cho rằng dòng tiền đổ vào các quỹ ETF là động lực chính.",
    ),
    "id": (
        "Harga Bitcoin kembali tembus 62.000 dolar AS",
        "Harga Bitcoin naik lebih dari 4 persen pada hari Selasa dan kembali menembus level 62.000 dolar AS untuk pertama kalinya dalam sebulan. Para analis menilai kenaikan ini didorong oleh arus masuk dana ke produk ETF dan harapan bahwa bank sentral Amerika Serikat akan memangkas suku bunga tahun ini.",
    ),
    "ar": (
        "البيتكوين يعود فوق مستوى 62 ألف دولار",
        "ارتفع سعر البيتكوين بأكثر من 4 في المئة يوم الثلاثاء وعاد فوق مستوى 62 ألف دولار للمرة الأولى منذ شهر. ويعزو المحللون هذا الارتفاع إلى عودة التدفقات إلى صناديق المؤشرات المتداولة وتزايد التوقعات بخفض أسعار الفائدة الأمريكية هذا العام.",
    ),
}

#: Told by their script alone, without the optional model.
BY_SCRIPT = {"ja", "ko", "zh", "ar", "uk", "ru"}
HAS_MODEL = importlib.util.find_spec("py3langid") is not None


def page(lang: str, head: str = "") -> str:
    title, body = TEXTS[lang]
    return (
        f"<html{head}><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1><p>{body}</p></article></body></html>"
    )


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_detected_from_the_text(lang: str) -> None:
    if lang not in BY_SCRIPT and not HAS_MODEL:
        pytest.skip("py3langid (the 'lang' extra) is not installed")
    article = newsparse.parse(page(lang))
    assert (article.language, article.language_source) == (lang, "detected")


@pytest.mark.parametrize("lang", sorted(BY_SCRIPT))
def test_script_languages_need_no_model(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_identifier", lambda: None)
    title, body = TEXTS[lang]
    assert language.detect_language(title, body) == lang


def test_latin_script_without_the_model_gives_no_guess(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_identifier", lambda: None)
    for lang in ("en", "de", "tr", "vi", "id"):
        assert language.detect_language(*TEXTS[lang]) is None


@pytest.mark.parametrize(
    ("head", "meta", "expected"),
    [
        (' lang="de-DE"', "", "de-DE"),
        ("", '<meta http-equiv="content-language" content="pt-BR">', "pt-BR"),
        ("", '<meta property="og:locale" content="tr_TR">', "tr-TR"),
        (
            "",
            '<script type="application/ld+json">'
            + json.dumps({"@type": "NewsArticle", "headline": "x", "inLanguage": "ja"})
            + "</script>",
            "ja",
        ),
    ],
)
def test_markup_wins_over_the_text(head: str, meta: str, expected: str) -> None:
    """The page's own statement is kept even where the text says otherwise."""
    html = page("en", head).replace("<head>", f"<head>{meta}")
    article = newsparse.parse(html)
    assert (article.language, article.language_source) == (expected, "markup")


def test_too_little_text_gives_no_language() -> None:
    html = "<html><body><article><h1>BTC 62,000</h1><p>+4.3%</p></article></body></html>"
    article = newsparse.parse(html)
    assert (article.language, article.language_source) == (None, None)
    assert language.detect_language("OK", "12 34") is None
