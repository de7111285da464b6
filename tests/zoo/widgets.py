# ruff: noqa: E501  (markup and text data: long lines read better whole)
"""Widget markup of the zoo: takeaways boxes, comment systems, ticker strips, disclaimers.

Every function renders one real-world markup pattern from the zoo's own data; the gold
for it is computed by :mod:`tests.zoo.generate` from the same data.  The markup follows
what the systems named emit server-side (or what their scripts leave in the DOM).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape

from .texts import Texts

# ----------------------------------------------------------------- takeaways

TAKEAWAY_STYLES = (
    "list-heading", "details", "table", "aside", "ghost-callout", "gutenberg-group",
    "elementor-iconlist", "unlabelled-top", "bold-label-p",
)  # fmt: skip


def takeaways(style: str, t: Texts) -> str:
    """A takeaways box in ``style``."""
    label = escape(t.takeaways_label)
    items = [escape(x) for x in t.takeaways]
    lis = "".join(f"<li>{x}</li>" for x in items)
    if style == "list-heading":
        return f'<div class="box-summary"><h3>{label}</h3><ul>{lis}</ul></div>'
    if style == "details":
        return f"<details open><summary>{label}</summary><ul>{lis}</ul></details>"
    if style == "table":
        rows = "".join(f"<tr><td>{x}</td></tr>" for x in items)
        return (
            f'<table class="summary-table"><caption>{label}</caption><tbody>{rows}</tbody></table>'
        )
    if style == "aside":
        return f'<aside class="article-aside"><h4>{label}</h4><ol>{lis}</ol></aside>'
    if style == "ghost-callout":
        lines = "<br>".join(items)
        return (
            '<div class="kg-card kg-callout-card kg-callout-card-blue">'
            '<div class="kg-callout-emoji">💡</div>'
            f'<div class="kg-callout-text"><b><strong style="white-space: pre-wrap;">{label}'
            f"</strong></b><br>{lines}</div></div>"
        )
    if style == "gutenberg-group":
        return (
            '<div class="wp-block-group has-background is-layout-constrained">'
            f'<h2 class="wp-block-heading">{label}</h2>'
            f'<ul class="wp-block-list">{lis}</ul></div>'
        )
    if style == "elementor-iconlist":
        icon_items = "".join(
            '<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon">'
            '<i aria-hidden="true" class="fas fa-check"></i></span>'
            f'<span class="elementor-icon-list-text">{x}</span></li>'
            for x in items
        )
        return (
            '<div class="elementor-element elementor-widget elementor-widget-heading">'
            '<div class="elementor-widget-container">'
            f'<h3 class="elementor-heading-title elementor-size-default">{label}</h3></div></div>'
            '<div class="elementor-element elementor-widget elementor-widget-icon-list">'
            '<div class="elementor-widget-container">'
            f'<ul class="elementor-icon-list-items">{icon_items}</ul></div></div>'
        )
    if style == "unlabelled-top":
        return f'<div class="lead-points"><ul>{lis}</ul></div>'
    if style == "bold-label-p":
        ps = "".join(f"<p>• {x}</p>" for x in items)
        return f"<p><strong>{label}</strong></p>{ps}"
    raise ValueError(style)


# ----------------------------------------------------------------- comments

COMMENT_STYLES = (
    "wordpress", "drupal", "joomla", "typo3", "discourse", "commento", "isso", "remark42",
    "hyvor", "microformats", "schema", "blogger", "substack", "nextjs", "nuxt",
)  # fmt: skip

_DATES = ("2026-06-06T10:15:00+00:00", "2026-06-06T11:02:00+00:00", "2026-06-06T12:40:00+00:00")
_SHOWN = ("06.06.2026 10:15", "06.06.2026 11:02", "06.06.2026 12:40")


@dataclass(frozen=True)
class _C:
    i: int
    author: str
    text: str
    date: str
    shown: str


def _thread(t: Texts) -> tuple[list[_C], dict[int, int]]:
    """Three comments: the third replies to the second."""
    cs = [
        _C(i + 1, escape(t.commenters[i]), escape(t.comments[i]), _DATES[i], _SHOWN[i])
        for i in range(3)
    ]
    return cs, {3: 2}


def comments(style: str, t: Texts, heading: str) -> str:
    """A comment thread of three comments (one reply) in the markup of ``style``."""
    cs, parents = _thread(t)
    return _RENDER[style](cs, parents, escape(heading))


def _nest(cs: list[_C], parents: dict[int, int], one, children) -> str:  # type: ignore[no-untyped-def]
    """Render roots with their replies nested via ``children(html)``."""

    def render(c: _C) -> str:
        kids = "".join(render(k) for k in cs if parents.get(k.i) == c.i)
        return one(c, children(kids) if kids else "")

    return "".join(render(c) for c in cs if c.i not in parents)


def _wordpress(cs, parents, h):  # type: ignore[no-untyped-def]
    def one(c, kids):  # type: ignore[no-untyped-def]
        return (
            f'<li id="comment-{c.i}" class="comment even thread-even depth-1">'
            f'<article id="div-comment-{c.i}" class="comment-body">'
            '<footer class="comment-meta"><div class="comment-author vcard">'
            '<img alt="" src="/avatar.png" class="avatar avatar-32 photo" height="32" width="32">'
            f'<b class="fn">{c.author}</b> <span class="says">says:</span></div>'
            f'<div class="comment-metadata"><a href="#comment-{c.i}"><time datetime="{c.date}">'
            f"{c.shown}</time></a></div></footer>"
            f'<div class="comment-content"><p>{c.text}</p></div>'
            f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="?replytocom={c.i}'
            '#respond">Reply</a></div></article>'
            f"{kids}</li>"
        )

    body = _nest(cs, parents, one, lambda k: f'<ol class="children">{k}</ol>')
    return (
        f'<div id="comments" class="comments-area"><h2 class="comments-title">{h}</h2>'
        f'<ol class="comment-list">{body}</ol>'
        '<div id="respond" class="comment-respond"><form action="/wp-comments-post.php" '
        'method="post" id="commentform"><textarea id="comment" name="comment"></textarea>'
        '<input name="submit" type="submit" id="submit" value="Post Comment"></form></div></div>'
    )


def _drupal(cs, parents, h):  # type: ignore[no-untyped-def]
    def one(c, kids):  # type: ignore[no-untyped-def]
        subject = " ".join(c.text.split()[:3])
        return (
            f'<article data-comment-user-id="0" id="comment-{c.i}" class="comment js-comment '
            'by-anonymous" role="article">'
            f'<span class="hidden" data-comment-timestamp="178077{c.i}000"></span>'
            '<footer class="comment__meta">'
            f'<p class="comment__author"><span>{c.author}</span></p>'
            f'<p class="comment__time">{c.shown}</p>'
            f'<p class="comment__permalink"><a href="/comment/{c.i}#comment-{c.i}" '
            'hreflang="und">Permalink</a></p></footer>'
            '<div class="comment__content">'
            f'<h3><a href="/comment/{c.i}#comment-{c.i}" class="permalink" rel="bookmark" '
            f'hreflang="und">{subject}…</a></h3>'
            '<div class="clearfix text-formatted field field--name-comment-body '
            f'field--type-text-long field--label-hidden field__item"><p>{c.text}</p></div>'
            '<ul class="links inline"><li class="comment-reply"><a href="/comment/reply/node/7/'
            f'comment/{c.i}">Reply</a></li></ul></div></article>'
            f"{kids}"
        )

    body = _nest(cs, parents, one, lambda k: f'<div class="indented">{k}</div>')
    return (
        '<section class="field field--name-comment field--type-comment field--label-above '
        f'comment-wrapper"><h2 class="title comment-wrapper__title">{h}</h2>{body}'
        '<h2 class="title comment-form__title">Add new comment</h2>'
        '<form class="comment-comment-form comment-form" action="/comment/reply/node/7/comment" '
        'method="post"><textarea name="comment_body[0][value]"></textarea></form></section>'
    )


def _joomla(cs, parents, h):  # type: ignore[no-untyped-def]
    def one(c, kids):  # type: ignore[no-untyped-def]
        return (
            f'<div class="even" id="comment-item-{c.i}"><div class="rbox"><div class="comment-box">'
            f'<a class="comment-anchor" href="#comment-{c.i}" id="comment-{c.i}">#{c.i}</a> '
            f'<span class="comment-author">{c.author}</span> '
            f'<span class="comment-date">{c.shown}</span>'
            f'<div class="comment-body" id="comment-body-{c.i}">{c.text}</div>'
            '<span class="comments-buttons"><a href="#" onclick="return false;">Reply</a></span>'
            f"</div></div>{kids}</div>"
        )

    body = _nest(cs, parents, one, lambda k: f'<div class="comments-list">{k}</div>')
    return (
        f'<div id="jc"><div id="comments"><h4>{h}</h4>'
        f'<div class="comments-list" id="comments-list-0">{body}</div></div>'
        '<div id="comments-form-link"><a id="addcomments" href="#addcomments">Add comment</a>'
        "</div></div>"
    )


def _typo3(cs, parents, h):  # type: ignore[no-untyped-def]
    def one(c, kids):  # type: ignore[no-untyped-def]
        return (
            f'<div class="comment" id="comment{c.i}"><div class="comment-header">'
            f'<span class="comment-author">{c.author}</span> '
            f'<span class="comment-date"><time datetime="{c.date}">{c.shown}</time></span></div>'
            f'<div class="comment-message"><p>{c.text}</p></div>'
            '<div class="comment-actions"><a href="#commentForm">Antworten</a></div>'
            f"{kids}</div>"
        )

    body = _nest(cs, parents, one, lambda k: f'<div class="comment-replies">{k}</div>')
    return (
        '<div class="frame frame-default frame-type-list" id="c88"><div class="tx-pwcomments">'
        f'<h3 class="comments-headline">{h}</h3><div class="comments">{body}</div></div></div>'
    )


def _discourse(cs, parents, h):  # type: ignore[no-untyped-def]
    out = []
    for c in cs:
        reply = ""
        if c.i in parents:
            p = cs[parents[c.i] - 1]
            reply = (
                f'<a href="/t/topic/42/{p.i + 1}" class="in-reply-to">↩ <img class="avatar" '
                f'src="/a.png" alt="">{p.author}</a>'
            )
        out.append(
            f"<article class='post' id='post-{c.i + 1}'><div class='author'>"
            f"<img src='/user_avatar/{c.i}.png' class='avatar' alt=''></div>"
            f"<div class='byline'><a href='/u/u{c.i}' class='username'>{c.author}</a>"
            f"<span class='post-date'><a href='/t/topic/42/{c.i + 1}' title='{c.date}'>"
            f"{c.shown}</a></span>{reply}</div>"
            f"<div class='cooked'><p>{c.text}</p></div></article>"
        )
    return (
        f"<div class='discourse-embed'><header><h3>{h}</h3></header><div class='posts'>"
        + "".join(out)
        + "</div><footer><a class='button' href='/t/topic/42'>Continue discussion</a></footer></div>"
    )


def _commento(cs, parents, h):  # type: ignore[no-untyped-def]
    def one(c, kids):  # type: ignore[no-untyped-def]
        cid = f"c0{c.i}ab"
        children = (
            f'<div class="commento-body commento-children" id="commento-comment-children-{cid}">'
            f"{kids}</div>"
            if kids
            else ""
        )
        return (
            f'<div class="commento-card" id="commento-comment-card-{cid}" style="border-left: '
            f'2px solid #d0d0d0;"><div class="commento-header" id="commento-comment-header-{cid}">'
            f'<div class="commento-avatar commento-anonymous-avatar">{c.author[:1]}</div>'
            f'<div class="commento-name">{c.author}</div>'
            '<div class="commento-subtitle"><div class="commento-score">0 points</div>'
            f'<div class="commento-timeago" title="{c.date}">{c.shown}</div></div></div>'
            f'<div class="commento-contents" id="commento-comment-contents-{cid}">'
            f'<div class="commento-body" id="commento-comment-body-{cid}"><p>{c.text}</p></div>'
            '<div class="commento-options"><button class="commento-option-button '
            'commento-option-reply" title="Reply"></button></div>'
            f"{children}</div></div>"
        )

    body = _nest(cs, parents, one, lambda k: k)
    return (
        f'<h3>{h}</h3><div id="commento"><div id="commento-main-area">'
        '<div class="commento-root-min-height"><textarea id="commento-textarea-root" '
        'placeholder="Add a comment"></textarea></div>'
        f'<div id="commento-comments-area">{body}</div></div></div>'
    )


def _isso(cs, parents, h):  # type: ignore[no-untyped-def]
    def one(c, kids):  # type: ignore[no-untyped-def]
        return (
            f'<div class="isso-comment" id="isso-{c.i}"><div class="isso-avatar">'
            '<svg width="48" height="48"></svg></div><div class="isso-text-wrapper">'
            '<div class="isso-comment-header" role="meta">'
            f'<span class="isso-author">{c.author}</span><span class="isso-spacer">•</span>'
            f'<a class="isso-permalink" href="#isso-{c.i}"><time title="{c.shown}" '
            f'datetime="{c.date}">{c.shown}</time></a></div>'
            f'<div class="isso-text"><p>{c.text}</p></div>'
            '<div class="isso-comment-footer"><span class="isso-votes">0</span>'
            '<a class="isso-upvote" href="#"></a><a class="isso-downvote" href="#"></a>'
            '<a class="isso-reply" href="#">Reply</a></div>'
            f'<div class="isso-follow-up">{kids}</div></div></div>'
        )

    body = _nest(cs, parents, one, lambda k: k)
    return (
        f'<section id="isso-thread"><h4 class="isso-thread-heading">{h}</h4>'
        '<div class="isso-postbox"><div class="isso-form-wrapper"><div class="isso-textarea-wrapper">'
        '<div class="isso-textarea" contenteditable="true"></div></div></div></div>'
        f'<div id="isso-root">{body}</div></section>'
    )


def _remark42(cs, parents, h):  # type: ignore[no-untyped-def]
    out = []

    def level(c: _C) -> int:
        return 0 if c.i not in parents else 1 + level(cs[parents[c.i] - 1])

    for c in cs:
        out.append(
            f'<article class="comment comment_level_{level(c)}" id="remark42__comment-{c.i}x">'
            '<div class="comment__body"><div class="comment__info">'
            '<img class="avatar-icon comment__avatar" src="/r.png" alt="">'
            f'<span class="comment__username">{c.author}</span>'
            f'<a class="comment__time" href="#remark42__comment-{c.i}x">{c.shown}</a>'
            '<span class="comment__score"><span class="comment__score-value">0</span></span>'
            f'</div><div class="comment__text raw-content"><p>{c.text}</p></div>'
            '<div class="comment__actions"><button class="comment__action">Reply</button></div>'
            "</div></article>"
        )
    return (
        f'<div id="remark42"><div class="root"><h3 class="root__title">{h}</h3>'
        '<div class="root__threads" role="list">' + "".join(out) + "</div></div></div>"
    )


def _hyvor(cs, parents, h):  # type: ignore[no-untyped-def]
    def one(c, kids):  # type: ignore[no-untyped-def]
        return (
            f'<div class="ht-comment" data-comment-id="{c.i}"><div class="ht-comment-head">'
            f'<span class="ht-comment-name">{c.author}</span>'
            f'<time class="ht-comment-time" datetime="{c.date}">{c.shown}</time></div>'
            f'<div class="ht-comment-body"><p>{c.text}</p></div>'
            '<div class="ht-comment-actions"><button>Reply</button><button>Share</button></div>'
            f'<div class="ht-comment-replies">{kids}</div></div>'
        )

    body = _nest(cs, parents, one, lambda k: k)
    return (
        f'<div id="hyvor-talk-view"><div class="ht-wrap"><h3 class="ht-title">{h}</h3>'
        f'<div class="ht-comments">{body}</div></div></div>'
    )


def _microformats(cs, parents, h):  # type: ignore[no-untyped-def]
    def one(c, kids):  # type: ignore[no-untyped-def]
        return (
            f'<li><article class="p-comment h-cite" id="c{c.i}">'
            f'<span class="p-author h-card"><a class="u-url p-name" href="https://u{c.i}.example">'
            f"{c.author}</a></span> "
            f'<a class="u-url" href="#c{c.i}"><time class="dt-published" datetime="{c.date}">'
            f"{c.shown}</time></a>"
            f'<div class="e-content p-name"><p>{c.text}</p></div></article>{kids}</li>'
        )

    body = _nest(cs, parents, one, lambda k: f"<ul>{k}</ul>")
    return f'<section class="responses"><h2>{h}</h2><ul class="comments">{body}</ul></section>'


def _schema(cs, parents, h):  # type: ignore[no-untyped-def]
    def one(c, kids):  # type: ignore[no-untyped-def]
        return (
            '<div itemprop="comment" itemscope itemtype="https://schema.org/Comment" '
            f'class="user-note"><div class="note-head"><span itemprop="author" itemscope '
            f'itemtype="https://schema.org/Person"><span itemprop="name">{c.author}</span></span>'
            f' · <time itemprop="dateCreated" datetime="{c.date}">{c.shown}</time></div>'
            f'<div itemprop="text"><p>{c.text}</p></div>{kids}</div>'
        )

    body = _nest(cs, parents, one, lambda k: f'<div class="note-replies">{k}</div>')
    return f'<section class="user-notes"><h3>{h}</h3>{body}</section>'


def _blogger(cs, parents, h):  # type: ignore[no-untyped-def]
    def one(c, kids):  # type: ignore[no-untyped-def]
        replies = (
            '<div class="comment-replies"><div class="comment-thread inline-thread">'
            f"<ol>{kids}</ol></div></div>"
            if kids
            else ""
        )
        return (
            f'<li class="comment" id="c{c.i}00"><div class="avatar-image-container">'
            '<img src="/b.png" alt=""></div><div class="comment-block">'
            f'<div class="comment-header"><cite class="user"><a href="/profile/{c.i}" '
            f'rel="nofollow">{c.author}</a></cite><span class="icon user"></span>'
            f'<span class="datetime secondary-text"><a rel="nofollow" href="?c={c.i}00#c{c.i}00">'
            f"{c.shown}</a></span></div>"
            f'<p class="comment-content">{c.text}</p>'
            '<span class="comment-actions secondary-text"><a class="comment-reply" '
            'target="_self">Reply</a><span class="item-control blog-admin">'
            '<a href="/delete-comment">Delete</a></span></span></div>'
            f"{replies}</li>"
        )

    body = _nest(cs, parents, one, lambda k: k)
    return (
        f'<div class="comments" id="comments"><a name="comments"></a><h4>{h}</h4>'
        f'<div class="comments-content"><div class="comment-thread toplevel-thread">'
        f'<ol id="top-ra">{body}</ol></div></div></div>'
    )


def _substack(cs, parents, h):  # type: ignore[no-untyped-def]
    def one(c, kids):  # type: ignore[no-untyped-def]
        return (
            f'<div class="comment" id="comment-{c.i}0{c.i}"><div class="comment-content">'
            '<div class="comment-meta"><span class="commenter-name">'
            f'<a href="/profile/{c.i}">{c.author}</a></span>'
            f'<a class="comment-date" href="/p/x/comment/{c.i}0{c.i}" title="{c.date}">'
            f"{c.shown}</a></div>"
            f'<div class="comment-body"><p>{c.text}</p></div>'
            '<div class="comment-actions"><a>Like</a><a>Reply</a><a>Share</a></div></div>'
            f'<div class="comment-list-items">{kids}</div></div>'
        )

    body = _nest(cs, parents, one, lambda k: k)
    return (
        f'<div class="comments-page"><h4 class="comments-heading">{h}</h4>'
        f'<div class="comment-list"><div class="comment-list-items">{body}</div></div></div>'
    )


def _nextjs(cs, parents, h):  # type: ignore[no-untyped-def]
    out = []
    for c in cs:
        parent = parents.get(c.i)
        pattr = f' data-parent-id="cm{parent}"' if parent else ""
        out.append(
            f'<div class="CommentCard_root__Xq81s" data-comment-id="cm{c.i}"{pattr}>'
            f'<div class="CommentCard_head__p0LmZ"><span class="CommentCard_author__a7Tt2">'
            f'{c.author}</span><time dateTime="{c.date}">{c.shown}</time></div>'
            f'<p class="CommentCard_body__kk2Ws">{c.text}</p>'
            '<div class="CommentCard_actions__1rRtQ"><button>Reply</button><span>0</span></div></div>'
        )
    return (
        f'<section class="Comments_section__Gv3aA" data-testid="comments-section"><h2>{h}</h2>'
        '<div class="Comments_list__q9LMe">' + "".join(out) + "</div></section>"
    )


def _nuxt(cs, parents, h):  # type: ignore[no-untyped-def]
    def one(c, kids):  # type: ignore[no-untyped-def]
        return (
            f'<div data-v-4c1e9a2b class="comment-card"><div data-v-4c1e9a2b class="comment-card__head">'
            f'<strong data-v-4c1e9a2b class="comment-card__author">{c.author}</strong>'
            f'<time data-v-4c1e9a2b datetime="{c.date}">{c.shown}</time></div>'
            f'<div data-v-4c1e9a2b class="comment-card__text">{c.text}</div>'
            f'<div data-v-4c1e9a2b class="comment-card__replies">{kids}</div></div>'
        )

    body = _nest(cs, parents, one, lambda k: k)
    return (
        f'<section data-v-7f1a0c3e class="article-comments"><h3 data-v-7f1a0c3e>{h}</h3>'
        f"{body}</section>"
    )


_RENDER = {
    "wordpress": _wordpress, "drupal": _drupal, "joomla": _joomla, "typo3": _typo3,
    "discourse": _discourse, "commento": _commento, "isso": _isso, "remark42": _remark42,
    "hyvor": _hyvor, "microformats": _microformats, "schema": _schema, "blogger": _blogger,
    "substack": _substack, "nextjs": _nextjs, "nuxt": _nuxt,
}  # fmt: skip


def comment_gold(t: Texts) -> list[dict[str, object]]:
    """The scorer's comment tree of :func:`comments`."""
    first, second, third = (
        {"author": t.commenters[i], "text": t.comments[i], "replies": []} for i in range(3)
    )
    second["replies"] = [third]
    return [first, second]


