"""Class, id and text vocabulary of reader-comment markup (for :mod:`comments`).

The names stay private: this module is the word list of ``comments.py``, split off
to keep that module readable; nothing else should depend on it.
"""

from __future__ import annotations

import re

from lxml import etree

#: Cheap pre-selection of elements that may be comment items or comment areas.
_CANDIDATE_HINT = re.compile(r"omment|wpd|disqus|respond|post-list|discussion|cooked")
_BODY_CLASSES = frozenset({"entry-content", "article-body", "article-content", "post-body"})
_POST_MESSAGE = etree.XPath(".//*[contains(@class, 'post-message')]")

_ITEM_TAGS = frozenset({"li", "div", "article", "section", "dd", "tr", "blockquote"})
_ITEM_TYPE = re.compile(r"schema\.org/(?:Comment|UserComments)\s*$", re.I)
_ITEM_CLASS = re.compile(
    r"^(?:comment|wpd-comment|comment[-_]?item|comments?__item|comments?-list__item|"
    r"comment[-_]entry|single[-_]comment|c-comment|user[-_]comment|reader[-_]comment|"
    r"thecomment|comment[-_]node|comment[-_]card|comment--(?:reply|nested|child|root)|"
    r"[a-z0-9]*comment[a-z0-9]*[-_]{1,2}(?:card|item|entry|node))$"  # commento-card
)
_ITEM_CLASS_PREFIXED = re.compile(r"^([a-z0-9]+)[-_]{1,2}comment$")
_NOT_ITEM_PREFIX = frozenset(
    {
        "add", "post", "leave", "write", "new", "no", "open", "show", "toggle", "reply", "edit",
        "submit", "load", "more", "recent", "count", "has", "is", "with", "fa", "icon", "btn",
        "button", "link", "menu", "nav", "social", "share", "top", "latest", "last", "js",
        "get", "view", "hide", "allow", "disable", "enable", "closed", "close", "form",
    }
)  # fmt: skip
_ITEM_TESTID = re.compile(r"^comment(?:[-_]?(?:item|card|node|entry|thread-item))?$", re.I)
_ITEM_ID = re.compile(r"^comment[-_]?\d+$", re.I)
_AREA_SUFFIX = (
    r"(?:area|section|container|wrapper|wrap|block|list|thread|threads|box|holder|widget|"
    r"module|template|outer|inner|root|panel|region|feed|stream|embed)"
)
_AREA_TOKEN = re.compile(
    r"^(?:(?:article|post|entry|story|page|user|reader|readers|js|site|blog|single|wp|main|"
    r"the|all|ast|fb|disqus|vf|m|c|l|o|section)[-_])?comments?(?:[-_]" + _AREA_SUFFIX + r")?$"
    r"|^(?!(?:recent|latest|popular|most|last|new)[-_])[a-z0-9]+[-_]comments?[-_]"
    + _AREA_SUFFIX
    + r"$"
    r"|^(?!(?:recent|latest|popular|most|last|new|top|no|show|load|more)[-_])[a-z0-9]{1,12}[-_]"
    r"comments$"
    r"|^(?:wpdcom|wpcomm|wpd-threads|wpd-thread-list|wpd-thread-wrapper|wc-thread-wrapper|"
    r"disqus_thread|wp-block-comments|wp-block-comment-template|"
    r"disqus[-_]comments|commentlist|comment-respond|respond|comments-template|"
    r"discussion|article-discussion|discussion-thread)$"
)
_LIST_AREA = re.compile(r"comments?[-_]{0,2}list$|^commentlist$")
_AREA_TESTID = re.compile(r"^comments?(?:[-_](?:section|list|thread|area|container))?$", re.I)
_RESPOND = re.compile(r"^(?:respond|comment-respond|wpd-form-wrap|wpd_main_comm_form)$")

_CONTENT_PROP = frozenset({"text", "commenttext", "comment-text", "articlebody"})
_CONTENT_STRONG = re.compile(
    r"^(?:comment[-_]?(?:content|text|message|txt|entry-content)|wpd-comment-text|post-message|"
    r"comments?__(?:text|content|message|body)|comment--(?:text|content|body)|"
    r"comment-body-text|commenttext|comment_text|comment_content|message-content|"
    r"comment-(?:body-)?inner-text|e-content|p-content|cooked)$"
)
_CONTENT_MEDIUM = re.compile(
    r"^(?:.*[-_])?(?:comment|message|post)[-_]*(?:text|content|body|message|msg)$|"
    r"^.*__(?:text|content|body|message|msg)$|"
    r"^[a-z0-9]+[-_](?:body|text)$"  # commento-body, isso-text
)
_CONTENT_WEAK = re.compile(
    r"^(?:comment[-_]?body|body|text|message|content|post-body-inner|msg|comment-html)$"
)
_CONTENT_TESTID = re.compile(r"^comment[-_]?(?:body|text|content|message)$", re.I)

