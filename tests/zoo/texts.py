# ruff: noqa: E501  (markup and text data: long lines read better whole)
"""The zoo's article texts, one per language, written for it (no page of any corpus).

Every language gives the same kinds of text: a headline, paragraphs, in-body headings,
takeaway items and their box label, a disclaimer (two paragraphs), a footer
"not financial advice" line, a site-wide risk banner, reader comments, an ordinary list
and the headlines of a teaser list (traps).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Texts:
    """One language's texts for a zoo article."""

    lang: str
    title: str
    author: str
    paras: tuple[str, ...]
    headings: tuple[str, str]
    takeaways_label: str
    takeaways: tuple[str, ...]
    disclaimer_label: str
    disclaimer: tuple[str, str]
    footer_disclaimer: str
    banner: str
    commenters: tuple[str, str, str]
    comments: tuple[str, str, str]
    list_items: tuple[str, ...]
    teasers: tuple[str, str, str]
    latest: str
    price_header: tuple[str, str, str]


TEXTS: dict[str, Texts] = {}


def _add(t: Texts) -> None:
    TEXTS[t.lang] = t


_add(
    Texts(
        lang="en",
        title="Bitcoin Holds Above Support as Miners Send Fewer Coins to Exchanges",
        author="Laura Bennett",
        paras=(
            "Bitcoin spent the week in a narrow range as traders weighed falling exchange inflows "
            "against a softer outlook for interest rates in the United States.",
            "On-chain data shows that miners moved the smallest share of their rewards to trading "
            "venues since the spring, a pattern analysts often read as a sign of patience.",
            "Derivatives markets tell a calmer story than last month, with funding rates close to "
            "neutral and open interest drifting lower across the largest venues.",
            "Several desks said the next move depends on spot demand from funds, which slowed in "
            "recent sessions after a strong start to the quarter.",
        ),
        headings=("What the miners are doing", "Where the market goes next"),
        takeaways_label="Key takeaways",
        takeaways=(
            "Miners sent the fewest coins to exchanges since the spring.",
            "Funding rates sit close to neutral across the largest venues.",
            "Spot demand from funds slowed after a strong start to the quarter.",
        ),
        disclaimer_label="Disclaimer",
        disclaimer=(
            "This article is for informational purposes only and does not constitute financial "
            "or investment advice.",
            "Cryptocurrencies are highly volatile and you may lose all of your capital; always do "
            "your own research before making any investment decisions.",
        ),
        footer_disclaimer="Nothing on this website is financial advice. Trading crypto assets "
        "involves a high risk of losing money.",
        banner="Crypto assets are highly volatile and unregulated. Your capital is at risk.",
        commenters=("Mark Ellis", "Priya Nair", "Tom Walsh"),
        comments=(
            "Miners holding back is usually a good sign, I have seen this pattern before every "
            "larger move.",
            "Not so sure, fund flows matter far more than miners these days in my view.",
            "Agree with Priya, the ETF numbers are what everyone watches right now.",
        ),
        list_items=(
            "hash rate close to its record",
            "difficulty up for a third adjustment",
            "fees still low compared with last year",
        ),
        teasers=(
            "Ethereum developers set a date for the next network upgrade",
            "Solana fees climb as memecoin trading returns",
            "Stablecoin supply reaches a new high this month",
        ),
        latest="Latest news",
        price_header=("Asset", "Price", "24h %"),
    )
)

