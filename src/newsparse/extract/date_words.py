"""The words of dates in 17 languages: month names, time units, "ago", "yesterday".

Languages: en, de, fr, es, pt, it, nl, tr, ru, uk, pl, ja, ko, zh, vi, id, ar. Month
names include abbreviations and the genitive / declined forms dates use ("9 июня",
"9 czerwca", "9 червня"); words are matched after :func:`fold` (lower case, accents,
hamza and Turkish dotless i folded away), so "Février", "fevrier" and "FÉVR." all
find February, and "أغسطس" and "اغسطس" both find August.

Korean, Japanese and Chinese write dates with numbers and unit characters
("2026년 6월 9일", "2026年6月9日") and Vietnamese with "tháng 6": they need no
month names; their patterns live in :mod:`newsparse.extract.dates`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "AMPM",
    "DAY_PATTERN_WORDS",
    "DAY_WORDS",
    "DUALS",
    "MONTHS",
    "NOUN_WORDS",
    "NOW_WORDS",
    "NUMBER_PATTERN_WORDS",
    "NUMBER_WORDS",
    "RELATIVE_AFTER",
    "RELATIVE_BEFORE",
    "TIME_CONNECTORS",
    "UNITS",
    "YEAR_SUFFIXES",
    "alternation",
    "fold",
    "month_number",
]

_EXTRA_FOLDS = str.maketrans({"ı": "i", "ـ": "", "ة": "ه", "ى": "ي"})


def fold(word: str) -> str:
    """``word`` lower-cased, without accents, hamza or tatweel, dotless i as i, "." dropped."""
    word = word.lower().translate(_EXTRA_FOLDS).replace(".", "")
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# One line per month: every language's names, abbreviations and declined forms.
_MONTH_NAMES = (
    # en, de, fr, es, pt, it, nl, tr, id, ru, uk, pl, ar
    """january jan januar jänner jän janvier janv enero ene janeiro gennaio gen januari
    ocak oca январь января янв січень січня січ styczeń stycznia sty
    يناير كانون_الثاني جانفي""",
    """february feb februar feber février févr fév febrero fevereiro fev febbraio februari
    şubat şub февраль февраля февр фев лютий лютого лют luty lutego lut
    فبراير شباط فيفري""",
    """march mar märz mär mrz mars marzo março maart mrt maret mart март марта
    березень березня бер marzec marca
    مارس آذار""",
    """april apr avril avr abril abr aprile nisan nis апрель апреля апр квітень квітня квіт
    kwiecień kwietnia kwi
    أبريل ابريل إبريل نيسان أفريل""",
    """may mai mayo maio maggio mag mei mayıs май мая травень травня трав maj maja
    مايو أيار ماي""",
    """june jun juni juin junio junho giugno giu haziran haz июнь июня июн червень червня
    черв czerwiec czerwca cze
    يونيو يونيه حزيران جوان""",
    """july jul juli juillet juil julio julho luglio lug temmuz tem июль июля июл липень
    липня лип lipiec lipca
    يوليو يوليه تموز جويلية""",
    """august aug août aout agosto ago augustus agustus agu ags ağustos ağu август августа
    авг серпень серпня серп sierpień sierpnia sie
    أغسطس آب أوت""",
    """september sep sept septembre septiembre setiembre set setembro settembre eylül eyl
    сентябрь сентября сент сен вересень вересня вер wrzesień września wrz
    سبتمبر أيلول""",
    """october oct oktober okt octobre octubre outubro out ottobre ott ekim eki октябрь
    октября окт жовтень жовтня жовт październik października paź
    أكتوبر اكتوبر تشرين_الأول""",
    """november nov novembre noviembre novembro kasım kas ноябрь ноября нояб ноя листопад
    листопада лист listopad listopada lis
    نوفمبر تشرين_الثاني""",
    """december dec dezember dez décembre déc diciembre dic dezembro dicembre desember des
    aralık ara декабрь декабря дек грудень грудня груд grudzień grudnia gru
    ديسمبر كانون_الأول""",
)


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for number, names in enumerate(_MONTH_NAMES, start=1):
        for name in names.split():
            key = fold(name.replace("_", " "))
            if table.get(key, number) != number:  # pragma: no cover - a table error
                raise ValueError(f"month name {name!r} names two months")
            table[key] = number
    return table


MONTHS: dict[str, int] = _month_table()
"""Folded month name -> month number (1-12)."""


def month_number(word: str) -> int:
    """The month a (possibly abbreviated or declined) month name names; 0 when none."""
    return MONTHS.get(fold(word.strip()), 0)


# ------------------------------------------------------------------ times of day

TIME_CONNECTORS = (
    "at", "um", "à", "a las", "a la", "às", "as", "alle", "ore", "om", "в", "о", "o godz.",
    "godz.", "o", "saat", "lúc", "pukul", "jam", "kl.", "الساعة",
)  # fmt: skip
"""Words between a date and its time: "um 07:30 Uhr", "à 07h30", "o godz. 7:30"."""

AMPM: dict[str, str] = {
    "am": "am", "a.m.": "am", "a. m.": "am", "pm": "pm", "p.m.": "pm", "p. m.": "pm",
    "午前": "am", "午後": "pm", "上午": "am", "下午": "pm", "오전": "am", "오후": "pm",
    "ص": "am", "م": "pm", "sa": "am", "ch": "pm",
}  # fmt: skip
"""Before / after noon markers, folded to "am" / "pm"."""

YEAR_SUFFIXES = ("г.", "года", "год", "р.", "року", "r.", "roku", "yılı", "م")
"""Words after a year: "9 июня 2026 г.", "9 czerwca 2026 r.", "9 يونيو 2026م"."""

# ------------------------------------------------------------------ relative dates

_UNIT_WORDS: dict[str, str] = {
    "second": """second seconds sec secs s sekunde sekunden sek seconde secondes segundo
        segundos secondo secondi seconden saniye секунду секунды секунд сек секунду секунди
        sekundę sekundy sekund giây detik 秒 초 ثانية ثوان ثواني ثانيتين""",
    "minute": """minute minutes min mins m minuten minuto minutos minuti minuut dakika dk
        минуту минуты минут мин хвилину хвилини хвилин хв minutę minuty minut phút menit
        分 分钟 分鐘 분 دقيقة دقائق دقيقتين""",
    "hour": """hour hours hr hrs h stunde stunden std heure heures hora horas ora ore uur
        saat час часа часов ч годину години годин godzinę godziny godzin godz giờ jam
        時間 小时 小時 시간 ساعة ساعات ساعتين""",
    "day": """day days d tag tage tagen jour jours día días dia dias giorno giorni dag
        dagen gün день дня дней дні днів dzień dni ngày hari 日 天 일 يوم أيام يومين""",
    "week": """week weeks w woche wochen semaine semaines semana semanas settimana
        settimane weken hafta неделю недели недель тиждень тижні тижнів tydzień tygodnie
        tygodni tuần minggu 週間 週 周 주 أسبوع أسابيع أسبوعين""",
    "month": """month months monat monate monaten mois mes meses mês mese mesi maand
        maanden ay месяц месяца месяцев місяць місяці місяців miesiąc miesiące miesięcy
        tháng bulan か月 ヶ月 カ月 ケ月 个月 個月 개월 달 شهر أشهر شهور شهرين""",
    "year": """year years y jahr jahre jahren an ans année années año años ano anos anno
        anni jaar jaren yıl год года лет рік роки років rok lata lat năm tahun 年 년
        سنة سنوات سنتين عام أعوام""",
}
UNITS: dict[str, str] = {
    fold(word): unit for unit, words in _UNIT_WORDS.items() for word in words.split()
}
"""Folded time-unit word (any number form) -> "second" ... "year"."""

NOUN_WORDS = frozenset(w for words in _UNIT_WORDS.values() for w in words.split()) | set(UNITS)
"""Every time-unit word as written and folded (for building patterns)."""

def _words(text: str) -> list[str]:
    """Whitespace-separated words; "_" joins the words of one phrase ("hôm_qua")."""
    return [w.replace("_", " ") for w in text.split()]


def _with_folded(words: Iterable[str]) -> frozenset[str]:
    """``words`` as written and folded: what a pattern must match."""
    return frozenset(w for word in words for w in (word, fold(word)))


#: Arabic dual forms carry their number: "منذ ساعتين" is two hours ago.
DUALS = frozenset(fold(w) for w in _words("ثانيتين دقيقتين ساعتين يومين أسبوعين شهرين سنتين"))

RELATIVE_BEFORE = (
    "vor", "il y a", "hace", "há", "ha", "منذ", "قبل", "cách đây", "sejak",
)  # fmt: skip
"""Words before the amount: "vor 2 Stunden", "il y a 3 heures", "hace 3 días", "منذ 3 ساعات"."""

RELATIVE_AFTER = (
    "ago", "fa", "geleden", "önce", "evvel", "назад", "тому", "temu", "前", "전", "trước",
    "yang lalu", "lalu", "atrás",
)  # fmt: skip
"""Words after the amount: "2 hours ago", "2 ore fa", "3時間前", "3시간 전", "2 giờ trước"."""

_ONE = _words(
    "a an one ein eine einem einer un une una uno um uma un' een bir один одну одна одного "
    "jeden jedną một satu"
)
NUMBER_WORDS: dict[str, int] = {fold(w): 1 for w in _ONE}
"""Folded words for "one" ("an hour ago", "vor einer Stunde", "il y a une heure")."""
NUMBER_PATTERN_WORDS = _with_folded(_ONE)

_TODAY = _words(
    "today heute aujourd'hui hoy hoje oggi vandaag bugün сегодня сьогодні dzisiaj dziś "
    "今日 今天 오늘 hôm_nay hari_ini اليوم"
)
_YESTERDAY = _words(
    "yesterday gestern hier ayer ontem ieri gisteren dün вчера вчора учора wczoraj "
    "昨日 昨天 어제 hôm_qua kemarin أمس الأمس"
)
DAY_WORDS: dict[str, int] = {**{fold(w): 0 for w in _TODAY}, **{fold(w): -1 for w in _YESTERDAY}}
"""Folded day words, as days from the reference day ("gestern, 14:30 Uhr")."""
DAY_PATTERN_WORDS = _with_folded([*_TODAY, *_YESTERDAY])

NOW_WORDS = _with_folded(
    _words(
        "just_now gerade_eben soeben à_l'instant ahora_mismo agora_mesmo adesso zojuist "
        "az_önce только_что щойно przed_chwilą たった今 刚刚 剛剛 방금 vừa_xong baru_saja الآن"
    )
)
"""Words for "just now", as written and folded."""


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so "il y a" wins over "a")."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) for w in items)
