"""Boilerplate classes inside the article region and article text taken for boilerplate:
one general markup pattern per test, each on a small page shaped like real ones."""

from __future__ import annotations

from running_text import sentences

import newsparse


def para(i: int) -> str:
    """A paragraph of running text, distinct per ``i``."""
    return f"<p>Paragraph {i}. {sentences(i)}</p>"


def article(n: int = 5, start: int = 0) -> str:
    return "".join(para(start + i) for i in range(n))


def page(body: str) -> str:
    return f"<html><head><title>Rates held steady</title></head><body>{body}</body></html>"


def extract(html: str) -> str:
    return newsparse.parse(html).text


# ------------------------------------------------------------------ class/id names


def test_a_subheads_anchor_id_is_not_read_as_a_box_name() -> None:
    """Tables of contents give each subhead an id made of its own words
    (``nav_only_the_film_remains__1``): a slug of the heading's text, not the name of a
    navigation box, so the subhead stays."""
    body = (
        "<div class='article-content'>" + article(3)
        + "<h3 id='nav_the_bank_stays_put__1' class='subheading'>The bank stays put</h3>"
        + article(3, 10) + "</div>"
    )  # fmt: skip
    text = extract(page(body))
    assert "The bank stays put" in text
    assert "Paragraph 12" in text


def test_the_meta_line_of_a_classic_blog_theme_is_left_out() -> None:
    """Classic WordPress themes close a post with ``p.postmetadata`` ("This entry was
    posted on ... and is filed under ...") and wrap it in ``div.entryfooter``: one-word
    compounds of the meta/footer names."""
    meta = (
        "<p class='postmetadata alt'><small>This entry was posted on Wednesday, November 27th, "
        "2019 at 3:21 pm and is filed under <a href='/c/news'>News</a>. You can follow any "
        "responses to this entry through the <a href='/feed'>RSS 2.0</a> feed.</small></p>"
    )
    footer = (
        "<div class='entryfooter'><p><a href='/feed'>Comments feed</a> | Comments closed</p></div>"
    )
    entry = f"<div class='post'><div class='entry'>{article()}{meta}{footer}</div></div>"
    text = extract(page(entry))
    assert "Paragraph 4" in text
    assert "This entry was posted" not in text
    assert "Comments closed" not in text


def test_a_loading_placeholder_is_left_out() -> None:
    """Infinite-scroll pages keep a "Loading more stories ..." placeholder after the
    article, named ``loading``/``loader``/``spinner``."""
    loading = (
        "<div id='loading' class='loadingAnimation fadeOut'>"
        "<span>Loading more stories ...</span></div>"
    )
    text = extract(page(f"<section class='main'><div>{article()}</div>{loading}</section>"))
    assert "Paragraph 4" in text
    assert "Loading more" not in text


def test_an_author_box_named_in_german_is_left_out() -> None:
    """``autor`` is "author" in German, Polish, Spanish, Portuguese: the box with the
    author's photo and role is not the article."""
    box = (
        "<section class='artDetailAutor__outer'><div class='artDetailAutor__text'>"
        "<p><strong>Anna Beispiel</strong></p><p>Leiterin Redaktion Wirtschaft</p></div></section>"
    )
    text = extract(page(f"<article class='artDetail'><div>{article()}{box}</div></article>"))
    assert "Paragraph 4" in text
    assert "Leiterin Redaktion" not in text


def test_a_comment_section_named_in_german_is_left_out() -> None:
    """``kommentare`` is "comments": its status line is not article text."""
    comments = (
        "<section id='kommentare' class='kommentare'><div><p>Keine Kommentare (Kommentare "
        "erscheinen erst nach unserer Freigabe)</p></div></section>"
    )
    text = extract(page(f"<main>{article()}{comments}</main>"))
    assert "Paragraph 4" in text
    assert "Freigabe" not in text



def test_a_longer_comment_thread_named_forum_does_not_win_over_the_post() -> None:
    """CMSs such as SPIP name a post's comments ``forum`` (``ul.forum``,
    ``forum-message``): a thread longer than the post is still not the article."""
    thread = "".join(
        f"<li class='forum-fil'><div class='forum-message'><div class='forum-texte'>"
        f"{article(3, 20 + 3 * i)}</div></div></li>"
        for i in range(4)
    )
    body = (
        f"<div id='contenu'><div class='texte'>{article(5)}</div></div>"
        f"<div class='aside-col'><div class='divforum'><h2>27 commentaires</h2>"
        f"<ul class='forum'>{thread}</ul></div></div>"
    )
    text = extract(page(body))
    assert "Paragraph 0" in text and "Paragraph 4" in text
    assert "Paragraph 20" not in text


# ------------------------------------------------------------ chrome by shape and wording


