"""Argdown's own tables: its default shortcodes and its colour schemes (from ``@argdown/core`` 1.7).

Argdown replaces the shortcodes (``plugins/shortcodes.js``) in statement
texts, descriptions, headings and inference rules; any other ``.xyz.`` or
``:xyz:`` stays in the text as written. Its colour plugin
(``plugins/colorSchemes.js``) gives the n-th tag of a file (in order of first
occurrence) colour n + 1 of the scheme, unless the front matter's
``color: {tagColors: ...}`` sets it.
"""

SHORTCODES: dict[str, str] = {
    ".A.": "\u2200",  # ∀
    ":A:": "\u2200",  # ∀
    ".E.": "\u2203",  # ∃
    ":E:": "\u2203",  # ∃
    ".O.": "\U0001d5e2",  # 𝗢
    ":O:": "\U0001d5e2",  # 𝗢
    ".P.": "\U0001d5e3",  # 𝗣
    ":P:": "\U0001d5e3",  # 𝗣
    ".->.": "\u2192",  # →
    ":->:": "\u2192",  # →
    ".<->.": "\u2194",  # ↔
    ":<->:": "\u2194",  # ↔
    ".~.": "\u00ac",  # ¬
    ":~:": "\u00ac",  # ¬
    ".^.": "\u2227",  # ∧
    ":^:": "\u2227",  # ∧
    ".v.": "\u2228",  # ∨
    ":v:": "\u2228",  # ∨
    ".v_.": "\u22bb",  # ⊻
    ":v_:": "\u22bb",  # ⊻
    ".<>.": "\u25c7",  # ◇
    ":<>:": "\u25c7",  # ◇
    ".[].": "\u25fb",  # ◻
    ":[]:": "\u25fb",  # ◻
    ":happy:": "\U0001f600",  # 😀
    ".happy.": "\U0001f600",  # 😀
    ":smile:": "\u263a\ufe0f",  # ☺️
    ".smile.": "\u263a",  # ☺
    ":smiley:": "\u263a",  # ☺
    ".smiley.": "\u263a",  # ☺
    ":laugh:": "\U0001f606",  # 😆
    ".laugh.": "\U0001f606",  # 😆
    ":lol:": "\U0001f606",  # 😆
    ".lol.": "\U0001f606",  # 😆
    ":rofl:": "\U0001f923",  # 🤣
    ".rofl.": "\U0001f923",  # 🤣
    ":joy:": "\U0001f602",  # 😂
    ".joy.": "\U0001f602",  # 😂
    ":heart:": "\u2764",  # ❤
    ".heart.": "\u2764",  # ❤
    ".?.": "\u2753",  # ❓
    ":?:": "\u2753",  # ❓
    ".question.": "\u2753",  # ❓
    ":question:": "\u2753",  # ❓
    ":love:": "\U0001f60d",  # 😍
    ".love.": "\U0001f60d",  # 😍
    ":wink:": "\U0001f609",  # 😉
    ".wink.": "\U0001f609",  # 😉
    ":shush:": "\U0001f92b",  # 🤫
    ".shush.": "\U0001f92b",  # 🤫
    ":meh:": "\U0001f610",  # 😐
    ".meh.": "\U0001f610",  # 😐
    ":eye-roll:": "\U0001f644",  # 🙄
    ".eye-roll.": "\U0001f644",  # 🙄
    ":sad:": "\U0001f622",  # 😢
    ".sad.": "\U0001f622",  # 😢
    ":disappointed:": "\U0001f61e",  # 😞
    ".disappointed.": "\U0001f61e",  # 😞
    ":scream:": "\U0001f631",  # 😱
    ".scream.": "\U0001f631",  # 😱
    ":+1:": "\U0001f44d",  # 👍
    ".+1.": "\U0001f44d",  # 👍
    ":up:": "\U0001f44d",  # 👍
    ".up.": "\U0001f44d",  # 👍
    ":-1:": "\U0001f44e",  # 👎
    ".-1.": "\U0001f44e",  # 👎
    ":down:": "\U0001f44e",  # 👎
    ".down.": "\U0001f44e",  # 👎
    ":think:": "\U0001f914",  # 🤔
    ".think.": "\U0001f914",  # 🤔
    ".star.": "\u2b50",  # ⭐
    ":star:": "\u2b50",  # ⭐
    ".y.": "\u2714",  # ✔
    ":y:": "\u2714",  # ✔
    ".agree.": "\u2714",  # ✔
    ":agree:": "\u2714",  # ✔
    ".n.": "\u274c",  # ❌
    ":n:": "\u274c",  # ❌
    ".disagree.": "\u274c",  # ❌
    ":disagree:": "\u274c",  # ❌
}

