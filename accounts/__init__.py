"""Staff accounts: sign-in throttling, two-factor authentication, session lifetime."""
