"""The private storage on an S3-compatible bucket (django-storages, the optional `s3` extra).

Kept apart from workflows.storage so that a deployment on the file system needs no boto3.
"""

from storages.backends.s3 import S3Storage

from .storage import refuse_url


class PrivateS3Storage(S3Storage):
    """A bucket whose objects are private and never linked: no URL, signed or not, and no overwrite."""

    def __init__(self, **settings):
        # Fixed, whatever the AWS_* settings say: a stray AWS_DEFAULT_ACL="public-read" or a
        # custom domain must not make a confidential file public.
        settings.update(
            default_acl="private", file_overwrite=False, querystring_auth=False, custom_domain=None
        )
        super().__init__(**settings)

    def url(self, name, parameters=None, expire=None, http_method=None):
        refuse_url(name)