# ----------------------------------------------------------------- tickers

TICKER_STYLES = (
    "percent", "nopct-header", "nopct-raw", "pairs-compact", "local-de", "local-space",
    "local-swiss", "arrows", "colour", "data-attrs",
)  # fmt: skip

#: (symbol, name, price, change %)
QUOTES = (
    ("BTC", "Bitcoin", Decimal("61321.00"), Decimal("-1.90")),
    ("ETH", "Ethereum", Decimal("3456.78"), Decimal("2.35")),
    ("SOL", "Solana", Decimal("145.20"), Decimal("0.80")),
    ("XRP", "XRP", Decimal("0.5234"), Decimal("-0.42")),
)


def _en(d: Decimal, places: int = 2) -> str:
    return f"{d:,.{places}f}"


def _places(d: Decimal) -> int:
    return max(2, -d.as_tuple().exponent)  # type: ignore[operator]


def _signed(d: Decimal, sep: str = ".") -> str:
    s = f"{d:+.2f}"
    return s.replace(".", sep)


def tickers(style: str, header: tuple[str, str, str]) -> tuple[str, list[dict[str, str | None]]]:
    """A price strip in ``style`` and its gold quotes."""
    gold: list[dict[str, str | None]] = []
    items = []
    for i, (sym, name, price, chg) in enumerate(QUOTES):
        pl = _places(price)
        shown_price = price
        cls = "up" if chg > 0 else "down"
        change: Decimal | None = chg
        symbol_html = f'<span class="symbol">{sym}</span>'
        if style == "percent":
            p, c = f"${_en(price, pl)}", f"{_signed(chg)}%"
        elif style == "nopct-header" or style == "nopct-raw":
            p, c = f"${_en(price, pl)}", _signed(chg)
        elif style == "pairs-compact":
            pair, p, shown = (
                ("BTCUSD", "61.32K", "61320"),
                ("ETH/USDT", "3,456.78", "3456.78"),
                ("SOL-USD", "1.452E+2", "145.2"),
                ("XRPUSDT", "0.5234", "0.5234"),
            )[i]
            symbol_html = f'<span class="pair">{pair}</span>'
            shown_price = Decimal(shown)
            c = f"{_signed(chg)}%"
        elif style == "local-de":
            p = f"{_en(price, pl).replace(',', '#').replace('.', ',').replace('#', '.')} €"
            c = f"{_signed(chg, ',')} %"
        elif style == "local-space":
            p = f"{_en(price, pl).replace(',', chr(0xA0)).replace('.', ',')} $"
            c = f"{_signed(chg, ',')} %"
        elif style == "local-swiss":
            p = f"CHF {_en(price, pl).replace(',', chr(0x27))}"
            c = f"{_signed(chg)}%"
        elif style == "arrows":
            p = f"${_en(price, pl)}"
            c = f"{'▲' if chg > 0 else '▼'} {abs(chg):.2f}%"
        elif style == "colour":
            p = f"${_en(price, pl)}"
            c = f"{abs(chg):.2f}%"
            cls = "text-green" if chg > 0 else "text-red"
        elif style == "data-attrs":
            p, c = f"${_en(price, pl)}", f"{_signed(chg)}%"
        else:
            raise ValueError(style)
        gold.append({"symbol": sym, "price": str(shown_price), "change_percent": str(change)})
        if style == "data-attrs":
            items.append(
                f'<div class="coin-item" data-symbol="{sym}" data-price="{price}">'
                f'<img src="/{sym.lower()}.svg" alt="{name}"> {symbol_html}'
                f'<span class="coin-price">{p}</span><span class="coin-change {cls}">{c}</span></div>'
            )
        elif style == "nopct-header":
            items.append(
                f'<tr class="row"><td>{symbol_html}</td><td class="price">{p}</td>'
                f'<td class="change {cls}">{c}</td></tr>'
            )
        else:
            items.append(
                f'<li class="ticker-item">{symbol_html} <span class="name">{name}</span> '
                f'<span class="price">{p}</span> <span class="change {cls}">{c}</span></li>'
            )
    if style == "data-attrs":
        html = '<div class="coin-price-bar">' + "".join(items) + "</div>"
    elif style == "nopct-header":
        a, b, c = (escape(x) for x in header)
        html = (
            '<div class="widget crypto-prices"><table class="price-table"><thead><tr>'
            f"<th>{a}</th><th>{b}</th><th>{c}</th></tr></thead><tbody>"
            + "".join(items)
            + "</tbody></table></div>"
        )
    else:
        html = (
            '<div class="ticker-wrap"><ul class="ticker-list">' + "".join(items) + "</ul>"
            '<ul class="ticker-list" aria-hidden="true">' + "".join(items) + "</ul></div>"
        )
    return html, gold


def price_table(header: tuple[str, str, str]) -> tuple[str, str]:
    """An article's own price table (a trap for the ticker finder) and its body text."""
    a, b, c = header
    rows = [(s, f"${_en(p, _places(p))}", f"{_signed(ch)}%") for s, _n, p, ch in QUOTES[:3]]
    html = (
        "<table><thead><tr>"
        + "".join(f"<th>{escape(x)}</th>" for x in (a, b, c))
        + "</tr></thead><tbody>"
        + "".join("<tr>" + "".join(f"<td>{x}</td>" for x in r) + "</tr>" for r in rows)
        + "</tbody></table>"
    )
    text = "\n".join(" | ".join(r) for r in [(a, b, c), *rows])
    return html, text


# ----------------------------------------------------------------- disclaimers

DISCLAIMER_STYLES = (
    "box", "heading-multi", "glued", "named-multi", "italic", "footer-only", "none",
    "box-with-banner",
)  # fmt: skip