_add(
    Texts(
        lang="de",
        title="Bitcoin hält die Unterstützung, Miner schicken weniger Coins an Börsen",
        author="Jonas Becker",
        paras=(
            "Bitcoin bewegte sich die ganze Woche in einer engen Spanne, während Händler sinkende "
            "Zuflüsse an die Börsen gegen die Aussicht auf niedrigere Zinsen abwogen.",
            "Daten aus der Blockchain zeigen, dass Miner den kleinsten Anteil ihrer Belohnungen "
            "seit dem Frühjahr an Handelsplätze überwiesen haben.",
            "Am Terminmarkt ist die Lage ruhiger als im Vormonat, die Finanzierungssätze liegen "
            "nahe null und das offene Interesse sinkt leicht.",
            "Mehrere Händler sagen, der nächste Schritt hänge von der Nachfrage der Fonds ab, die "
            "sich zuletzt nach einem starken Quartalsbeginn abgeschwächt hat.",
        ),
        headings=("Was die Miner tun", "Wohin der Markt als Nächstes geht"),
        takeaways_label="Das Wichtigste in Kürze",
        takeaways=(
            "Miner schickten so wenige Coins an Börsen wie seit dem Frühjahr nicht mehr.",
            "Die Finanzierungssätze liegen an den großen Börsen nahe null.",
            "Die Nachfrage der Fonds hat sich nach einem starken Start abgeschwächt.",
        ),
        disclaimer_label="Haftungsausschluss",
        disclaimer=(
            "Dieser Artikel dient ausschließlich zu Informationszwecken und stellt keine "
            "Anlageberatung dar.",
            "Kryptowährungen sind sehr volatil, ein Totalverlust des eingesetzten Kapitals ist "
            "möglich; informieren Sie sich selbst, bevor Sie eine Anlageentscheidung treffen.",
        ),
        footer_disclaimer="Die Inhalte dieser Website sind keine Anlageberatung. Der Handel mit "
        "Kryptowerten ist mit hohen Risiken verbunden.",
        banner="Kryptowerte sind hochvolatil und unreguliert. Ihr Kapital ist in Gefahr.",
        commenters=("Michael Braun", "Sabine Vogel", "Tobias Klein"),
        comments=(
            "Wenn die Miner halten, ist das meistens ein gutes Zeichen, das habe ich schon oft "
            "gesehen.",
            "Da bin ich skeptisch, die Zuflüsse der Fonds sind heute viel wichtiger als die Miner.",
            "Sehe ich wie Sabine, auf die ETF-Zahlen schauen gerade alle.",
        ),
        list_items=(
            "Hashrate nahe am Rekord",
            "Schwierigkeit zum dritten Mal gestiegen",
            "Gebühren weiter niedrig im Vergleich zum Vorjahr",
        ),
        teasers=(
            "Ethereum-Entwickler legen Termin für das nächste Upgrade fest",
            "Solana-Gebühren steigen mit dem Memecoin-Handel",
            "Stablecoin-Angebot erreicht neues Hoch",
        ),
        latest="Neueste Nachrichten",
        price_header=("Kurs", "Preis", "24h %"),
    )
)

_add(
    Texts(
        lang="fr",
        title="Le bitcoin tient son support tandis que les mineurs envoient moins de jetons",
        author="Claire Dubois",
        paras=(
            "Le bitcoin a passé la semaine dans une fourchette étroite, les investisseurs pesant la "
            "baisse des dépôts sur les plateformes face à des taux d'intérêt plus souples.",
            "Les données de la chaîne montrent que les mineurs ont transféré la plus petite part de "
            "leurs récompenses vers les plateformes depuis le printemps.",
            "Les marchés dérivés sont plus calmes que le mois dernier, avec des taux de financement "
            "proches de zéro et un intérêt ouvert en léger recul.",
            "Plusieurs courtiers estiment que la suite dépendra de la demande des fonds, qui a "
            "ralenti après un bon début de trimestre.",
        ),
        headings=("Ce que font les mineurs", "Où va le marché ensuite"),
        takeaways_label="Ce qu'il faut retenir",
        takeaways=(
            "Les mineurs ont envoyé le moins de jetons aux plateformes depuis le printemps.",
            "Les taux de financement restent proches de zéro sur les grandes plateformes.",
            "La demande des fonds a ralenti après un bon début de trimestre.",
        ),
        disclaimer_label="Avertissement",
        disclaimer=(
            "Cet article est fourni à titre informatif uniquement et ne constitue pas un conseil "
            "en investissement.",
            "Les cryptomonnaies sont très volatiles et vous pouvez perdre la totalité de votre "
            "capital ; faites vos propres recherches avant toute décision d'investissement.",
        ),
        footer_disclaimer="Rien sur ce site ne constitue un conseil financier. Le trading de "
        "crypto-actifs comporte un risque élevé de perte.",
        banner="Les crypto-actifs sont très volatils et non régulés. Votre capital est à risque.",
        commenters=("Julien Martin", "Sophie Laurent", "Hugo Moreau"),
        comments=(
            "Quand les mineurs gardent leurs jetons c'est souvent bon signe, je l'ai déjà vu avant.",
            "Je n'en suis pas sûre, les flux des fonds comptent bien plus que les mineurs.",
            "D'accord avec Sophie, tout le monde regarde les chiffres des ETF en ce moment.",
        ),
        list_items=(
            "puissance de calcul proche du record",
            "difficulté en hausse pour la troisième fois",
            "frais toujours bas par rapport à l'an dernier",
        ),
        teasers=(
            "Les développeurs d'Ethereum fixent la date de la prochaine mise à jour",
            "Les frais de Solana grimpent avec le retour des memecoins",
            "L'offre de stablecoins atteint un nouveau sommet",
        ),
        latest="Dernières actualités",
        price_header=("Actif", "Prix", "24h %"),
    )
)

