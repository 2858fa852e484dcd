"""Closed lists of English word forms that several extractors read: dates use the irregular
past tenses to tell which way a weekday points, titles to tell a clause from a phrase."""

from __future__ import annotations

# Irregular past tenses and participles, the ones news writes ("sank", "fled", "withdrew"):
# no "-ed" ending tells them.
IRREGULAR_PAST = frozenset(
    ["was", "were", "had", "did", "said", "told", "came", "began", "begun", "took", "met", "made", "went", "saw", "held", "gave", "won", "lost", "left", "fell", "rose", "led", "sent", "spoke", "wrote", "brought", "bought", "sold", "thought", "caught", "fought", "sought", "found", "became", "drew", "drove", "flew", "forgot", "froze", "got", "grew", "heard", "hid", "kept", "knew", "laid", "lent", "meant", "paid", "quit", "ran", "rang", "shot", "shut", "sang", "sank", "sat", "slept", "spent", "stood", "stole", "struck", "swore", "tore", "threw", "understood", "woke", "wore", "rode", "broke", "chose", "built", "dealt", "fed", "hung", "withdrew", "arose", "shook", "bore", "beat", "bent", "fled", "forgave", "overcame", "stuck", "swept", "swung", "undertook", "underwent", "upheld", "wept", "wound",
     # the same as the present, and in news mostly past: "traders put the harvest at …"
     "put", "set", "cut", "hit", "let", "cost", "spread", "hurt", "shed", "cast", "burst", "split",
     "slid", "spun", "sprang", "swam", "lit", "crept", "dug", "leapt", "knelt", "sped", "strode",
     "bled", "bred", "clung", "flung", "stung", "taught", "slew", "overtook", "overthrew",
     "foresaw", "mistook", "withheld", "withstood", "rebuilt", "retook", "oversaw", "outgrew"]
)
