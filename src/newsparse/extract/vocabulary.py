"""Widget vocabulary in the 17 languages newsparse reads (beyond English, which each
widget module keeps next to its rules, or ``page_phrases.py`` for the phrases its
page-level gate scans for): the labels of key-takeaways boxes and of
disclaimers, and the phrases a financial-advice / risk disclaimer is made of.

Languages: de, fr, es, pt, it, nl, tr, ru, uk, pl, ja, ko, zh, vi, id, ar.
The word lists are data; the rules that use them stay in ``takeaways.py`` and
``disclaimer.py``.  Structure decides first (a short box of items, a block of
disclaimer length outside the site's chrome); these words only confirm.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsparse.document import Document

__all__ = [
    "DISCLAIMER_CUES",
    "DISCLAIMER_HINT",
    "DISCLAIMER_LABEL",
    "DISCLAIMER_LABEL_WORDS",
    "DISCLAIMER_STRONG_CUE",
    "TAKEAWAY_LABEL_START",
    "TAKEAWAY_LABEL_WORDS",
    "TAKEAWAY_STRONG_LABEL",
    "TAKEAWAY_WEAK_LABEL",
    "not_advice",
    "other_languages",
]

# ----------------------------------------------------------------- takeaways box labels

#: Labels that name a key-takeaways box on their own.
_TAKEAWAY_STRONG = (
    # de
    r"das\s+wichtigste(?:\s+(?:in\s+kürze|im\s+überblick|auf\s+einen\s+blick))?",
    r"(?:die\s+)?wichtigsten\s+(?:punkte|fakten|erkenntnisse)", r"auf\s+einen\s+blick",
    r"kurz\s+(?:und\s+knapp|gesagt|zusammengefasst)", r"in\s+kürze", r"kernpunkte",
    r"kernaussagen",
    # fr
    r"ce\s+qu['’]il\s+faut\s+(?:retenir|savoir)", r"à\s+retenir", r"(?:les\s+)?points\s+clés",
    r"l['’]essentiel", r"en\s+bref",
    # es
    r"(?:los\s+)?puntos\s+clave", r"claves", r"lo\s+más\s+importante",
    r"lo\s+que\s+(?:debes|hay\s+que|necesitas)\s+saber", r"(?:las\s+)?conclusiones\s+clave",
    # pt
    r"(?:os\s+)?principais\s+(?:pontos|destaques|conclusões)", r"pontos[-\s]chave",
    r"pontos\s+principais", r"o\s+que\s+(?:você\s+)?(?:precisa|deve)\s+saber",
    r"em\s+poucas\s+palavras",
    # it
    r"(?:i\s+)?punti\s+(?:chiave|principali)", r"in\s+breve", r"in\s+sintesi",
    r"(?:cosa|da)\s+sapere",
    # nl
    r"(?:de\s+)?belangrijkste\s+punten", r"in\s+het\s+kort", r"kort\s+samengevat",
    r"wat\s+je\s+moet\s+weten", r"de\s+hoofdpunten",
    # tr
    r"özet(?:le)?", r"öne\s+çıkanlar", r"önemli\s+noktalar", r"kısaca",
    r"bilmeniz\s+gerekenler", r"(?:ana|temel)\s+noktalar",
    # ru, uk
    r"ключевые\s+(?:моменты|тезисы|выводы)", r"главное(?:\s+из\s+статьи)?", r"коротко",
    r"кратко", r"основные\s+(?:моменты|тезисы)", r"что\s+нужно\s+знать", r"головне",
    r"ключові\s+(?:моменти|тези)", r"основне", r"що\s+потрібно\s+знати",
    # pl
    r"najważniejsze(?:\s+informacje)?", r"w\s+skrócie", r"kluczowe\s+(?:punkty|wnioski)",
    r"co\s+musisz\s+wiedzieć",
    # ja, ko, zh
    r"要点", r"この記事のポイント", r"(?:3|三)行まとめ", r"この記事のまとめ",
    r"핵심\s*요약", r"핵심\s*(?:포인트|내용|정리)", r"주요\s*내용", r"한눈에\s*보기",
    r"(?:3|세)\s*줄\s*요약",
    r"重点", r"要点速览", r"核心要点", r"关键要点", r"重點", r"本文要点", r"速览",
    # vi, id, ar
    r"(?:những\s+)?điểm\s+(?:chính|nổi\s+bật)", r"tóm\s+tắt(?:\s+nhanh)?",
    r"những\s+điều\s+cần\s+biết",
    r"poin\s+(?:penting|utama)", r"intisari", r"sekilas", r"yang\s+perlu\s+diketahui",
    r"hal\s+penting",
    r"النقاط\s+الرئيسية", r"أهم\s+النقاط", r"باختصار", r"أبرز\s+النقاط", r"الخلاصة",
)  # fmt: skip
#: Labels that count only around a box (a wrapper, a class, or a list of sentences).
_TAKEAWAY_WEAK = (
    r"zusammenfassung", r"résumé", r"en\s+résumé", r"resumen", r"en\s+resumen", r"resumo",
    r"em\s+resumo", r"destaques", r"riepilogo", r"samenvatting", r"özet\s+bilgi",
    r"резюме", r"итоги", r"підсумки", r"podsumowanie", r"まとめ", r"要約", r"概要", r"요약",
    r"摘要", r"ringkasan", r"ملخص", r"ポイント",
)  # fmt: skip

_END = r"\s*[:.!\-–—]?\s*$"
#: The takeaways labels, strong and weak, as one alternation (for the page-level gate).
TAKEAWAY_LABEL_WORDS = "|".join((*_TAKEAWAY_STRONG, *_TAKEAWAY_WEAK))
#: A whole text that is a strong takeaways label (leading symbols already dropped).
TAKEAWAY_STRONG_LABEL = re.compile(rf"^(?:{'|'.join(_TAKEAWAY_STRONG)}){_END}", re.IGNORECASE)
#: A whole text that is a weak takeaways label.
TAKEAWAY_WEAK_LABEL = re.compile(rf"^(?:{'|'.join(_TAKEAWAY_WEAK)}){_END}", re.IGNORECASE)
#: Cheap test on an element's own leading text: may it start one of the labels above?
TAKEAWAY_LABEL_START = re.compile(
    r"[^\w]*(?:das|die|wichtig|auf|kurz|in|kern|ce|à|a|les|points|l['’]|en|los|puntos|claves|"
    r"lo|las|conclus|os|principais|pontos|o|em|i|punti|cosa|da|de|belangrijk|wat|özet|öne|"
    r"önemli|kısaca|bilmeniz|ana|temel|ключев|главн|коротк|кратк|основн|что|головн|ключов|"
    r"що|najważniejsze|w|kluczowe|co|要点|この|3|三|ポイント|핵심|주요|한눈에|세|重|要|核心|关键|"
    r"本文|速览|những|điểm|tóm|poin|intisari|sekilas|yang|hal|النقاط|أهم|باختصار|أبرز|الخلاصة|"
    r"zusammen|résumé|resum|destaques|riepilogo|samenvatting|резюме|итоги|підсумки|"
    r"podsumowanie|まとめ|要約|概要|요약|摘要|ringkasan|ملخص)",
    re.IGNORECASE,
)

# ----------------------------------------------------------------- disclaimers

#: Disclaimer labels ("Haftungsausschluss", "Aviso legal", "免責事項"...).
_DISCLAIMER_LABELS = (
    r"haftungsausschluss", r"risikohinweis", r"rechtlicher\s+hinweis", r"wichtiger\s+hinweis",
    r"avertissement(?:\s+(?:sur\s+les\s+risques|légal))?", r"clause\s+de\s+non[-\s]responsabilité",
    r"avis\s+de\s+non[-\s]responsabilité", r"mention\s+légale",
    r"aviso\s+legal", r"descargo\s+de\s+responsabilidad", r"advertencia(?:\s+de\s+riesgo)?",
    r"aviso\s+de\s+riesgo", r"isenção\s+de\s+responsabilidade", r"aviso\s+de\s+risco",
    r"avvertenza", r"esclusione\s+di\s+responsabilità", r"avviso\s+legale",
    r"disclaimer", r"vrijwaring", r"risicowaarschuwing",
    r"yasal\s+uyarı", r"sorumluluk\s+reddi", r"risk\s+uyarısı", r"uyarı",
    r"отказ\s+от\s+ответственности", r"дисклеймер", r"предупреждение\s+о\s+рисках",
    r"відмова\s+від\s+відповідальності", r"застереження",
    r"zastrzeżenie(?:\s+prawne)?", r"ostrzeżenie\s+o\s+ryzyku",
    r"免責事項", r"免責", r"ご注意", r"면책\s*조항", r"면책\s*공고", r"투자\s*유의\s*사항",
    r"免责声明", r"免責聲明", r"风险提示", r"風險提示",
    r"tuyên\s+bố\s+miễn\s+trừ\s+trách\s+nhiệm", r"miễn\s+trừ\s+trách\s+nhiệm",
    r"penafian", r"sanggahan", r"peringatan\s+risiko",
    r"إخلاء\s+(?:ال)?مسؤولية", r"تحذير\s+المخاطر",
)  # fmt: skip
#: The disclaimer labels as one alternation (for the page-level text gate).
DISCLAIMER_LABEL_WORDS = "|".join(_DISCLAIMER_LABELS)
#: A whole text that is a disclaimer label in one of the languages.
DISCLAIMER_LABEL = re.compile(
    rf"^[^\w]*(?:{DISCLAIMER_LABEL_WORDS})\s*[:：.!\-–—]?\s*", re.IGNORECASE
)

#: Phrases of a financial-advice / risk disclaimer, one pattern per kind of cue (each
#: counts once, as the English ones do): not advice; information purposes only; risk of
#: loss; do your own research / consult; volatility.
DISCLAIMER_CUES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # not (investment / financial) advice
        r"keine\s+(?:anlage|finanz|investment|steuer)beratung|keine\s+(?:kauf|anlage)empfehlung|"
        r"(?:conseil|recommandation)s?\s+(?:en\s+investissement|financiers?|d['’]investissement)|"
        r"asesoramiento\s+(?:financiero|de\s+inversión)|recomendación\s+de\s+inversión|"
        r"aconselhamento\s+financeiro|recomendação\s+de\s+investimento|consultoria\s+financeira|"
        r"consulenza\s+(?:finanziaria|in\s+materia\s+di\s+investimenti)|"
        r"(?:financieel|beleggings)advies|"
        r"yatırım\s+tavsiyesi|finansal\s+tavsiye|"
        r"инвестиционн\w*\s+(?:рекомендаци|совет)|финансов\w*\s+(?:консультаци|совет|рекомендаци)|"
        r"інвестиційн\w*\s+(?:рекомендаці|порад)|фінансов\w*\s+порад|"
        r"porad\w*\s+(?:inwestycyjn|finansow)|rekomendacj\w*\s+inwestycyjn|"
        r"投資助言|投資勧誘|投資アドバイス|투자\s*(?:조언|권유|자문)|投资建议|投資建議|"
        r"lời\s+khuyên\s+(?:đầu\s+tư|tài\s+chính)|"
        r"saran\s+(?:investasi|keuangan)|nasihat\s+(?:investasi|keuangan)|"
        r"نصيحة\s+(?:مالية|استثمارية)|مشورة\s+(?:مالية|استثمارية)",
        # for information purposes only
        r"informationszweck|(?:titre|fins?)\s+(?:informatif|d['’]information)|"
        r"fines\s+informativos|(?:fins|caráter|carácter)\s+(?:meramente\s+)?informativ|"
        r"scopo\s+informativo|scopi\s+informativi|informatieve\s+doeleinden|"
        r"bilgilendirme\s+amaçl|информационн\w*\s+(?:цел|характер)|інформаційн\w*\s+(?:цілях|характер)|"
        r"cel(?:ach|u)\s+informacyjn|情報提供(?:のみ)?を目的|情報提供のみ|정보\s*제공\s*목적|"
        r"仅供参考|僅供參考|mục\s+đích\s+thông\s+tin|tujuan\s+informasi|لأغراض\s+(?:إعلامية|معلوماتية)",
        # risk of loss / capital at risk
        r"totalverlust|verlust\s+des\s+(?:eingesetzten\s+)?kapitals|"
        r"perdre\s+(?:la\s+totalité|tout|une\s+partie)|perte\s+en\s+capital|"
        r"perder\s+(?:todo|la\s+totalidad|parte)|capital\s+(?:está|esta)\s+en\s+riesgo|"
        r"perder\s+todo|capital\s+está\s+em\s+risco|perdere\s+(?:tutto|il\s+capitale)|"
        r"verlies\s+van|kaybedebilirsiniz|kayıp\s+riski|sermayeniz\s+risk|"
        r"потерять\s+(?:весь|все|часть)|риск\w*\s+потер|втратити\s+(?:весь|все|частину)|"
        r"utraty?\s+(?:całości|kapitału)|stracić|元本(?:を|割れ|の)|損失(?:の|を)|원금\s*(?:을|손실)|"
        r"손실\s*위험|损失全部本金|亏损风险|mất\s+(?:toàn\s+bộ|vốn)|kehilangan\s+(?:seluruh|modal)|"
        r"خسارة\s+(?:رأس\s+المال|أموالك)",
        # do your own research / consult / own responsibility
        r"informieren\s+sie\s+sich\s+selbst|eigene\s+recherche|eigenverantwortung|"
        r"(?:vos|faites\s+vos)\s+propres\s+recherches|investigue\s+por\s+su\s+cuenta|"
        r"propia\s+investigación|(?:sua|faça\s+sua)\s+própria\s+pesquisa|proprie\s+ricerche|"
        r"eigen\s+onderzoek|kendi\s+araştırmanızı|собственн\w*\s+(?:исследовани|анализ)|"
        r"власн\w*\s+дослідженн|własn\w*\s+(?:analiz|badani)|自己責任|ご自身の責任|본인의\s*책임|"
        r"自行(?:研究|承担风险)|风险自负|tự\s+nghiên\s+cứu|riset\s+(?:anda\s+)?sendiri|"
        r"أبحاثك\s+الخاصة",
        # volatility / high risk
        r"(?:sehr|hoch|äußerst)\s*volatil|hohe[nm]?\s+risiken?|très\s+volatil|risque\s+élevé|"
        r"muy\s+volátil|alto\s+riesgo|muito\s+volátei?s|alto\s+risco|molto\s+volatil|"
        r"zeer\s+volatiel|son\s+derece\s+oynak|yüksek\s+risk|(?:очень|высок\w*)\s+волатильн|"
        r"высок\w*\s+риск|дуже\s+волатильн|bardzo\s+zmienn|wysokie\s+ryzyko|価格変動が(?:非常に)?大き|"
        r"변동성이\s*(?:매우\s*)?(?:크|높)|波动(?:性)?极大|波动性极高|biến\s+động\s+mạnh|"
        r"sangat\s+fluktuatif|تقلبات\s+عالية",
    )
)
#: Cues that make a short block a disclaimer on their own ("stellt keine Anlageberatung dar").
DISCLAIMER_STRONG_CUE = re.compile(
    r"keine\s+(?:anlage|finanz)beratung|ne\s+constitue\s+pas\s+un\s+conseil|"
    r"no\s+constituye\s+(?:un\s+)?asesoramiento|não\s+constitui\s+(?:um\s+)?aconselhamento|"
    r"non\s+costituisce\s+(?:una\s+)?consulenza|geen\s+(?:financieel|beleggings)advies|"
    r"yatırım\s+tavsiyesi\s+değildir|не\s+является\s+(?:инвестиционной|финансовой)|"
    r"не\s+є\s+(?:інвестиційною|фінансовою)|nie\s+stanowi\s+porady|投資助言ではありません|"
    r"투자\s*조언이\s*아닙니다|不构成(?:任何)?投资建议|不構成(?:任何)?投資建議|"
    r"không\s+phải\s+là\s+lời\s+khuyên|bukan\s+(?:merupakan\s+)?saran|"
    r"لا\s+يشكل\s+نصيحة",
    re.IGNORECASE,
)
#: Cheap pre-filter (lower-cased text) before the patterns above.
DISCLAIMER_HINT = re.compile(
    r"beratung|empfehlung|informationszweck|verlust|volatil(?!e\b)|recherche|conseil|informatif|"
    r"informativ|informazion|perd|asesora|recomenda|aconselha|consulenza|riesgo|risco|risque|"
    r"rischio|risik|advies|tavsiye|bilgilendirme|kayb|yüksek|oynak|volátil|"
    r"рекомендац|консультац|совет|информацион|потер|"
    r"риск|волатил|порад|інформацій|втрат|ризик|porad|rekomendac|informacyjn|ryzyk|stracić|"
    r"投資|情報提供|元本|損失|自己責任|価格変動|투자|정보|원금|손실|책임|변동성|投资|仅供参考|"
    r"僅供參考|本金|亏损|风险|波动|lời khuyên|thông tin|vốn|biến động|saran|nasihat|informasi|"
    r"kehilangan|riset|fluktuatif|نصيحة|مشورة|لأغراض|خسارة|تقلبات|أبحاث"
)  # no English words: on English text the multilingual cues are not tried at all

#: Negations that turn an advice phrase into "this is not advice".
_NEGATION = re.compile(
    r"\b(?:nicht|kein\w*|ne|pas|rien|aucun\w*|no|nada|ni|não|nem|non|niente|geen|niet|"
    r"değil\w*|hiçbir|не|ні|nie|żadn\w*|không|bukan|tidak|لا|ليس\w*)\b|"
    r"ではありません|ではない|じゃない|아닙니다|아니다|아님|不构成|不構成|并非|並非|不是",
    re.IGNORECASE,
)


def not_advice(text: str) -> bool:
    """Whether ``text`` says, in one of the languages, that it is not (financial) advice."""
    if DISCLAIMER_STRONG_CUE.search(text):
        return True
    m = DISCLAIMER_CUES[0].search(text)
    if m is None:
        return False
    return _NEGATION.search(text, max(0, m.start() - 80), m.end() + 20) is not None


_ENGLISH_WORDS = re.compile(r"\b(?:the|and|of|to|in|for|is|on|with|as|at|by|from|how|why)\b", re.I)


def other_languages(doc: Document) -> bool:
    """Whether the vocabulary of other languages is worth trying on ``doc``: not when the
    page says it is English (``<html lang>``, ``og:locale``, content-language) or, saying
    nothing, has an ASCII title of English words.  Kept on the Document (one test a page):
    on English pages the widget finders then cost what they did before."""
    found = doc.memo.get(_MEMO_KEY)
    if found is not None:
        return bool(found)
    lang = doc.language or doc.meta_first("og:locale", "content-language", "language")
    if lang:
        other = not lang.strip().lower().startswith("en")
    else:
        title = doc.root.findtext(".//title") or ""
        other = not (title.isascii() and _ENGLISH_WORDS.search(title))
    doc.memo[_MEMO_KEY] = other
    return other


_MEMO_KEY = "widgets.other_languages"