_AUTHOR_PROP = frozenset({"author", "creator"})
_AUTHOR_STRONG = re.compile(
    r"^(?:fn|comment[-_]?author(?:[-_]name)?|wpd-comment-author|comments?__(?:author|user|name|"
    r"username)|comment-user(?:name)?|commenter(?:[-_]name)?|author[-_]name|user[-_]?name|"
    r"display[-_]name|nickname|comment__author-name|comment-name)$"
)
_AUTHOR_MEDIUM = re.compile(
    r"^(?:.*[-_])?(?:author(?:[-_]?name)?|user[-_]?name|commenter(?:[-_]?name)?|nick[-_]?name|"
    r"display[-_]?name|screen[-_]?name)$|"
    r"^[a-z0-9]+(?:[-_]comments?)?(?:[-_]{1,2})(?:name|author)$"  # ht-comment-name, isso-author
)
_AUTHOR_WEAK = re.compile(r"^(?:author|name|user|vcard)$")
_AUTHOR_TESTID = re.compile(r"^(?:comment[-_]?)?(?:author|user(?:name)?|commenter)$", re.I)
_DATE_PROP = frozenset({"datecreated", "datepublished", "commenttime", "uploaddate"})
_DATE_CLASS = re.compile(
    r"^(?:.*[-_])?(?:date|time|timestamp|published|time-ago|timeago|ago|posted|datetime|"
    r"posted-on)$"
)
_META_CLASS = re.compile(
    r"^(?:comment[-_]?(?:meta|metadata|header|head|info|byline|details|top)|"
    r"comments?__(?:meta|header|head|info)|wpd-comment-header|post-meta|post-byline|meta|"
    r"commentmetadata|comment-metadata|tagline|"
    r"comment-author|vcard)$"
)
#: Parts of class tokens (split at - and _) that mark chrome inside a comment.
_CHROME_PARTS = frozenset(
    {
        "reply", "actions", "action", "vote", "votes", "voting", "like", "likes", "dislike",
        "report", "share", "sharing", "flag", "toolbar", "avatar", "badge", "says", "permalink",
        "edit", "reactions", "reaction", "upvote", "downvote", "menu", "footer", "toggle",
        "collapse", "label", "tooltip", "rating", "score", "points", "karma", "icon",
        "buttons", "button", "btn", "controls", "options", "moderation", "flair", "screen",
        "sr", "visually", "hidden", "follow", "subscribe", "indicator", "parent",
    }
)  # fmt: skip
_CHROME_TAGS = frozenset(
    {
        "button", "form", "script", "style", "noscript", "template", "svg", "img", "picture",
        "input", "textarea", "select", "option", "menu", "nav", "iframe", "video", "audio",
        "object", "embed", "canvas", "meta", "link", "head", "title", "dialog",
    }
)  # fmt: skip
_CHROME_WORDS = frozenset(
    {
        "reply", "replies", "like", "likes", "unlike", "dislike", "report", "share", "flag",
        "upvote", "downvote", "edit", "delete", "permalink", "quote", "says:", "says", "said:",
        "link", "copy link", "report abuse", "hide replies", "show replies", "load more",
        "view replies", "reply to this comment", "•", "·", "|", "responder", "antworten",
        "répondre", "rispondi", "responder a", "ответить", "cancel reply", "helpful",
        "read more", "see more", "show more", "show less", "more", "expand", "collapse",
        "edited", "(edit)", "translate", "see translation", "hide", "mute", "block",
    }
)  # fmt: skip
_CHROME_PHRASE = re.compile(
    r"^(?:show|load|view|hide|see|read|expand|collapse)\s+(?:all\s+)?(?:\d+\s+)?(?:more\s+|new\s+)?"
    r"(?:repl(?:y|ies)|comments?|responses?|answers?)\b"
)
_TRAIL_WORDS = frozenset(
    form
    for word in (
        "reply", "like", "likes", "report", "share", "flag", "upvote", "downvote", "edit",
        "delete",
    )
    for form in (word.capitalize(), word.upper())
)  # fmt: skip
_HEADING_TEXT = re.compile(
    r"^(?:\d+\s+(?:thoughts?|comments?|responses?|replies|reactions?|opinions?)\b.*|"
    r"(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)\b.*|"
    r"(?:reader\s+)?comments?(?:\s*\(\d+\))?|discussion|join the (?:discussion|conversation)|"
    r"what do you think\??|(?:\d+\s+)?responses? to\b.*|one (?:thought|comment|response)\b.*|"
    # the same in other languages: "3 Kommentare", "Комментарии (3)", "コメント 3件", "댓글 3개"
    r"(?:\d+\s+)?(?:kommentare?|commentaires?|comentarios?|comentários?|commenti|reacties|"
    r"yorum(?:lar)?|комментари\w*|коментар\w*|komentarz\w*|komentar|bình\s+luận|تعليق\w*)"
    r"(?:\s*\(\d+\))?|"
    r"(?:コメント|댓글|评论|評論|留言)\s*(?:\(?\d+\)?\s*(?:件|개|条)?)?|\d+\s*(?:条|則)?\s*(?:评论|評論|留言))$",
    re.I,
)
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "blockquote", "pre", "section", "article", "header",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "dd", "dt", "dl",
        "figure", "figcaption", "aside", "address", "hr", "details", "summary",
    }
)  # fmt: skip
_DEPTH_CLASS = re.compile(
    r"^(?:(?:comment|wpd_comment|wpd-comment|thread|nested|reply)[-_]{1,2})?"
    r"(?:depth|level|lvl|indent|nesting)[-_]?(\d{1,2})$"
)
_REPLY_FLAG = re.compile(
    r"^(?:is[-_]reply|comment[-_]reply|reply|comment--reply|child[-_]comment|sub[-_]?comment|"
    r"nested[-_]comment|comment--nested|is[-_]child|comment--child|reply[-_]comment|"
    r"is[-_]nested|comment-child)$"
)
_PARENT_ATTRS = (
    "data-parent",
    "data-parent-id",
    "data-parentid",
    "data-parent-comment-id",
    "data-reply-to",
    "data-in-reply-to",
    "data-reply-to-id",
)
_EPOCH_ATTRS = ("data-time", "data-timestamp", "data-utime", "pubdate", "data-date", "datetime")
_NO_PARENT = frozenset({"", "0", "null", "none", "undefined", "false", "-1", "root"})
_ALIAS_ATTRS = ("id", "data-comment-id", "data-commentid", "data-id", "data-comment", "name")
_PARENT_LINK = re.compile(r"(?:^|[-_])(?:in-reply-to|reply-to|replying-to|parent(?:-link)?)$")
_REPLY_TO_PREFIX = re.compile(
    r"^\W*(?:in\s+reply\s+to|replying\s+to|reply\s+to|replied\s+to|responding\s+to|"
    r"antwort\s+an|en\s+réponse\s+à|em\s+resposta\s+a|en\s+respuesta\s+a)\b\W*",
    re.I,
)
_REPLY_BOX = re.compile(
    r"^(?:children|replies|comment[-_]?replies|comments?[-_]children|sub[-_]?comments|"
    r"nested[-_]comments|thread[-_]replies|reply[-_]list|replies[-_]list|child[-_]comments|"
    r"indented|comment[-_]children|thread[-_]children)$"
    r"|__(?:replies|children)$"
)
_MARGIN = re.compile(
    r"(?:^|;)\s*(?:margin|padding)-(?:left|inline-start)\s*:\s*(\d+(?:\.\d+)?)\s*(px|em|rem|%)?",
    re.I,
)
#: An id that is a word prefix and a number ("comment-123", "post-42", "c9001", "123"):
#: its number names the same comment in other attributes.
_NUMBERED_ID = re.compile(r"#?[a-z_-]*?(\d+)", re.I)
_TEMPLATE_TEXT = re.compile(r"\{\{|\}\}|<%|\$\{")
_SPLIT = re.compile(r"[-_]+")
_MARKERS = "↳↪⤷"
_FN = re.compile(r"^(?:.*\s)?fn(?:\s.*)?$")

#: Responsive-visibility utility classes: shown on some screens, so not chrome.
_RESPONSIVE = re.compile(r"^(?:hidden|visible)-(?:xs|sm|md|lg|xl|xxl)\b")
_TRAIL_SEP = re.compile(r"[\s·•|]+$")
_LAST_WORD = re.compile(r"(\S+)\s*$")

_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BREAK = "\x00"
_LINE = "\x01"
#: A link to a user's profile page: in a comment, its text is the commenter's name.
_PROFILE_HREF = re.compile(
    r"/(?:user|users|profile|profil|profiles|u|member|members|people|nutzer|benutzer|"
    r"usuario|utilisateur|utente|gebruiker|kullanici|uzytkownik)/[^/?#]+",
    re.I,
)