_add(
    Texts(
        lang="es",
        title="Bitcoin se mantiene sobre el soporte mientras los mineros envían menos monedas",
        author="Carlos Romero",
        paras=(
            "Bitcoin pasó la semana en un rango estrecho mientras los inversores comparaban la caída "
            "de los depósitos en los exchanges con unas perspectivas de tipos más suaves.",
            "Los datos de la cadena muestran que los mineros enviaron la menor parte de sus "
            "recompensas a los exchanges desde la primavera.",
            "Los mercados de derivados están más tranquilos que el mes pasado, con tasas de "
            "financiación cercanas a cero y un interés abierto a la baja.",
            "Varios operadores creen que el próximo movimiento dependerá de la demanda de los "
            "fondos, que se frenó tras un buen inicio de trimestre.",
        ),
        headings=("Qué están haciendo los mineros", "Hacia dónde va el mercado"),
        takeaways_label="Puntos clave",
        takeaways=(
            "Los mineros enviaron menos monedas a los exchanges que en toda la primavera.",
            "Las tasas de financiación siguen cerca de cero en los grandes exchanges.",
            "La demanda de los fondos se frenó tras un buen inicio de trimestre.",
        ),
        disclaimer_label="Aviso legal",
        disclaimer=(
            "Este artículo tiene fines informativos únicamente y no constituye asesoramiento "
            "financiero ni de inversión.",
            "Las criptomonedas son muy volátiles y puede perder todo su capital; investigue por su "
            "cuenta antes de tomar cualquier decisión de inversión.",
        ),
        footer_disclaimer="Nada en este sitio es asesoramiento financiero. Operar con criptoactivos "
        "conlleva un alto riesgo de pérdida.",
        banner="Los criptoactivos son muy volátiles y no están regulados. Su capital está en riesgo.",
        commenters=("Javier Ortega", "Lucía Fernández", "Diego Navarro"),
        comments=(
            "Cuando los mineros aguantan suele ser buena señal, lo he visto antes de cada subida.",
            "No lo tengo tan claro, los flujos de los fondos pesan mucho más que los mineros.",
            "Estoy con Lucía, ahora mismo todos miran los datos de los ETF.",
        ),
        list_items=(
            "tasa de hash cerca de su récord",
            "dificultad al alza por tercera vez",
            "comisiones todavía bajas frente al año pasado",
        ),
        teasers=(
            "Los desarrolladores de Ethereum fijan la fecha de la próxima actualización",
            "Las comisiones de Solana suben con el regreso de los memecoins",
            "La oferta de stablecoins marca un nuevo máximo",
        ),
        latest="Últimas noticias",
        price_header=("Activo", "Precio", "24h %"),
    )
)

