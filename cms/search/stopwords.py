"""The little words of the languages analysed in Python: conjunctions, prepositions, pronouns, "to be".

PostgreSQL's configurations drop the stop words of the languages it stems; for the others the
Python analysis drops these, so that "eksperci w krajach" does not match every page with a "w".
Short lists on purpose: only words that carry no subject in any text, so that dropping one never
loses a page a visitor looks for. Compared after folding ("że" and "ze" are one word here).
"""

STOP_WORDS = {
    "bg": "а в във да до за и из или к като към на не о от по при с се са със та те то у че е",
    "cs": (
        "a aby ale ani by do i jak jako je jeho jej jejich jen jsou k ke kde ktera ktere ktery na nad "
        "o od po pod pro s se si ta tak tam to u v ve z za ze že bylo"
    ),
    "et": "ja ka kui et ei ning mis see on oli ole nagu aga või ka ehk",
    "hr": "a ali da do i iz je ka kao na ne o od pa po s sa se su u za što koji koja koje",
    "lv": "ar arī bet ir ka kas lai līdz no par pie un uz vai ne",
    "mt": "u il li ta fil ma minn ghal lil bhala",
    "pl": (
        "a aby albo ale ani bo by być czy dla do gdy i ich im jak jako jej jest jego już lub na nad "
        "nie o od oraz po pod przez przy się są ta tak te tego ten to tu w we z za ze że co który "
        "która które których którzy tej tym także"
    ),
    "sk": (
        "a aby ako ale ani by do i je jeho jej ich k ku kde na nad o od po pod pre pri s so sa si "
        "su ta tak to v vo z zo za že ktory ktora ktore"
    ),
    "sl": "a ali da do in iz je ki na ne o od pa po pri s so se z za kot tudi",
}