def test_a_custom_element_named_as_a_teaser_is_left_out() -> None:
    """Web components name their boxes by tag (``<pp-inline-teaser>``): a teaser of
    another page inside the article text, read like a class name."""
    teaser = (
        "<pp-inline-teaser><pp-link><h3>Questions on workplace safety</h3></pp-link>"
        "<div><p class='text'>Answers to your questions on safety at work, all in one "
        "place.</p></div></pp-inline-teaser>"
    )
    body = f"<article><div class='body-text'>{article(3)}{teaser}{article(2, 10)}</div></article>"
    text = extract(page(body))
    assert "Paragraph 11" in text
    assert "workplace safety" not in text and "all in one place" not in text


def test_a_custom_element_with_article_text_stays() -> None:
    """A custom element whose name says nothing of boilerplate is read as usual."""
    body = f"<app-article-view><div>{article(5)}</div></app-article-view>"
    assert "Paragraph 4" in extract(page(body))


def test_a_post_meta_line_with_a_comment_link_is_left_out() -> None:
    """A blog post's meta line: date, categories and a comments link separated by bars,
    in a ``<small>`` inside the post box."""
    meta = (
        "<small>January 13, 2020 at 08:45 AM | categories: <a href='/c/py'>Python</a>, "
        "<a href='/c/hg'>Mercurial</a> | <a href='/p#disqus_thread'>View Comments</a></small>"
    )
    text = extract(page(f"<div id='content'><div class='blog_post'>{meta}{article()}</div></div>"))
    assert "Paragraph 4" in text
    assert "View Comments" not in text and "categories" not in text


def test_a_line_of_short_facts_without_comment_status_stays() -> None:
    """Bars between short facts of the article itself (a match line) are not a meta
    line: none of its segments is a comment count or status."""
    facts = "<p>Venue: City Stadium | Kick-off: 18:30 | Referee: A. Example</p>"
    text = extract(page(f"<div>{article(3)}{facts}{article(2, 10)}</div>"))
    assert "Kick-off: 18:30" in text


def test_a_button_link_on_its_own_line_is_left_out() -> None:
    """A "back to all news" link styled as a button after the article text."""
    back = "<hr/><a class='button button--grey' href='/'>Back to all news</a>"
    text = extract(page(f"<article class='news-article'><div>{article()}</div>{back}</article>"))
    assert "Paragraph 4" in text
    assert "Back to all news" not in text


def test_a_button_styled_link_inside_a_sentence_stays() -> None:
    """The same class on a link inside a paragraph is part of the sentence."""
    linked = (
        "<p>Readers can <a class='btn btn-link' href='/report'>download the full report</a> "
        "from the bank's website, which also lists the dates of the next meetings.</p>"
    )
    text = extract(page(f"<div>{article(3)}{linked}{article(2, 10)}</div>"))
    assert "download the full report" in text


def test_the_calls_to_follow_and_subscribe_that_close_the_article_are_left_out() -> None:
    """The article's last paragraphs: short, with a link, calling the reader to follow
    the paper on social networks or to sign up for its newsletter."""
    calls = (
        "<p><strong>Follow The Courier on Twitter and Instagram @Courier and on Facebook. "
        "Email us at <a href='mailto:news@example.com'>news@example.com</a>.</strong></p>"
        "<p><i>Do you want to hear from us every morning? "
        "<a href='/newsletter'>Sign up here</a></i></p>"
    )
    text = extract(page(f"<div class='article-content'>{article()}{calls}</div>"))
    assert "Paragraph 4" in text
    assert "Follow The Courier" not in text and "Sign up here" not in text


def test_a_paragraph_about_following_in_the_middle_of_the_article_stays() -> None:
    """The same words in the middle of the text, with more of the article after them,
    are the article."""
    middle = (
        "<p>The bank said it would follow the <a href='/guide'>new guidance</a> on "
        "lending, and subscribe to the common reporting standard.</p>"
    )
    text = extract(page(f"<div class='article-content'>{article(3)}{middle}{article(2, 10)}</div>"))
    assert "follow the new guidance" in text



def _card(i: int, kicker: str) -> str:
    return (
        f"<article class='article-item'><div class='news-img'><a href='/n/{i}'>"
        f"<img src='/i/{i}.jpg' alt=''></a></div><div class='news-block'>{kicker}"
        f"<h3><a href='/n/{i}'>Other headline about the markets, number {i}</a></h3>"
        f"<p class='news-description'>A summary of that other story, which is not this "
        f"one, in a sentence. <small>31.01.2022</small></p></div></article>"
    )


def test_teaser_cards_with_a_category_line_above_the_headline_are_a_teaser_list() -> None:
    """Teaser cards often put a short category or date line above the linked headline;
    the cards are still teasers, and their box heading goes with them."""
    cards = "".join(_card(i, f"<p class='category'><span>Topic {i}</span></p>") for i in range(4))
    related = f"<div class='row'><h2>Top stories of the desk</h2><div>{cards}</div></div>"
    text = extract(page(f"<main><div class='entry'>{article()}</div>{related}</main>"))
    assert "Paragraph 4" in text
    assert "A summary of that other story" not in text
    assert "Top stories of the desk" not in text


