# ruff: noqa: E501  (markup and text data: long lines read better whole)
"""Page shells of the zoo's stacks: where each CMS or theme puts the article, its meta,
sidebar and footer, with the class names and wrappers it really uses."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import escape


@dataclass(frozen=True)
class Stack:
    """One stack's page shell."""

    name: str
    body_class: str
    content: tuple[str, ...]  #: nested wrapper classes around the article text, outermost first
    article_class: str = "post"
    header_class: str = "site-header"
    title_class: str = "entry-title"
    meta_class: str = "entry-meta"
    main_class: str = "site-main"
    sidebar_class: str = "sidebar widget-area"
    footer_class: str = "site-footer"
    comments: tuple[str, ...] = ("wordpress", "commento", "hyvor", "schema")
    html_attrs: str = ""
    head_extra: str = ""
    root: tuple[str, str] = ("", "")  #: an app root around the page (Next.js, Nuxt)
    jsonld: bool = True
    attrs: str = ""  #: extra attributes on every wrapper (Nuxt's data-v-*)
    extra: dict[str, str] = field(default_factory=dict)


_WP = ("wordpress", "commento", "hyvor", "schema")

STACKS: tuple[Stack, ...] = (
    Stack("newspaper", "post-template-default single single-post td-standard-pack",
          ("td-post-content tagdiv-type",), article_class="td-post-template-default",
          title_class="tdb-title-text", meta_class="td-module-meta-info",
          header_class="td-header-wrap", main_class="td-main-content-wrap td-container-wrap",
          sidebar_class="td-pb-span4 td-main-sidebar", footer_class="td-footer-wrapper"),
    Stack("jnews", "single single-post jeg_single_tpl_1", ("content-inner", "jeg_post_content"),
          article_class="jeg_post", title_class="jeg_post_title", meta_class="jeg_meta_container",
          header_class="jeg_header_wrapper", main_class="jeg_main",
          sidebar_class="jeg_sidebar", footer_class="jeg_footer"),
    Stack("soledad", "single single-post penci-body-single-style-1",
          ("inner-post-entry entry-content",), article_class="post type-post penci-single-artcontent",
          title_class="post-title single-post-title", meta_class="post-box-meta-single",
          header_class="header-standard", main_class="penci-single-wrapper",
          sidebar_class="penci-sidebar-content", footer_class="footer-widgets-wrapper"),
    Stack("jannah", "single-post tie-js", ("entry-content entry clearfix",),
          article_class="container-wrapper post-content tie-standard",
          title_class="post-title entry-title", meta_class="post-meta clearfix",
          header_class="theme-header", main_class="main-content tie-col-md-8",
          sidebar_class="sidebar tie-col-md-4 is-sticky", footer_class="site-footer dark-skin"),
    Stack("smartmag", "post-template-default single single-post", ("post-content cf entry-content",),
          article_class="the-post s-post-modern", title_class="is-title post-title",
          meta_class="post-meta post-meta-a", header_class="smart-head",
          main_class="main ts-contain cf", sidebar_class="col-4 sidebar main-sidebar",
          footer_class="main-footer cols-gap-lg"),
    Stack("publisher", "single single-post bs-theme", ("entry-content clearfix single-post-content",),
          article_class="post single-post-content", title_class="single-post-title",
          meta_class="post-meta single-post-meta", header_class="site-header header-style-2",
          main_class="content-column", sidebar_class="sidebar-column sidebar-column-primary",
          footer_class="site-footer"),
    Stack("elementor", "single elementor-default elementor-template-full-width",
          ("elementor elementor-3120 elementor-location-single",
           "elementor-section elementor-top-section elementor-element",
           "elementor-container elementor-column-gap-default",
           "elementor-column elementor-col-100 elementor-top-column elementor-element",
           "elementor-widget-wrap elementor-element-populated",
           "elementor-element elementor-widget elementor-widget-theme-post-content",
           "elementor-widget-container"),
          article_class="elementor-post", title_class="elementor-heading-title elementor-size-default",
          meta_class="elementor-post-info", header_class="elementor-location-header",
          main_class="site-main", footer_class="elementor-location-footer"),
    Stack("divi", "single et_pb_pagebuilder_layout et_right_sidebar",
          ("entry-content", "et-l et-l--post", "et_builder_inner_content et_pb_gutters3",
           "et_pb_section et_pb_section_0 et_section_regular", "et_pb_row et_pb_row_0",
           "et_pb_column et_pb_column_4_4 et_pb_column_0", "et_pb_module et_pb_text et_pb_text_0",
           "et_pb_text_inner"),
          article_class="et_pb_post", title_class="entry-title", meta_class="post-meta",
          header_class="et-fixed-header", main_class="main-content",
          sidebar_class="et_pb_widget_area_right", footer_class="main-footer"),
    Stack("wpbakery", "single wpb-js-composer js-comp-ver-6.10",
          ("entry-content", "vc_row wpb_row vc_row-fluid", "wpb_column vc_column_container vc_col-sm-12",
           "vc_column-inner", "wpb_wrapper", "wpb_text_column wpb_content_element", "wpb_wrapper"),
          title_class="entry-title", meta_class="entry-meta"),
    Stack("gutenberg", "single wp-embed-responsive", ("entry-content wp-block-post-content is-layout-flow",),
          article_class="wp-block-group", title_class="wp-block-post-title",
          meta_class="wp-block-group is-layout-flex", header_class="wp-block-template-part",
          main_class="wp-block-group"),
    Stack("ghost", "post-template tag-bitcoin", ("gh-content gh-canvas",),
          article_class="article post tag-bitcoin", title_class="article-title",
          meta_class="article-byline-meta", header_class="gh-head", main_class="site-main",
          sidebar_class="gh-sidebar", footer_class="site-footer outer",
          comments=("discourse", "commento", "isso", "remark42", "hyvor")),
    Stack("drupal", "path-node page-node-type-article",
          ("node__content", "clearfix text-formatted field field--name-body field--type-text-with-summary "
           "field--label-hidden field__item"),
          article_class="node node--type-article node--view-mode-full", title_class="page-title",
          meta_class="node__meta", header_class="site-header", main_class="main-content",
          sidebar_class="region region-sidebar-first", footer_class="site-footer",
          comments=("drupal",)),
    Stack("joomla", "com_content view-article layout-blog",
          ("com-content-article__body",), article_class="com-content-article item-page",
          title_class="page-header", meta_class="article-info muted",
          header_class="header container-header", main_class="container-component",
          sidebar_class="container-sidebar-right", footer_class="container-footer footer",
          comments=("joomla",)),
    Stack("typo3", "page-12", ("ce-bodytext",), article_class="frame frame-default frame-type-text",
          title_class="ce-headline-left", meta_class="news-list-date", header_class="page-header",
          main_class="main-section", sidebar_class="sidebar-section", footer_class="footer-section",
          comments=("typo3",)),
    Stack("nextjs", "", ("ArticleBody_body__3kP9x",), article_class="Article_article__k2Jd8",
          title_class="ArticleHeader_title__U7mQx", meta_class="ArticleHeader_byline__Zz1Qe",
          header_class="Header_header__Q1w2e", main_class="Layout_main__Ab12c",
          sidebar_class="Sidebar_rail__Kk8Vb", footer_class="Footer_footer__x0Pq1",
          comments=("nextjs", "hyvor"), root=('<div id="__next">', "</div>")),
    Stack("nuxt", "", ("article-body",), article_class="article-page",
          title_class="article-title", meta_class="article-meta", header_class="app-header",
          main_class="app-main", sidebar_class="app-aside", footer_class="app-footer",
          comments=("nuxt", "remark42"), root=('<div id="__nuxt"><div id="__layout">', "</div></div>"),
          attrs=" data-v-2a183b29"),
    Stack("amp", "amp-mode", ("amp-wp-article-content",), article_class="amp-wp-article",
          title_class="amp-wp-title", meta_class="amp-wp-meta", header_class="amp-wp-header",
          main_class="amp-main", sidebar_class="amp-related", footer_class="amp-wp-footer",
          comments=(), html_attrs=" ⚡",
          head_extra='<script async src="https://cdn.ampproject.org/v0.js"></script>'
          '<style amp-custom>.amp-wp-title{font-size:2em}</style>'),
    Stack("substack", "", ("available-content", "body markup"), article_class="post newsletter-post typography",
          title_class="post-title published", meta_class="post-header byline-wrapper",
          header_class="main-menu", main_class="single-post-container",
          sidebar_class="post-footer-cta", footer_class="footer-wrap", comments=("substack",)),
    Stack("blogger", "version-1-3-3 variant-indie_light", ("post-body entry-content float-container",),
          article_class="post-outer", title_class="post-title entry-title",
          meta_class="post-header", header_class="centered-top-container", main_class="main",
          sidebar_class="sidebar-container", footer_class="footer-outer", comments=("blogger",)),
    Stack("hugo", "", ("post-content",), article_class="post-single", title_class="post-title",
          meta_class="post-meta", header_class="header", main_class="main",
          sidebar_class="related-posts", footer_class="footer",
          comments=("microformats", "isso", "remark42", "commento")),
)  # fmt: skip