_add(
    Texts(
        lang="pt",
        title="Bitcoin se mantém acima do suporte enquanto mineradores enviam menos moedas",
        author="Beatriz Almeida",
        paras=(
            "O bitcoin passou a semana em uma faixa estreita enquanto investidores comparavam a "
            "queda dos depósitos nas corretoras com a perspectiva de juros mais baixos.",
            "Dados da blockchain mostram que os mineradores enviaram a menor parte das suas "
            "recompensas às corretoras desde a primavera.",
            "O mercado de derivativos está mais calmo do que no mês passado, com taxas de "
            "financiamento perto de zero e contratos em aberto em queda.",
            "Vários operadores dizem que o próximo movimento depende da demanda dos fundos, que "
            "desacelerou depois de um bom início de trimestre.",
        ),
        headings=("O que os mineradores estão fazendo", "Para onde vai o mercado"),
        takeaways_label="Principais pontos",
        takeaways=(
            "Os mineradores enviaram menos moedas às corretoras do que em toda a primavera.",
            "As taxas de financiamento seguem perto de zero nas maiores corretoras.",
            "A demanda dos fundos desacelerou depois de um bom início de trimestre.",
        ),
        disclaimer_label="Aviso legal",
        disclaimer=(
            "Este artigo tem fins meramente informativos e não constitui aconselhamento "
            "financeiro ou recomendação de investimento.",
            "Criptomoedas são muito voláteis e você pode perder todo o seu capital; faça sua "
            "própria pesquisa antes de tomar qualquer decisão de investimento.",
        ),
        footer_disclaimer="Nada neste site é aconselhamento financeiro. Negociar criptoativos "
        "envolve alto risco de perda.",
        banner="Criptoativos são muito voláteis e não regulamentados. Seu capital está em risco.",
        commenters=("Rafael Souza", "Mariana Costa", "Pedro Lima"),
        comments=(
            "Quando os mineradores seguram costuma ser um bom sinal, já vi isso antes de cada alta.",
            "Não tenho tanta certeza, os fluxos dos fundos pesam muito mais hoje em dia.",
            "Concordo com a Mariana, todo mundo está olhando os números dos ETFs agora.",
        ),
        list_items=(
            "taxa de hash perto do recorde",
            "dificuldade em alta pela terceira vez",
            "taxas ainda baixas em relação ao ano passado",
        ),
        teasers=(
            "Desenvolvedores do Ethereum marcam a data da próxima atualização",
            "Taxas da Solana sobem com a volta das memecoins",
            "Oferta de stablecoins atinge novo recorde",
        ),
        latest="Últimas notícias",
        price_header=("Ativo", "Preço", "24h %"),
    )
)