def test_sections_of_a_page_that_open_with_a_label_are_not_teaser_cards() -> None:
    """Page-builder rows that open with a short label and a linked title but hold whole
    articles are not teaser cards: only short items may pass over a label line."""
    def row(i: int) -> str:
        return (
            f"<div class='panel-row'><p>Section {i}</p><h3><a href='/s/{i}'>Section title "
            f"number {i} of the page</a></h3>{article(3, 10 * i)}</div>"
        )

    rows = "".join(row(i) for i in range(1, 4))
    body = f"<main><div class='panels'>{rows}</div><div>{article(2, 90)}</div></main>"
    text = extract(page(body))
    assert "Paragraph 10" in text and "Paragraph 30" in text


# ------------------------------------------------------------ article text kept


def test_dated_facts_of_an_event_list_are_not_datelines() -> None:
    """"Label: date" lines among the details of an offer or an event ("Deadline:
    03.11.2019", "Date and time: ...") are facts of the article; a dateline's label says
    published or updated."""
    facts = (
        "<p>Offer period: 21.10.2019 – 27.10.2019</p>"
        "<p>Deadline: 03.11.2019 (postmark)</p>"
        "<p>Updated: 14 hours ago</p>"
    )
    text = extract(page(f"<div class='entry-content'>{article(3)}{facts}{article(2, 10)}</div>"))
    assert "Deadline: 03.11.2019 (postmark)" in text
    assert "Offer period" in text
    assert "Updated: 14 hours ago" not in text


def test_a_table_of_download_links_in_the_article_is_not_a_share_bar() -> None:
    """A table of links with labels (downloads per platform) in a documentation page is
    the article's data, not a row of share buttons."""
    table = (
        "<table><tbody>"
        "<tr><td><a href='/win'>Desktop for Windows</a></td><td>x86_64</td></tr>"
        "<tr><td><a href='/mac'>Desktop for Mac</a></td><td>arm64</td></tr>"
        "</tbody></table>"
    )
    body = f"<main><section class='section'>{article(3)}{table}{article(2, 10)}</section></main>"
    text = extract(page(body))
    assert "Desktop for Windows" in text


_LEAD = (
    "Five young researchers present three new projects at the fair in the city, from "
    "fire fighting to grill charcoal."
)


def _lead_page(lead_box: str, head: str) -> str:
    return (
        f"<html><head><title>Young researchers at the fair</title>{head}</head><body>"
        f"<article class='news-item'><h1>Young researchers at the fair</h1>{lead_box}"
        f"<div class='news-single-content'>{article(5)}</div></article></body></html>"
    )


def test_a_lead_named_subtitle_opens_the_article() -> None:
    """A lead paragraph named ``subtitle`` just before the article text, which the
    page's description does not hold, is the article's first paragraph."""
    head = "<meta name='description' content='Researchers present their projects.'>"
    text = extract(_lead_page(f"<p class='subtitle'>{_LEAD}</p>", head))
    assert text.startswith(_LEAD)


def test_a_lead_only_in_a_description_the_article_does_not_give_is_kept() -> None:
    """The Article's description is the page's meta description; a lead that only the
    Open Graph description holds would be in neither field, so it opens the text."""
    head = (
        "<meta name='description' content='Researchers present their projects.'>"
        f"<meta property='og:description' content='{_LEAD}'>"
    )
    text = extract(_lead_page(f"<div class='intro-text'><p>{_LEAD}</p></div>", head))
    assert text.startswith(_LEAD)


def test_a_subtitle_line_without_a_full_stop_is_still_a_lead() -> None:
    """Subtitle lines often end without punctuation; one of a dozen words or more is a
    lead all the same (a short label line is not)."""
    head = "<meta name='description' content='Researchers present their projects.'>"
    lead = "Five young researchers present three new projects at the fair in the city this week"
    text = extract(_lead_page(f"<p class='subtitle'>{lead}</p>", head))
    assert text.startswith(lead)


def test_a_caption_line_in_a_box_of_its_own_is_left_out() -> None:
    """A figure's caption ("Image: ...") in a ``div`` of its own beside the image, not in
    a ``<figcaption>`` or a paragraph."""
    figure = (
        "<div class='imginline'><img src='/a.jpg' alt=''><span>Image: Snow depth on the "
        "glacier in the model (left) matches the observed variations of snowfall "
        "(right) quite well.</span></div>"
    )
    text = extract(page(f"<div class='entry'>{article(3)}{figure}{article(2, 10)}</div>"))
    assert "Paragraph 11" in text
    assert "Snow depth on the glacier" not in text