@dataclass
class Parts:
    """The rendered pieces of one page."""

    lang: str
    site: str
    title: str
    author: str
    published: str
    shown_date: str
    body: str
    comments: str = ""
    ticker: str = ""
    ticker_in_header: bool = True
    banner: str = ""
    sidebar: str = ""
    footer_note: str = ""


def page(stack: Stack, p: Parts) -> str:
    """The whole page of ``p`` in ``stack``'s shell."""
    a = stack.attrs
    title = escape(p.title)
    jsonld = ""
    if stack.jsonld:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": p.title,
            "datePublished": p.published,
            "author": [{"@type": "Person", "name": p.author}],
            "inLanguage": p.lang,
        }
        jsonld = (
            f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'
        )
    head = (
        f'<head><meta charset="utf-8"><title>{title} | {p.site}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta property="og:title" content="{title}">'
        f'<meta property="article:published_time" content="{p.published}">'
        f"{stack.head_extra}{jsonld}</head>"
    )
    header = (
        f'<header class="{stack.header_class}"{a}><div class="logo"{a}><a href="/">{p.site}</a></div>'
        f'<nav class="main-nav"{a}><ul><li><a href="/news">News</a></li><li><a href="/markets">'
        'Markets</a></li><li><a href="/learn">Learn</a></li></ul></nav>'
        f"{p.ticker if p.ticker_in_header else ''}{p.banner}</header>"
    )
    content = p.body
    for cls in reversed(stack.content):
        content = f'<div class="{cls}"{a}>{content}</div>'
    byline = (
        f'<div class="{stack.meta_class}"{a}><span class="author vcard"><a class="url fn n" '
        f'rel="author" href="/author/{p.author.lower().replace(" ", "-")}">{escape(p.author)}</a>'
        f'</span> <time class="published" datetime="{p.published}">{p.shown_date}</time></div>'
    )
    article = (
        f'<article class="{stack.article_class}"{a}><header class="entry-header"{a}>'
        f'<h1 class="{stack.title_class}"{a}>{title}</h1>{byline}</header>{content}'
        f'<footer class="entry-footer"{a}><span class="tags-links"><a href="/tag/bitcoin" '
        'rel="tag">Bitcoin</a></span></footer></article>'
    )
    side = ""
    if p.sidebar or (p.ticker and not p.ticker_in_header):
        side = (
            f'<aside class="{stack.sidebar_class}"{a}>'
            f"{p.ticker if not p.ticker_in_header else ''}{p.sidebar}</aside>"
        )
    footer = (
        f'<footer class="{stack.footer_class}"{a}>{p.footer_note}'
        f'<p class="copyright">© 2026 {p.site}</p><ul class="footer-links"><li><a href="/about">'
        'About</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>'
    )
    main = f'<main class="{stack.main_class}"{a}>{article}{p.comments}</main>'
    body = f'{stack.root[0]}{header}<div class="site-content"{a}>{main}{side}</div>{footer}{stack.root[1]}'
    if stack.name == "nextjs":
        body += (
            '<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}}}</script>'
        )
    if stack.name == "nuxt":
        body += "<script>window.__NUXT__={};</script>"
    return (
        f'<!DOCTYPE html><html lang="{p.lang}"{stack.html_attrs}>{head}'
        f'<body class="{stack.body_class}">{body}</body></html>'
    )