_add(
    Texts(
        lang="tr",
        title="Bitcoin destek üzerinde kalırken madenciler borsalara daha az coin gönderiyor",
        author="Emre Yılmaz",
        paras=(
            "Bitcoin hafta boyunca dar bir aralıkta hareket etti; yatırımcılar borsalara giren "
            "coinlerin azalmasını daha yumuşak faiz beklentileriyle birlikte değerlendirdi.",
            "Zincir üstü veriler, madencilerin ödüllerinin en küçük bölümünü bahardan bu yana "
            "borsalara aktardığını gösteriyor.",
            "Türev piyasaları geçen aya göre daha sakin; fonlama oranları sıfıra yakın ve açık "
            "pozisyonlar hafifçe geriliyor.",
            "Birçok işlemciye göre bir sonraki hareket, çeyreğin güçlü başlangıcından sonra "
            "yavaşlayan fon talebine bağlı.",
        ),
        headings=("Madenciler ne yapıyor", "Piyasa bundan sonra nereye gidiyor"),
        takeaways_label="Özet",
        takeaways=(
            "Madenciler bahardan bu yana borsalara en az coini gönderdi.",
            "Büyük borsalarda fonlama oranları sıfıra yakın seyrediyor.",
            "Fonların talebi güçlü bir başlangıcın ardından yavaşladı.",
        ),
        disclaimer_label="Yasal uyarı",
        disclaimer=(
            "Bu makale yalnızca bilgilendirme amaçlıdır ve yatırım tavsiyesi değildir.",
            "Kripto paralar son derece oynaktır ve sermayenizin tamamını kaybedebilirsiniz; "
            "herhangi bir yatırım kararı vermeden önce kendi araştırmanızı yapın.",
        ),
        footer_disclaimer="Bu sitedeki hiçbir içerik yatırım tavsiyesi değildir. Kripto varlık "
        "alım satımı yüksek kayıp riski taşır.",
        banner="Kripto varlıklar son derece oynaktır ve düzenlenmemiştir. Sermayeniz risk altındadır.",
        commenters=("Mehmet Kaya", "Ayşe Demir", "Burak Şahin"),
        comments=(
            "Madencilerin satmaması genelde iyi bir işaret, bunu her büyük yükselişten önce gördüm.",
            "Emin değilim, bugünlerde fon girişleri madencilerden çok daha önemli.",
            "Ayşe'ye katılıyorum, herkes şu anda ETF rakamlarına bakıyor.",
        ),
        list_items=(
            "hash oranı rekora yakın",
            "zorluk üçüncü kez arttı",
            "işlem ücretleri geçen yıla göre hâlâ düşük",
        ),
        teasers=(
            "Ethereum geliştiricileri bir sonraki güncellemenin tarihini belirledi",
            "Memecoin işlemleri geri dönünce Solana ücretleri yükseldi",
            "Stablecoin arzı yeni bir zirveye ulaştı",
        ),
        latest="Son haberler",
        price_header=("Varlık", "Fiyat", "24s %"),
    )
)

_add(
    Texts(
        lang="ru",
        title="Биткоин держится выше поддержки, майнеры отправляют на биржи меньше монет",
        author="Алексей Смирнов",
        paras=(
            "Всю неделю биткоин торговался в узком диапазоне: инвесторы сопоставляли снижение "
            "притока монет на биржи с ожиданиями более мягкой процентной политики.",
            "Данные блокчейна показывают, что майнеры перевели на торговые площадки наименьшую "
            "долю своих наград с весны.",
            "На рынке деривативов спокойнее, чем месяц назад: ставки финансирования близки к нулю, "
            "а открытый интерес постепенно снижается.",
            "Несколько трейдеров считают, что дальнейшее движение зависит от спроса со стороны "
            "фондов, который замедлился после сильного начала квартала.",
        ),
        headings=("Что делают майнеры", "Куда пойдёт рынок дальше"),
        takeaways_label="Ключевые моменты",
        takeaways=(
            "Майнеры отправили на биржи меньше всего монет с весны.",
            "Ставки финансирования на крупных биржах близки к нулю.",
            "Спрос фондов замедлился после сильного начала квартала.",
        ),
        disclaimer_label="Отказ от ответственности",
        disclaimer=(
            "Статья носит исключительно информационный характер и не является инвестиционной "
            "рекомендацией.",
            "Криптовалюты очень волатильны, вы можете потерять весь вложенный капитал; проводите "
            "собственное исследование перед принятием инвестиционных решений.",
        ),
        footer_disclaimer="Материалы сайта не являются финансовой консультацией. Торговля "
        "криптоактивами связана с высоким риском потерь.",
        banner="Криптоактивы очень волатильны и не регулируются. Ваш капитал под угрозой.",
        commenters=("Дмитрий Иванов", "Ольга Петрова", "Сергей Козлов"),
        comments=(
            "Если майнеры держат монеты, это обычно хороший знак, я видел такое перед ростом.",
            "Не уверена, сейчас потоки в фонды значат гораздо больше, чем майнеры.",
            "Согласен с Ольгой, сейчас все смотрят на данные по ETF.",
        ),
        list_items=(
            "хешрейт близок к рекорду",
            "сложность выросла третий раз подряд",
            "комиссии всё ещё ниже прошлогодних",
        ),
        teasers=(
            "Разработчики Ethereum назначили дату следующего обновления",
            "Комиссии в сети Solana растут вместе с торговлей мемкоинами",
            "Предложение стейблкоинов достигло нового максимума",
        ),
        latest="Последние новости",
        price_header=("Актив", "Цена", "24ч %"),
    )
)

