# SPDX-License-Identifier: MIT
"""The words of the dashboard's "Confirmed by Intune" section, English and
French (merged into :data:`collector.dashboard.i18n.MESSAGES`, so the
consistency test covers them)."""

from __future__ import annotations

from typing import Final

from collector.dashboard.settings import Language

INTUNE_MESSAGES: Final[dict[str, dict[Language, str]]] = {
    "sec_intune": {
        "en": "Confirmed by Intune (Microsoft Graph)",
        "fr": "Confirmé par Intune (Microsoft Graph)",
    },
    "sec_intune_short": {"en": "Intune", "fr": "Intune"},
    "intune_intro": {
        "en": "What Intune says, next to what the devices reported. Limbo: left "
        "the old EMM more than {hours} hours ago and still not confirmed by "
        "Intune. Re-enrolled: left the old EMM, then reported it again.",
        "fr": "Ce que dit Intune, à côté de ce que les appareils ont signalé. "
        "Dans les limbes : a quitté l’ancien EMM il y a plus de {hours} heures "
        "et n’est toujours pas confirmé par Intune. Réinscrit : a quitté "
        "l’ancien EMM, puis l’a signalé de nouveau.",
    },
    "intune_off": {
        "en": "The Microsoft Graph check is off ([intune] enabled = false): "
        "nothing is confirmed by Intune and no device counts as in limbo.",
        "fr": "La vérification Microsoft Graph est désactivée ([intune] enabled "
        "= false) : rien n’est confirmé par Intune et aucun appareil n’est "
        "compté dans les limbes.",
    },
    "intune_never": {
        "en": "No Microsoft Graph sync has run yet.",
        "fr": "Aucune synchronisation Microsoft Graph n’a encore eu lieu.",
    },
    "intune_last": {
        "en": "Latest Microsoft Graph sync: {time} ({outcome}).",
        "fr": "Dernière synchronisation Microsoft Graph : {time} ({outcome}).",
    },
    "sec_limbo": {
        "en": "In limbo: left the old EMM, not in Intune",
        "fr": "Dans les limbes : ont quitté l’ancien EMM, absents d’Intune",
    },
    "sec_limbo_short": {"en": "Limbo", "fr": "Limbes"},
    "sec_reenrolled": {
        "en": "Re-enrolled in the old EMM",
        "fr": "Réinscrits dans l’ancien EMM",
    },
    "sec_reenrolled_short": {"en": "Re-enrolled", "fr": "Réinscrits"},
    "col_reported_intune": {
        "en": "Reported in Intune",
        "fr": "Signalés dans Intune",
    },
    "col_confirmed_intune": {
        "en": "Confirmed by Intune",
        "fr": "Confirmés par Intune",
    },
    "col_compliant": {"en": "Compliant", "fr": "Conformes"},
    "col_noncompliant": {"en": "Not compliant", "fr": "Non conformes"},
    "col_escrowed": {"en": "Key escrowed", "fr": "Clé sauvegardée"},
    "col_limbo": {"en": "Limbo", "fr": "Limbes"},
    "col_reenrolled": {"en": "Re-enrolled", "fr": "Réinscrits"},
    "col_left_at": {"en": "Left the old EMM", "fr": "A quitté l’ancien EMM"},
    "col_hours": {"en": "Hours since", "fr": "Heures écoulées"},
    "col_reenrolled_at": {
        "en": "Back in the old EMM",
        "fr": "De retour dans l’ancien EMM",
    },
    "col_intune_state": {"en": "Intune", "fr": "Intune"},
    "intune_removed": {"en": "no longer listed", "fr": "plus répertorié"},
    "intune_absent": {"en": "not found", "fr": "introuvable"},
    "intune_present": {"en": "confirmed", "fr": "confirmé"},
    # A sync's outcome (collector.graph.sync.SyncReport.outcome).
    "sync_ok": {"en": "succeeded", "fr": "réussie"},
    "sync_auth-failed": {
        "en": "the sign-in was refused: check the tenant, the client id and the "
        "certificate or secret",
        "fr": "la connexion a été refusée : vérifiez le locataire, l’identifiant "
        "d’application et le certificat ou le secret",
    },
    "sync_forbidden": {
        "en": "a permission is missing: grant admin consent",
        "fr": "une autorisation manque : accordez le consentement administrateur",
    },
    "sync_throttled": {
        "en": "Microsoft Graph kept throttling",
        "fr": "Microsoft Graph a limité les requêtes",
    },
    "sync_unavailable": {
        "en": "Microsoft Graph could not be reached",
        "fr": "Microsoft Graph était injoignable",
    },
}

__all__ = ["INTUNE_MESSAGES"]
