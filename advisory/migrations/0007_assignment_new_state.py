# An assignment starts in "new" and becomes an invitation through the "invite" transition.

import django_fsm
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("advisory", "0006_private_files_token_lifetime_privacy"),
    ]

    operations = [
        migrations.AlterField(
            model_name="assignment",
            name="state",
            field=django_fsm.FSMField(
                choices=[
                    ("new", "New"),
                    ("invited", "Invited"),
                    ("accepted", "Accepted"),
                    ("declined", "Declined"),
                    ("expired", "Expired"),
                    ("withdrawn", "Withdrawn"),
                    ("completed", "Completed"),
                    ("released", "Released"),
                ],
                default="new",
                max_length=50,
                protected=True,
                verbose_name="state",
            ),
        ),
    ]