_add(
    Texts(
        lang="ja",
        title="ビットコインは支持線を維持、マイナーの取引所への送金が減少",
        author="佐藤 健太",
        paras=(
            "ビットコインは今週、狭いレンジで推移した。投資家は取引所への流入減少と米国の金利見通しの"
            "軟化を見比べている。",
            "オンチェーンデータによると、マイナーが取引所に送った報酬の割合は春以来で最も小さくなった。"
            "アナリストはこれを売り急がない姿勢の表れとみている。",
            "デリバティブ市場は先月より落ち着いており、資金調達率はゼロ近辺、建玉も大手取引所で"
            "緩やかに減少している。",
            "複数のトレーダーは、次の動きは四半期の好調な滑り出しの後に鈍化したファンドの現物需要"
            "次第だと話している。",
        ),
        headings=("マイナーの動き", "今後の相場の行方"),
        takeaways_label="要点",
        takeaways=(
            "マイナーの取引所への送金は春以来の最少となった。",
            "大手取引所の資金調達率はゼロ近辺で推移している。",
            "ファンドの現物需要は好調な滑り出しの後に鈍化した。",
        ),
        disclaimer_label="免責事項",
        disclaimer=(
            "本記事は情報提供のみを目的としており、投資助言ではありません。",
            "暗号資産は価格変動が非常に大きく、元本をすべて失う可能性があります。投資判断は"
            "ご自身の責任で行ってください。",
        ),
        footer_disclaimer="当サイトの情報は投資助言ではありません。暗号資産の取引には"
        "損失のリスクがあります。",
        banner="暗号資産は価格変動が大きく、規制されていません。元本割れのリスクがあります。",
        commenters=("田中 翔", "鈴木 美咲", "高橋 大輔"),
        comments=(
            "マイナーが売らないのはたいてい良い兆候だと思います。前にも同じ動きを見ました。",
            "どうでしょう、今はマイナーよりもファンドの資金の流れの方がずっと重要だと思います。",
            "鈴木さんに同意です。今はみんなETFの数字を見ていますね。",
        ),
        list_items=(
            "ハッシュレートは過去最高に近い水準",
            "採掘難易度は三回連続で上昇",
            "手数料は昨年と比べてまだ低い",
        ),
        teasers=(
            "イーサリアム開発者が次のアップグレードの日程を決定",
            "ミームコイン取引の復活でソラナの手数料が上昇",
            "ステーブルコインの供給量が過去最高に",
        ),
        latest="最新ニュース",
        price_header=("銘柄", "価格", "24時間 %"),
    )
)