#: Argdown's colour schemes by name (``color: {colorScheme: NAME}``); ``default`` is used unless set.
COLOR_SCHEMES: dict[str, tuple[str, ...]] = {
    "default": (
        "#1b9e77",
        "#d95f02",
        "#7570b3",
        "#e7298a",
        "#66a61e",
        "#e6ab02",
        "#a6761d",
        "#666666",
    ),
    "iwanthue-colorblind-friendly": (
        "#ba4761",
        "#b65b37",
        "#c99738",
        "#83a142",
        "#52b77f",
        "#7d89e0",
        "#654397",
        "#bc589e",
    ),
    "iwanthue-fancy": (
        "#e6afd3",
        "#9ed2a7",
        "#aebaeb",
        "#d2d39d",
        "#71cdeb",
        "#e6b197",
        "#81d6d0",
        "#baf0d6",
    ),
    "iwanthue-fluo": (
        "#7fe643",
        "#f3bb79",
        "#57e5d6",
        "#eecb3c",
        "#69eb8a",
        "#dbd76f",
        "#cfe945",
        "#b0e391",
    ),
    "iwanthue-red-roses": (
        "#e17892",
        "#da3db3",
        "#e0abbf",
        "#e23b6e",
        "#9a6276",
        "#e17cbc",
        "#aa3d5e",
        "#b14183",
    ),
    "iwanthue-ochre-sand": (
        "#885249",
        "#ec926e",
        "#995432",
        "#e29e96",
        "#b75f56",
        "#e0a081",
        "#ed837b",
        "#ad766b",
    ),
    "iwanthue-yellow-lime": (
        "#ebcba0",
        "#e28c23",
        "#a88c68",
        "#dfb137",
        "#7e5e31",
        "#e2ae59",
        "#aa782a",
        "#deaa6e",
    ),
    "iwanthue-green-mint": (
        "#569a3e",
        "#dfd84b",
        "#657443",
        "#b0e13e",
        "#c6cc9c",
        "#61d950",
        "#a09f40",
        "#a0de87",
    ),
    "iwanthue-ice-cube": (
        "#48bf8c",
        "#3e6f5f",
        "#3ce896",
        "#68a194",
        "#71ecb8",
        "#3d9b76",
        "#adddc9",
        "#62e0d3",
    ),
    "iwanthue-blue-ocean": (
        "#3a718b",
        "#002a33",
        "#2178a3",
        "#0d353f",
        "#4c707b",
        "#214650",
        "#13526c",
        "#395e68",
    ),
    "iwanthue-indigo-night": (
        "#4c8ae7",
        "#2d5192",
        "#829ce5",
        "#4074e3",
        "#5794d7",
        "#2f63ac",
        "#3295e9",
        "#607bc2",
    ),
    "iwanthue-purple-wine": (
        "#5f2cc1",
        "#504361",
        "#4033a2",
        "#27173a",
        "#77268f",
        "#403c81",
        "#321262",
        "#63306e",
    ),
    "colorbrewer-category10": (
        "#1f77b4",
        "#ff7f0e",
        "#2ca02c",
        "#d62728",
        "#9467bd",
        "#8c564b",
        "#e377c2",
        "#7f7f7f",
        "#bcbd22",
        "#17becf",
    ),
    "colorbrewer-accent": (
        "#7fc97f",
        "#beaed4",
        "#fdc086",
        "#ffff99",
        "#386cb0",
        "#f0027f",
        "#bf5b17",
        "#666666",
    ),
    "colorbrewer-dark2": (
        "#1b9e77",
        "#d95f02",
        "#7570b3",
        "#e7298a",
        "#66a61e",
        "#e6ab02",
        "#a6761d",
        "#666666",
    ),
    "colorbrewer-paired": (
        "#a6cee3",
        "#1f78b4",
        "#b2df8a",
        "#33a02c",
        "#fb9a99",
        "#e31a1c",
        "#fdbf6f",
        "#ff7f00",
        "#cab2d6",
        "#6a3d9a",
        "#ffff99",
        "#b15928",
    ),
    "colorbrewer-set": (
        "#e41a1c",
        "#377eb8",
        "#4daf4a",
        "#984ea3",
        "#ff7f00",
        "#ffff33",
        "#a65628",
        "#f781bf",
        "#999999",
    ),
    "colorbrewer-set2": (
        "#66c2a5",
        "#fc8d62",
        "#8da0cb",
        "#e78ac3",
        "#a6d854",
        "#ffd92f",
        "#e5c494",
        "#b3b3b3",
    ),
    "colorbrewer-set3": (
        "#8dd3c7",
        "#ffffb3",
        "#bebada",
        "#fb8072",
        "#80b1d3",
        "#fdb462",
        "#b3de69",
        "#fccde5",
        "#d9d9d9",
        "#bc80bd",
        "#ccebc5",
        "#ffed6f",
    ),
}
