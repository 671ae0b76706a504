"""Reading the site's HTML the way browsers and search engines do."""

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def hreflang_links(response):
    """{hreflang: href} of the <link rel="alternate"> language alternates in <head>."""
    return {
        link["hreflang"]: link["href"]
        for link in soup(response).select('head link[rel="alternate"][hreflang]')
    }


def switcher_languages(response):
    """Language codes the language switcher offers, in order."""
    return [a["hreflang"] for a in soup(response).select(".lang-switch a[hreflang]")]