_add(
    Texts(
        lang="ko",
        title="비트코인 지지선 유지, 채굴자들의 거래소 송금 감소",
        author="김민준",
        paras=(
            "비트코인은 이번 주 좁은 범위에서 움직였다. 투자자들은 거래소 유입 감소와 미국의 완화된 "
            "금리 전망을 함께 저울질했다.",
            "온체인 데이터에 따르면 채굴자들이 거래소로 보낸 보상의 비중은 봄 이후 가장 작았다. "
            "분석가들은 이를 매도를 서두르지 않는 신호로 본다.",
            "파생상품 시장은 지난달보다 차분하며, 펀딩비는 중립에 가깝고 미결제약정도 주요 거래소에서 "
            "조금씩 줄고 있다.",
            "여러 트레이더는 다음 움직임이 분기 초 강한 출발 이후 둔화된 펀드의 현물 수요에 달려 "
            "있다고 말했다.",
        ),
        headings=("채굴자들은 무엇을 하고 있나", "시장은 어디로 가나"),
        takeaways_label="핵심 요약",
        takeaways=(
            "채굴자들의 거래소 송금이 봄 이후 가장 적었다.",
            "주요 거래소의 펀딩비는 중립에 가깝게 유지되고 있다.",
            "펀드의 현물 수요는 강한 출발 이후 둔화되었다.",
        ),
        disclaimer_label="면책 조항",
        disclaimer=(
            "이 기사는 정보 제공 목적으로만 작성되었으며 투자 조언이 아닙니다.",
            "암호화폐는 변동성이 매우 커서 원금을 모두 잃을 수 있습니다. 투자 결정은 본인의 "
            "책임하에 신중하게 내리시기 바랍니다.",
        ),
        footer_disclaimer="이 사이트의 어떤 내용도 투자 조언이 아닙니다. 암호화폐 거래는 높은 "
        "손실 위험을 수반합니다.",
        banner="암호화폐는 변동성이 매우 크고 규제되지 않습니다. 원금 손실 위험이 있습니다.",
        commenters=("이서연", "박지훈", "최유나"),
        comments=(
            "채굴자들이 팔지 않는 건 보통 좋은 신호예요. 예전에도 상승 전에 이런 흐름을 봤어요.",
            "글쎄요, 요즘은 채굴자보다 펀드 자금 흐름이 훨씬 중요하다고 봅니다.",
            "박지훈 님 말에 동의해요. 지금은 다들 ETF 숫자만 보고 있죠.",
        ),
        list_items=(
            "해시레이트는 사상 최고치에 근접",
            "채굴 난이도는 세 번 연속 상승",
            "수수료는 작년보다 여전히 낮은 수준",
        ),
        teasers=(
            "이더리움 개발자들, 다음 업그레이드 일정 확정",
            "밈코인 거래 재개로 솔라나 수수료 상승",
            "스테이블코인 공급량 사상 최대치 기록",
        ),
        latest="최신 뉴스",
        price_header=("종목", "가격", "24시간 %"),
    )
)

_add(
    Texts(
        lang="zh",
        title="比特币守住支撑位，矿工转入交易所的币量减少",
        author="王晓明",
        paras=(
            "本周比特币在窄幅区间内波动，投资者一边关注交易所流入量下降，一边评估美国利率前景的"
            "放缓。",
            "链上数据显示，矿工转入交易平台的奖励比例降至春季以来的最低水平，分析人士通常将其视为"
            "不急于抛售的信号。",
            "衍生品市场比上月更加平静，资金费率接近中性，主要交易所的未平仓合约也在小幅下降。",
            "多位交易员表示，下一步走势取决于基金的现货需求，这一需求在季度初强劲开局之后有所放缓。",
        ),
        headings=("矿工在做什么", "市场下一步走向何方"),
        takeaways_label="要点",
        takeaways=(
            "矿工转入交易所的币量为春季以来最少。",
            "主要交易所的资金费率保持在中性附近。",
            "基金的现货需求在强劲开局后有所放缓。",
        ),
        disclaimer_label="免责声明",
        disclaimer=(
            "本文仅供参考，不构成任何投资建议。",
            "加密货币价格波动极大，您可能损失全部本金，请在做出任何投资决定前自行研究并"
            "自行承担风险。",
        ),
        footer_disclaimer="本网站的任何内容均不构成投资建议。加密资产交易存在较高的亏损风险。",
        banner="加密资产波动性极高且不受监管，您的资本面临风险。",
        commenters=("李华", "张伟", "刘洋"),
        comments=(
            "矿工不卖通常是好信号，我以前在每次大涨之前都见过这种情况。",
            "我不太确定，现在基金的资金流向比矿工重要得多。",
            "同意张伟的看法，现在大家都在盯着ETF的数据。",
        ),
        list_items=(
            "算力接近历史最高",
            "挖矿难度连续第三次上调",
            "手续费仍低于去年水平",
        ),
        teasers=(
            "以太坊开发者确定下一次升级日期",
            "随着迷因币交易回归，Solana手续费上涨",
            "稳定币供应量创下新高",
        ),
        latest="最新资讯",
        price_header=("币种", "价格", "24小时 %"),
    )
)
