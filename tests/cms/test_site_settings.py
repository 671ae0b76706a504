"""Organisation details of the header and footer."""

from cms.models import SiteSettings


def test_social_links_lists_only_the_filled_in_networks_in_order():
    settings = SiteSettings(
        youtube_url="https://youtube.example/esca", linkedin_url="https://linkedin.example/esca"
    )
    assert settings.social_links() == [
        ("LinkedIn", "https://linkedin.example/esca"),
        ("YouTube", "https://youtube.example/esca"),
    ]
    assert SiteSettings().social_links() == []
