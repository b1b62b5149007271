"""BoWebb Console: the support desk's console for BackOffice Webbtjänster Sweden AB."""

__version__ = "0.1.0"

# The version of BoWebb's customer privacy policy this console was configured for
# (shared/seed). Shown in About, so a change of policy is visible (policy clause 11).
POLICY_VERSION = (
    "Integritetspolicy för kunder till BackOffice Webbtjänster (shared/seed 000_f6cf50b16deb8df3)"
)
